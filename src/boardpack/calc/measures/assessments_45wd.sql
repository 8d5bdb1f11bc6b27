-- assessments_45wd — assessments completed within 45 working days (percent), as the DfE
-- publishes it.
--
-- Definition: of the assessments authorised (completed) during the period, the percentage
--   authorised within 45 working days of the assessment's own start date.
-- Source: DfE, "Children in need" statistics, table C2 "Completed assessments by duration of
--   assessment" (explore-education-statistics; the LAIT measure Continue_Assess_Comp): the
--   duration of each assessment from its AssessmentActualStartDate to its
--   AssessmentAuthorisationDate in working days, banded "started and finished the same day",
--   "1 to 10 days" … "41 to 45 days", "46 to 50" …; CIN census Assessments (CALC.md).
--   Working Together's "45 working days from the point of referral" is the measure
--   assessments_45wd_from_referral.
-- Edge rules:
--   * Completed in the period: authorisation date between the first and last day inclusive;
--     assessments not yet authorised are not in the measure.
--   * Every assessment is timed from its own start date, the first of an episode as well as a
--     later one; the referral date plays no part (an assessment whose referral is not in the
--     data is timed all the same).
--   * Within 45 working days: at most 45 working days after the start, counted as in
--     workdays.py: the start day is not counted (an assessment started and authorised the same
--     day took 0 working days, C2's "same day" band, apart from "1 to 10 days"), the
--     authorisation day is; weekends and England and Wales bank holidays are not working days.
--   * An assessment authorised before it started is left out of both numerator and
--     denominator and counted in the note.

WITH completed AS (
    SELECT start_date, authorised_date, authorised_date >= start_date AS usable
    FROM cin_assessment
    WHERE authorised_date BETWEEN $period_start AND $period_end
)
SELECT
    count(*) FILTER (WHERE usable AND working_days(start_date, authorised_date) <= 45)
        AS numerator,
    count(*) FILTER (WHERE usable) AS denominator,
    CASE
        WHEN count(*) FILTER (WHERE NOT usable) > 0 THEN
            format('{} assessment(s) left out: authorised before they started',
                   count(*) FILTER (WHERE NOT usable))
    END AS note
FROM completed;
