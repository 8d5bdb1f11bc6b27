-- Children in need: one copy of each assessment, with the referral date of its episode.
-- Source: CIN census Assessments (AssessmentActualStartDate, AssessmentAuthorisationDate).
--
-- Rules (docs/measures.md, "Shared rules: children in need"):
--  * An assessment belongs to the referral of the same child, census and referral_id (the
--    reader's key for the episode); it is kept once (key: child, referral date, start date),
--    from the latest census.
--  * first_in_episode: the earliest-starting assessment of the episode.

CREATE OR REPLACE TEMP TABLE cin_assessment AS
WITH linked AS (
    SELECT a.lachildid, r.referral_date, a.start_date, a.authorised_date, a.year
    FROM cin_assessments AS a
    LEFT JOIN cin_referrals AS r
        ON r.lachildid = a.lachildid AND r.referral_id = a.referral_id AND r.year = a.year
    WHERE a.lachildid IS NOT NULL AND a.start_date IS NOT NULL
    QUALIFY row_number() OVER (
        PARTITION BY a.lachildid, r.referral_date, a.start_date ORDER BY a.year DESC
    ) = 1
)
SELECT
    lachildid,
    referral_date,
    start_date,
    authorised_date,
    row_number() OVER (PARTITION BY lachildid, referral_date ORDER BY start_date) = 1
        AS first_in_episode
FROM linked;
