-- cpp_count — children who were the subject of a child protection plan at the end of the
-- period (count).
--
-- Definition: the number of children with a plan open on the period's last day (31 March for
--   the collection year), each counted once.
-- Source: DfE, "Characteristics of children in need" — children on a child protection plan at
--   31 March; CIN census ChildProtectionPlans (CALC.md).
-- Edge rules:
--   * Open on a day = started on or before it and not ended by it: a plan that ended on the
--     last day is not counted, one that started that day is.
--   * A plan with no end date is open until the end of the latest census holding it
--     (shared/cin_plan.sql).
--   * A plan that started before the data counts like any other.

SELECT count(*) AS numerator, NULL AS denominator
FROM cpp_at($period_end);
