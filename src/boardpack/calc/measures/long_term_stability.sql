-- long_term_stability — NI 63: stability of placements, length of placement (percent).
--
-- Definition: of the children under 16 at the end of the period who had been looked after
--   continuously for at least 2.5 years, the percentage who had been in the same placement for
--   at least 2 years, or were placed for adoption and their adoptive placement together with
--   the placement before it lasted at least 2 years.
-- Source: National Indicator 63 (DCSF, 2008), "Stability of placements of looked after
--   children: length of placement"; SSDA903 episodes and header (CALC.md).
-- Edge rules:
--   * Under 16: aged 15 or less on the last day; a child whose 16th birthday is on or before it
--     is out. Children with no date of birth are out.
--   * Continuously looked after: the period of care (episodes joined by X1) began at least
--     30 months before the last day (on or before 30 September 2.5 years earlier).
--   * 2 years: the placement began on or before the same date 2 years before the last day.
--   * A placement goes on through an X1 break coded L, a temporary placement (T0–T4) and a
--     placement for adoption with the current foster carer (A3, A5), so those children are
--     judged on the foster placement's start.
--   * Placed for adoption (A3 to A6 on the last day): the days of the current placement (to the
--     last day) plus the days of the placement before it in the same period of care must reach
--     the days of the 2 years.
--   * Short breaks (V3/V4) are out, as in cla_count.

WITH cohort AS (
    SELECT *
    FROM cla_at($period_end)
    WHERE dob IS NOT NULL
      AND age_on(dob, $period_end) < 16
      AND care_start <= plus_months($period_end, -30)
),
judged AS (
    SELECT
        cohort.child,
        cur.placement_start <= plus_months($period_end, -24)
        OR (
            coalesce(cohort.place IN ('A3', 'A4', 'A5', 'A6'), false)
            AND ($period_end - cur.placement_start)
                + coalesce(prev.placement_until - prev.placement_start, 0)
                >= $period_end - plus_months($period_end, -24)
        ) AS stable
    FROM cohort
    JOIN cla_placement AS cur
        ON cur.child = cohort.child AND cur.placement_no = cohort.placement_no
    LEFT JOIN cla_placement AS prev
        ON prev.child = cohort.child
        AND prev.placement_no = cohort.placement_no - 1
        AND prev.period_no = cohort.period_no
)
SELECT count(*) FILTER (WHERE stable) AS numerator, count(*) AS denominator
FROM judged;
