-- Care leavers reported in OC3, one row per young person and return, with the 19th, 20th or
-- 21st birthday the return reports on. Source: SSDA903 OC3 (CALC.md); DfE, Children looked
-- after in England, "care leavers now aged 19 to 21".
--
-- Rules (docs/measures.md, "Shared rules: care leavers"):
--  * A return's OC3 reports on the young people whose 19th, 20th or 21st birthday fell in its
--    collection year (1 April to 31 March); a row whose date of birth gives no such birthday
--    (someone turning 18, or 22) is not a care leaver of these measures.
--  * The cohort of a period: the rows whose birthday falls in the period (a rolling period can
--    take rows from two returns). Date of birth from OC3, else from the header.
--  * Left out, as the DfE's published figures leave them out (LAIT CareLeaverAcc and
--    CareLeaverEET: "exclude young people who ... have died and those who have returned home
--    to live with parents or someone with parental responsibility for a continuous period of at
--    least 6 months"): IN_TOUCH = DIED, and IN_TOUCH = RHOM, read as that return home (the
--    code's meaning is taken from its name: not confirmed from the SSDA903 guide). Everyone
--    else counts in the denominator, including those not in touch, who refused contact or
--    no longer require services (they are not counted as suitable or in education,
--    employment or training).
--  * 29 February birthdays fall on 1 March in other years (see common.sql).

CREATE OR REPLACE TEMP TABLE care_leaver AS
WITH rows AS (
    SELECT o.child, o.year, o.in_touch, o.activ, o.accom, coalesce(o.dob, c.dob) AS dob
    FROM oc3 AS o
    LEFT JOIN cla_child AS c USING (child)
    WHERE o.child IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY o.child, o.year) = 1
)
SELECT rows.*, ages.age, birthday(rows.dob, ages.age) AS birthday
FROM rows
CROSS JOIN (VALUES (19), (20), (21)) AS ages (age)
WHERE birthday(rows.dob, ages.age) BETWEEN make_date(rows.year - 1, 4, 1)
                                       AND make_date(rows.year, 3, 31)
  AND upper(coalesce(rows.in_touch, '')) NOT IN ('DIED', 'RHOM');
