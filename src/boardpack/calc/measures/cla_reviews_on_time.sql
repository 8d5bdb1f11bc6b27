-- cla_reviews_on_time — NI 66: looked-after children reviewed within required timescales
-- (percent).
--
-- Definition: of the children looked after at the end of the period who had been looked after
--   continuously for at least 4 weeks, the percentage whose reviews due in the period were all
--   held on time: the first review within 20 working days of the start of care, the second
--   within 3 months of the first, each later one within 6 months of the one before.
-- Source: National Indicator 66 (DCSF, 2008); Care Planning, Placement and Case Review
--   (England) Regulations 2010, reg. 33; SSDA903 episodes and reviews (CALC.md).
-- Edge rules:
--   * Cohort: cla_count's children (short breaks V3/V4 out, under 18) whose period of care began
--     at least 28 days before the last day.
--   * Reviews held before the start of the current period of care, or after the last day, are
--     ignored; a review on the day care began counts as the first.
--   * Judged: each review held in the period (against the review before it, or the start of
--     care), and the stretch from the last review to the last day: if a review fell due before
--     the last day and none was held, the child was not reviewed on time. A review held late in
--     an earlier period does not count against this one.
--   * Working days as in workdays.py (the day after the start is day 1; bank holidays of England
--     and Wales out); 3 and 6 months: the same day that many months later, or the month's last.
--   * Care that began before the data: a review the data does not hold may lie before its
--     first day, so an interval that begins before the data is late only when the data proves
--     it (the next review, or the last day, more than 6 months after the data's first day), and
--     every interval of such a child is judged against 6 months (which review is the first or
--     second is not known).

WITH data_start AS (
    SELECT first_day FROM data_coverage WHERE source = 'ssda903'
),
cohort AS (
    SELECT child, care_start, care_start >= (SELECT first_day FROM data_start) AS numbered
    FROM cla_at($period_end)
    WHERE care_start <= $period_end - 28
),
events AS (
    -- the start of care (n = 0), then each review (n = 1, 2, …)
    SELECT child, care_start AS day, 0 AS kind FROM cohort
    UNION ALL
    SELECT DISTINCT r.child, r.review AS day, 1 AS kind
    FROM reviews AS r
    JOIN cohort AS c USING (child)
    WHERE r.review >= c.care_start AND r.review <= $period_end
),
intervals AS (
    SELECT
        e.child,
        e.day AS prev_day,
        row_number() OVER by_child - 1 AS n,
        lead(e.day) OVER by_child AS next_review,
        c.numbered
    FROM events AS e
    JOIN cohort AS c USING (child)
    WINDOW by_child AS (PARTITION BY e.child ORDER BY e.day, e.kind)
),
judged AS (
    SELECT
        child,
        coalesce(next_review, $period_end) AS next_day,
        CASE
            WHEN prev_day >= (SELECT first_day FROM data_start) AND numbered AND n = 0
                THEN working_days(prev_day, coalesce(next_review, $period_end)) > 20
            ELSE review_overdue(
                prev_day,
                coalesce(next_review, $period_end),
                CASE WHEN numbered AND n = 1 THEN 3 ELSE 6 END,
                (SELECT first_day FROM data_start)
            )
        END AS late
    FROM intervals
    -- reviews held in the period, and the open stretch after the last one
    WHERE next_review IS NULL OR next_review >= $period_start
)
SELECT
    (SELECT count(*) FROM cohort) - count(DISTINCT child) FILTER (WHERE late) AS numerator,
    (SELECT count(*) FROM cohort) AS denominator
FROM judged;
