-- icpc_15wd — initial child protection conferences within 15 working days (percent).
--
-- Definition: of the initial child protection conferences held during the period, the
--   percentage held within 15 working days of the start of the section 47 enquiry that led to
--   them.
-- Source: DfE, "Characteristics of children in need" (ICPCs within 15 working days of the
--   start of the section 47 enquiry); Working Together to Safeguard Children; CIN census
--   Section47 (S47ActualStartDate, DateOfInitialCPC, ICPCnotRequired; CALC.md).
-- Edge rules:
--   * Held in the period: DateOfInitialCPC between the first and last day inclusive. An
--     enquiry marked ICPCnotRequired, or with no conference date, has no conference.
--   * One conference per child and date: when two enquiries give the same conference, it is
--     timed from the later enquiry start on or before it.
--   * Enquiries are kept once (child, start date), from the latest census.
--   * Within 15 working days: at most 15 working days after the enquiry start, counted as in
--     workdays.py (bank holidays of England and Wales out).
--   * A conference dated before its enquiry started is left out and counted in the note.

WITH enquiries AS (
    SELECT lachildid, s47_start_date, icpc_date, icpc_not_required
    FROM cin_s47
    WHERE lachildid IS NOT NULL AND s47_start_date IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY lachildid, s47_start_date ORDER BY year DESC) = 1
),
conferences AS (
    SELECT lachildid, icpc_date, max(s47_start_date) AS s47_start_date
    FROM enquiries
    WHERE icpc_date BETWEEN $period_start AND $period_end
      AND NOT coalesce(icpc_not_required, false)
      AND s47_start_date <= icpc_date
    GROUP BY lachildid, icpc_date
),
backwards AS (
    SELECT count(*) AS n
    FROM enquiries AS e
    WHERE e.icpc_date BETWEEN $period_start AND $period_end
      AND NOT coalesce(e.icpc_not_required, false)
      AND NOT EXISTS (
          SELECT 1 FROM conferences AS c
          WHERE c.lachildid = e.lachildid AND c.icpc_date = e.icpc_date
      )
)
SELECT
    count(*) FILTER (WHERE working_days(s47_start_date, icpc_date) <= 15) AS numerator,
    count(*) AS denominator,
    CASE
        WHEN (SELECT n FROM backwards) > 0 THEN
            format('{} conference(s) left out: dated before their enquiry started',
                   (SELECT n FROM backwards))
    END AS note
FROM conferences;
