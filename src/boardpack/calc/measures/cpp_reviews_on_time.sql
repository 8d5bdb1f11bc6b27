-- cpp_reviews_on_time — NI 67: child protection cases reviewed within required timescales
-- (percent).
--
-- Definition: of the children on a child protection plan at the end of the period who had been
--   on it for at least 3 months, the percentage whose plan had been reviewed within the
--   required timescales throughout: the first review conference within 3 months of the plan's
--   start, each later one within 6 months of the one before.
-- Source: DfE, "Children in need" statistics (child protection plans reviewed within the
--   required timescales; the LAIT measure RevCP: "children who were the subject of a child
--   protection plan at 31 March that had been on a plan for at least three months"), formerly
--   National Indicator 67 (DCSF, 2008); Working Together to Safeguard Children (review
--   timescales); CIN census ChildProtectionPlans and CPPreviewDate (CALC.md).
-- Edge rules:
--   * Cohort: plans open at the end of the period (started on or before its last day, not
--     ended by it) that started at least 3 months before that day; one per child. Until
--     issue 19 the cohort was the plans that ended in the period, which the DfE does not use.
--   * Judged: every review of the plan up to the period end (against the one before it, or
--     the start), and the stretch from the last review to the period end: a review due before
--     the last day and not held makes the case late; one due on the last day is not yet late.
--   * 3 and 6 months: the same day that many months later, or the month's last day.
--   * A plan that started before the data: a review the data does not hold may lie before the
--     data's first day, so an interval that begins before it is late only when the data proves
--     it (the next review, or the period end, more than 6 months after the data's first day).
--   * A review belongs to the plan with the same cpp_id in the same census; reviews are kept
--     once (plan, date), from whichever census holds them.

WITH data_start AS (
    SELECT first_day FROM data_coverage WHERE source = 'cin'
),
cohort AS (
    SELECT lachildid, cpp_start
    FROM cin_plan
    WHERE cpp_start <= $period_end AND open_until > $period_end
      AND plus_months(cpp_start, 3) <= $period_end
),
review_dates AS (
    SELECT DISTINCT r.lachildid, p.cpp_start, r.review_date
    FROM cin_cpp_reviews AS r
    JOIN cin_cpp AS p
        ON p.lachildid = r.lachildid AND p.cpp_id = r.cpp_id AND p.year = r.year
    WHERE r.review_date IS NOT NULL
),
events AS (
    -- the plan's start (kind 0), then each review (kind 1)
    SELECT lachildid, cpp_start, cpp_start AS day, 0 AS kind FROM cohort
    UNION ALL
    SELECT c.lachildid, c.cpp_start, r.review_date, 1
    FROM cohort AS c
    JOIN review_dates AS r USING (lachildid, cpp_start)
    WHERE r.review_date >= c.cpp_start AND r.review_date <= $period_end
),
judged AS (
    SELECT
        lachildid,
        review_overdue(
            day,
            coalesce(lead(day) OVER by_plan, $period_end),
            CASE WHEN row_number() OVER by_plan = 1 THEN 3 ELSE 6 END,
            (SELECT first_day FROM data_start)
        ) AS late
    FROM events
    WINDOW by_plan AS (PARTITION BY lachildid, cpp_start ORDER BY day, kind)
),
children AS (
    SELECT lachildid, bool_or(late) AS late
    FROM judged
    GROUP BY lachildid
)
SELECT count(*) FILTER (WHERE NOT late) AS numerator, count(*) AS denominator
FROM children;
