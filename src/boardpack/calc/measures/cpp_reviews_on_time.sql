-- cpp_reviews_on_time — NI 67: child protection cases reviewed within required timescales
-- (percent).
--
-- Definition: of the child protection plans that ended during the period and had lasted at
--   least 3 months, the percentage whose reviews were all held on time: the first review
--   conference within 3 months of the plan's start, each later one within 6 months of the one
--   before.
-- Source: National Indicator 67 (DCSF, 2008); Working Together to Safeguard Children (review
--   conference timescales); CIN census ChildProtectionPlans and CPPreviewDate (CALC.md).
-- Edge rules:
--   * Cohort: plans with an end date in the period that is at least 3 months after the start.
--   * Judged: every review of the plan (against the one before it, or the start), and the
--     stretch from the last review to the plan's end: a plan that ran past a due review without
--     one was not reviewed on time. A review held on the end date counts.
--   * 3 and 6 months: the same day that many months later, or the month's last day.
--   * A plan that started before the data: a review the data does not hold may lie before the
--     data's first day, so an interval that begins before it is late only when the data proves
--     it (the next review, or the end, more than 6 months after the data's first day).
--   * A review belongs to the plan with the same cpp_id in the same census; reviews are kept
--     once (plan, date), from whichever census holds them.

WITH data_start AS (
    SELECT first_day FROM data_coverage WHERE source = 'cin'
),
cohort AS (
    SELECT lachildid, cpp_start, cpp_end
    FROM cin_plan
    WHERE cpp_end BETWEEN $period_start AND $period_end
      AND cpp_end >= plus_months(cpp_start, 3)
),
review_dates AS (
    SELECT DISTINCT r.lachildid, p.cpp_start, r.review_date
    FROM cin_cpp_reviews AS r
    JOIN cin_cpp AS p
        ON p.lachildid = r.lachildid AND p.cpp_id = r.cpp_id AND p.year = r.year
    WHERE r.review_date IS NOT NULL
),
events AS (
    -- the plan's start (n = 0), then each review (n = 1, 2, …)
    SELECT lachildid, cpp_start, cpp_start AS day, 0 AS kind FROM cohort
    UNION ALL
    SELECT c.lachildid, c.cpp_start, r.review_date, 1
    FROM cohort AS c
    JOIN review_dates AS r USING (lachildid, cpp_start)
    WHERE r.review_date >= c.cpp_start AND r.review_date <= c.cpp_end
),
judged AS (
    SELECT
        e.lachildid,
        e.cpp_start,
        review_overdue(
            e.day,
            coalesce(lead(e.day) OVER by_plan, c.cpp_end),
            CASE WHEN row_number() OVER by_plan = 1 THEN 3 ELSE 6 END,
            (SELECT first_day FROM data_start)
        ) AS late
    FROM events AS e
    JOIN cohort AS c USING (lachildid, cpp_start)
    WINDOW by_plan AS (PARTITION BY e.lachildid, e.cpp_start ORDER BY e.day, e.kind)
),
plans AS (
    SELECT lachildid, cpp_start, bool_or(late) AS late
    FROM judged
    GROUP BY lachildid, cpp_start
)
SELECT count(*) FILTER (WHERE NOT late) AS numerator, count(*) AS denominator
FROM plans;
