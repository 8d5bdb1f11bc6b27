-- Children in need: one copy of each referral (episode of need). Source: CIN census
-- (CINreferralDate, CINclosureDate, ReferralNFA; CALC.md).
--
-- Rules (docs/measures.md, "Shared rules: children in need"):
--  * Several censuses: an episode is in every census it was open in; the latest census's copy
--    is kept (key: child and referral date).
--  * Missing closure date: open until the end of the collection year of the latest census
--    holding it (`open_until` = the 1 April after), as for looked-after episodes.
--  * previous_referral_date: the child's latest earlier referral in the data, whatever its
--    outcome (a referral with no further action is a referral).

CREATE OR REPLACE TEMP TABLE cin_referral AS
WITH latest AS (
    SELECT *
    FROM cin_referrals
    WHERE lachildid IS NOT NULL AND referral_date IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY lachildid, referral_date ORDER BY year DESC) = 1
)
SELECT
    lachildid,
    referral_date,
    closure_date,
    coalesce(referral_nfa, false) AS nfa,
    coalesce(closure_date, make_date(year, 3, 31) + 1) AS open_until,
    lag(referral_date) OVER (PARTITION BY lachildid ORDER BY referral_date)
        AS previous_referral_date
FROM latest;

-- cin_at(on_day): the children in need on a day — an episode referred on or before it and not
-- closed by it, other than referrals with no further action — one row each.
CREATE OR REPLACE TEMP MACRO cin_at(on_day) AS TABLE
SELECT DISTINCT lachildid
FROM cin_referral
WHERE referral_date <= on_day AND open_until > on_day AND NOT nfa;
