-- adoption_a1 — adoption scorecard A1: average days from entering care to moving in with the
-- adoptive family, for children adopted (3-year average; days).
--
-- Definition: for the children adopted in the 36 months to the period's last day, the average
--   number of days between the start of the period of care that ended in adoption and the day
--   they moved in with their adoptive family. Numerator: the total of those days; denominator:
--   the number of children.
-- Source: DfE, Adoption scorecards, indicator A1; SSDA903 episodes (REC E11, E12; PLACE A3–A6)
--   (CALC.md).
-- Edge rules:
--   * Adopted: a period of care ending with REC E11 or E12 between the day after the same date
--     3 years earlier and the last day (for 2024: 1 April 2021 to 31 March 2024).
--   * Entering care: the start of that period of care (episodes joined by X1), not of any
--     earlier one.
--   * Moving in: the start of the placement the child was in when adopted. A placement for
--     adoption with the current foster carer (A3, A5) continues the foster placement, so for
--     foster carers who adopt it is the day the child moved in with them.
--   * A child whose period of care began before the loaded returns (start unknown) is left out
--     and counted in the note: load earlier returns to include them.

WITH adopted AS (
    SELECT *
    FROM adoptions_in(plus_months($period_end, -36) + 1, $period_end)
)
SELECT
    sum(moved_in - care_start) FILTER (WHERE care_start_known) AS numerator,
    count(*) FILTER (WHERE care_start_known) AS denominator,
    CASE
        WHEN count(*) FILTER (WHERE NOT care_start_known) > 0 THEN
            format('{} adopted child(ren) left out: their care began before the loaded returns',
                   count(*) FILTER (WHERE NOT care_start_known))
    END AS note
FROM adopted;
