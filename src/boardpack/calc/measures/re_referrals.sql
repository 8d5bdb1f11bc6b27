-- re_referrals — re-referrals within 12 months (percent).
--
-- Definition: of the referrals received during the period, the percentage that were within
--   12 months of a previous referral of the same child.
-- Source: DfE, "Characteristics of children in need" (re-referrals within 12 months of a
--   previous referral); CIN census CINreferralDate (CALC.md).
-- Edge rules:
--   * Referrals in the period: referral date between the first and last day inclusive; every
--     referral counts, including those with no further action, and so does every earlier one.
--   * Within 12 months: the previous referral is on or after the same date 12 months earlier
--     (a referral on 15 May 2023 after one on 15 May 2022 is a re-referral).
--   * The previous referral may be before the period: the engine requires the census of the
--     year before, so it is in the data.
--   * Two referrals of a child on the same day are one referral (shared/cin_referral.sql).

SELECT
    count(*) FILTER (WHERE previous_referral_date >= plus_months(referral_date, -12))
        AS numerator,
    count(*) AS denominator
FROM cin_referral
WHERE referral_date BETWEEN $period_start AND $period_end;
