-- care_leavers_eet — care leavers aged 19 to 21 in education, employment or training
-- (percent).
--
-- Definition: of the care leavers whose 19th, 20th or 21st birthday fell in the period, the
--   percentage in education, employment or training, as reported in OC3.
-- Source: DfE, "Children looked after in England including adoptions" (care leavers now aged
--   19 to 21; formerly NI 148); SSDA903 OC3 ACTIV (CALC.md).
-- Edge rules (the cohort's are in shared/care_leavers.sql):
--   * Cohort: as care_leavers_suitable_accommodation (birthday in the period; died out; not in
--     touch and not known stay in the denominator).
--   * In education, employment or training: ACTIV F1/P1 (higher education), F2/P2 (other
--     education), F4/P4 (apprenticeship), F5/P5 (training or employment), full or part time.
--     G4, G5, G6 (not in education, employment or training) and 0 (no information) are not.

SELECT
    count(*) FILTER (WHERE activ IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5'))
        AS numerator,
    count(*) AS denominator
FROM care_leaver
WHERE birthday BETWEEN $period_start AND $period_end;
