-- cla_starts — children who started to be looked after during the period (count).
--
-- Definition: the number of children with a period of care beginning between the period's
--   first and last day inclusive; a child who started more than once is counted once.
-- Source: DfE, "Children looked after in England including adoptions" — children who started
--   to be looked after ("only the first occasion in the year is counted").
-- Edge rules:
--   * A period of care begins with its first episode; an episode that follows another ending
--     X1 on the same day (RNE L, P, T, B or U) is not a start.
--   * Periods of care made only of short breaks (V3/V4) are not counted.

SELECT count(DISTINCT child) AS numerator, NULL AS denominator
FROM cla_care_period
WHERE care_start BETWEEN $period_start AND $period_end
  AND NOT short_break_only;
