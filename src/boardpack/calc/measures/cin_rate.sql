-- cin_rate — children in need per 10,000 children aged 0 to 17 (rate per 10,000).
--
-- Definition: children with an episode of need open at the end of the period ÷ the population
--   aged 0 to 17 × 10,000.
-- Source: DfE, "Characteristics of children in need" — children in need at 31 March (rate per
--   10,000 children); CIN census CINdetails; ONS mid-year estimates.
-- Edge rules:
--   * Open on a day = referred on or before it and not closed by it: an episode closed on the
--     last day is not counted.
--   * Referrals with no further action (ReferralNFA true) are not episodes of need and are not
--     counted, even if no closure date was recorded.
--   * An episode with no closure date is open until the end of the latest census holding it
--     (shared/cin_referral.sql). A child with several open episodes counts once.
--   * The population as in shared/population.sql.

SELECT
    (SELECT count(*) FROM cin_at($period_end)) AS numerator,
    population AS denominator,
    missing,
    note
FROM population_for($period_end);
