-- cpp_2years_plus — NI 64: child protection plans lasting 2 years or more (percent).
--
-- Definition: of the child protection plans that ended during the period, the percentage that
--   had lasted 2 years or more from their start date to their end date.
-- Source: DfE, "Children in need" statistics (child protection plans ending by duration; the
--   LAIT measure CPPlans2yrs, whose methodology reads "for two years or longer (i.e. for more
--   than 729 calendar days including days of cessation)"), formerly National Indicator 64
--   (DCSF, 2008); CIN census ChildProtectionPlans (CALC.md).
-- Edge rules:
--   * Ended during the period: end date between the first and last day inclusive. Plans still
--     open (no end date) are not in the measure.
--   * 2 years or more, as the DfE counts it: more than 729 days counting the start day and the
--     day the plan ended, i.e. the end at least 729 days after the start (2 April 2022 to 31
--     March 2024 counts; 3 April 2022 to 31 March 2024 does not). Until issue 19 this was the
--     same date two years later, a day stricter.
--   * A plan that started before the data counts with its recorded start date.
--   * Plans, not children: a child whose two plans ended in the period counts twice.

SELECT
    count(*) FILTER (WHERE cpp_end - cpp_start >= 729) AS numerator,
    count(*) AS denominator
FROM cin_plan
WHERE cpp_end BETWEEN $period_start AND $period_end;
