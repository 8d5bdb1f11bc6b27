-- placements_3plus — NI 62: stability of placements, number of moves (percent).
--
-- Definition: of the children looked after at the end of the period, the percentage who had
--   three or more placements during the period.
-- Source: National Indicator 62 (DCSF, 2008), "Stability of placements of looked after
--   children: number of moves"; SSDA903 episodes (CALC.md).
-- Edge rules (the placement rules are in shared/ssda903.sql):
--   * Denominator: cla_count's children (short breaks V3/V4 out, under 18).
--   * A placement counts when it occupied at least one day of the period: it began on or
--     before the last day and ended after the first day. A placement that ended on the first
--     day (a move on 1 April) does not count; one that started and ended on the same day never
--     counts, so several changes on one day count once.
--   * An X1 break coded RNE L (legal status only) is not a new placement.
--   * A placement for adoption with the current foster carer (A3, A5) is not a new placement.
--   * Temporary placements (T0–T4) are not placements; returning from one to the same setting
--     is not a new placement.
--   * Short-break episodes (V3/V4) are not placements.
--   * Placements from every period of care in the year count, not only the current one.

WITH cohort AS (
    SELECT child FROM cla_at($period_end)
),
placements AS (
    SELECT p.child, count(*) AS placements
    FROM cla_placement AS p
    JOIN cohort USING (child)
    WHERE p.placement_start <= $period_end
      AND p.placement_until > $period_start
      AND p.placement_until > p.placement_start
    GROUP BY p.child
)
SELECT
    (SELECT count(*) FROM placements WHERE placements >= 3) AS numerator,
    (SELECT count(*) FROM cohort) AS denominator;
