-- cpp_2years_plus — NI 64: child protection plans lasting 2 years or more (percent).
--
-- Definition: of the child protection plans that ended during the period, the percentage that
--   had lasted 2 years or more from their start date to their end date.
-- Source: National Indicator 64 (DCSF, 2008), "Child protection plans lasting 2 years or
--   more"; CIN census ChildProtectionPlans (CALC.md).
-- Edge rules:
--   * Ended during the period: end date between the first and last day inclusive. Plans still
--     open (no end date) are not in the measure.
--   * 2 years or more: the end date is on or after the same date 2 years after the start
--     (1 April 2022 to 1 April 2024 counts; to 31 March 2024 does not).
--   * A plan that started before the data counts with its recorded start date.
--   * Plans, not children: a child whose two plans ended in the period counts twice.

SELECT
    count(*) FILTER (WHERE cpp_end >= plus_months(cpp_start, 24)) AS numerator,
    count(*) AS denominator
FROM cin_plan
WHERE cpp_end BETWEEN $period_start AND $period_end;
