-- cpp_repeat — NI 65: children becoming the subject of a child protection plan for a second
-- or subsequent time (percent).
--
-- Definition: of the plans that started during the period, the percentage that were a second
--   or subsequent plan for the child, however long ago the earlier plan.
-- Source: National Indicator 65 (DCSF, 2008); CIN census ChildProtectionPlans
--   (NumberOfPreviousCPP; CALC.md).
-- Edge rules:
--   * A repeat when NumberOfPreviousCPP is more than 0, or the child has an earlier plan (an
--     earlier start date) anywhere in the loaded data — either is enough.
--   * Each plan starting in the period counts: a child who started two plans in the period is
--     counted twice, and the second is a repeat.
--   * A missing NumberOfPreviousCPP is taken as no previous plan unless the data shows one.

WITH plans AS (
    SELECT
        cpp_start,
        coalesce(previous_cpp, 0) > 0
        OR lag(cpp_start) OVER (PARTITION BY lachildid ORDER BY cpp_start) IS NOT NULL
            AS repeat_plan
    FROM cin_plan
)
SELECT count(*) FILTER (WHERE repeat_plan) AS numerator, count(*) AS denominator
FROM plans
WHERE cpp_start BETWEEN $period_start AND $period_end;
