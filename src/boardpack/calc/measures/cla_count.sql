-- cla_count — children looked after at the end of the period (count).
--
-- Definition: the number of children looked after on the period's last day (31 March for the
--   collection year), each counted once.
-- Source: DfE, "Children looked after in England including adoptions" — children looked after
--   at 31 March; SSDA903 episodes and header (CALC.md).
-- Edge rules (shared ones in shared/ssda903.sql):
--   * Looked after on a day = an episode began on or before it and had not ended by it: a child
--     whose care ended on 31 March is not counted, one whose care began that day is.
--   * Children looked after only under a short-break series (legal status V3 or V4) are not
--     counted.
--   * A child is not counted on or after their 18th birthday, even with an open episode.
--   * An episode with no end date is open until the end of the latest return holding it.

SELECT count(*) AS numerator, NULL AS denominator
FROM cla_at($period_end);
