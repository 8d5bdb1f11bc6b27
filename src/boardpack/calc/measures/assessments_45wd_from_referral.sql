-- assessments_45wd_from_referral — assessments completed within 45 working days of the
-- referral (percent): Working Together's reading, for local use.
--
-- Definition: of the assessments authorised (completed) during the period, the percentage
--   authorised within 45 working days of the referral.
-- Source: Working Together to Safeguard Children ("no longer than 45 working days from the
--   point of referral"); CIN census Assessments and CINdetails (CALC.md). The DfE's published
--   statistic times each assessment from its own start: that is assessments_45wd, the one to
--   compare with the published figure.
-- Edge rules:
--   * Completed in the period: authorisation date between the first and last day inclusive;
--     assessments not yet authorised are not in the measure.
--   * The clock starts at the referral date for the first assessment of an episode, and at the
--     assessment's own start date for any later one in the same episode (otherwise a second
--     assessment months later could never be on time).
--   * Within 45 working days: counted as for assessments_45wd (workdays.py).
--   * An assessment authorised before its clock start, or whose referral is not in the data,
--     is left out of both numerator and denominator and counted in the note.

WITH completed AS (
    SELECT
        authorised_date,
        CASE WHEN first_in_episode THEN referral_date ELSE start_date END AS clock_start
    FROM cin_assessment
    WHERE authorised_date BETWEEN $period_start AND $period_end
),
usable AS (
    SELECT *, clock_start IS NOT NULL AND authorised_date >= clock_start AS usable
    FROM completed
)
SELECT
    count(*) FILTER (WHERE usable AND working_days(clock_start, authorised_date) <= 45)
        AS numerator,
    count(*) FILTER (WHERE usable) AS denominator,
    CASE
        WHEN count(*) FILTER (WHERE NOT usable) > 0 THEN
            format('{} assessment(s) left out: authorised before the referral, or the referral '
                   || 'is not in the data', count(*) FILTER (WHERE NOT usable))
    END AS note
FROM usable;
