-- cla_rate — children looked after per 10,000 children aged 0 to 17 (rate per 10,000).
--
-- Definition: children looked after at the end of the period (as cla_count) ÷ the population
--   aged 0 to 17 × 10,000.
-- Source: DfE, "Children looked after in England including adoptions" (rate per 10,000
--   children aged under 18); ONS mid-year estimates.
-- Edge rules:
--   * The numerator is cla_count's: short breaks (V3/V4) not counted, under 18 only, care that
--     ended on the last day not counted.
--   * The population is the mid-year estimate of the 30 June inside the period, or the latest
--     earlier one when that is not in the file, said in the note (shared/population.sql).

SELECT
    (SELECT count(*) FROM cla_at($period_end)) AS numerator,
    population AS denominator,
    missing,
    note
FROM population_for($period_end);
