-- cpp_rate — children who were the subject of a child protection plan per 10,000 children aged
-- 0 to 17 (rate per 10,000).
--
-- Definition: children on a plan at the end of the period (as cpp_count) ÷ the population aged
--   0 to 17 × 10,000.
-- Source: DfE, "Characteristics of children in need" (rate per 10,000 children); ONS mid-year
--   estimates.
-- Edge rules:
--   * The numerator is cpp_count's (open on the last day; missing end dates as cin_plan.sql).
--   * The population as in shared/population.sql (the 30 June inside the period, or the latest
--     earlier estimate, said in the note).

SELECT
    (SELECT count(*) FROM cpp_at($period_end)) AS numerator,
    population AS denominator,
    missing,
    note
FROM population_for($period_end);
