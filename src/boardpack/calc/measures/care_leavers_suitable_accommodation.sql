-- care_leavers_suitable_accommodation — care leavers aged 19 to 21 in suitable accommodation
-- (percent).
--
-- Definition: of the care leavers whose 19th, 20th or 21st birthday fell in the period, the
--   percentage in suitable accommodation on or around that birthday, as reported in OC3.
-- Source: DfE, "Children looked after in England including adoptions" (care leavers now aged
--   19 to 21; formerly NI 147); SSDA903 OC3 ACCOM (CALC.md).
-- Edge rules (the cohort's are in shared/care_leavers.sql):
--   * Cohort: OC3 rows whose 19th, 20th or 21st birthday falls in the period; turning 18 (or
--     22) is not in it. Those who died or returned home to their parents are out; those not
--     in touch, who refused, or whose information is not known stay in the denominator.
--   * Departs from the DfE: its published figure also leaves out those who have gone abroad,
--     been deported or whose residence is not known (LAIT CareLeaverAcc). Which ACCOM codes
--     record those is not confirmed here, so every ACCOM code stays in the denominator.
--   * Suitable: an ACCOM code ending in 1 (B1 … Z1); ending in 2 is unsuitable; 0 is no
--     information.

SELECT
    count(*) FILTER (WHERE accom LIKE '_1') AS numerator,
    count(*) AS denominator
FROM care_leaver
WHERE birthday BETWEEN $period_start AND $period_end;
