-- cla_ceased — children who ceased to be looked after during the period (count).
--
-- Definition: the number of children whose period of care ended (REC other than X1) between
--   the period's first and last day inclusive; a child who ceased more than once is counted
--   once.
-- Source: DfE, "Children looked after in England including adoptions" — children who ceased
--   to be looked after ("only the last occasion in the year is counted").
-- Edge rules:
--   * An X1 end is not ceasing: a new episode began the same day.
--   * Periods of care made only of short breaks (V3/V4) are not counted.
--   * An episode with no end date has not ceased, even past the 18th birthday (the child is no
--     longer counted as looked after, but no ceasing is invented).

SELECT count(DISTINCT child) AS numerator, NULL AS denominator
FROM cla_care_period
WHERE care_end BETWEEN $period_start AND $period_end
  AND NOT short_break_only;
