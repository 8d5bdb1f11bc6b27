-- referrals_to_assessment — NI 68: referrals to children's social care going on to an
-- assessment (percent).
--
-- Definition: of the referrals received during the period, the percentage that went on to an
--   assessment.
-- Source: National Indicator 68 (DCSF, 2008), "Percentage of referrals to children's social
--   care going on to initial assessment" (now the single assessment); CIN census CINdetails
--   and Assessments (CALC.md).
-- Edge rules:
--   * Referrals in the period: referral date between the first and last day inclusive; each
--     referral (episode) counts, so a child referred twice counts twice.
--   * Went on to an assessment: the episode has an assessment that started on or before the
--     period's last day, so the result does not change when a later census is loaded.
--   * Referrals with no further action count in the denominator (they had no assessment).

WITH referrals AS (
    SELECT lachildid, referral_date
    FROM cin_referral
    WHERE referral_date BETWEEN $period_start AND $period_end
),
assessed AS (
    SELECT DISTINCT lachildid, referral_date
    FROM cin_assessment
    WHERE start_date <= $period_end
)
SELECT count(assessed.lachildid) AS numerator, count(*) AS denominator
FROM referrals
LEFT JOIN assessed USING (lachildid, referral_date);
