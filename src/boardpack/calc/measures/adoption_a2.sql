-- adoption_a2 — adoption scorecard A2: average days from the court's authority to place a
-- child to the match with adopters, for children adopted (3-year average; days).
--
-- Definition: for the children adopted in the 36 months to the period's last day who were
--   placed under a court's authority, the average number of days from that authority (the
--   placement order, legal status E1, or freeing order, D1) to the decision matching them with
--   their adopters (AD1 DATE_MATCH). Numerator: the total of those days; denominator: the
--   number of children.
-- Source: DfE, Adoption scorecards, indicator A2; SSDA903 episodes (LS E1, D1) and AD1
--   (CALC.md).
-- Edge rules:
--   * Adopted: as adoption_a1 (REC E11 or E12 in the 36 months).
--   * The authority: the start of the first episode of that period of care under E1 or D1.
--     Children adopted without one (with parental consent) are not in the measure.
--   * A match before the authority counts as 0 days.
--   * The match date is the child's AD1 DATE_MATCH from the latest return holding it.
--   * Left out, and counted in the note: a child with no match date, and a child whose first
--     E1/D1 episode is the first of a period of care that began before the loaded returns
--     (the order may be older).

WITH adopted AS (
    SELECT *
    FROM adoptions_in(plus_months($period_end, -36) + 1, $period_end)
),
authority AS (
    SELECT
        a.child,
        min(e.decom) AS authority_date,
        min(e.decom) > a.care_start OR a.care_start_known AS authority_known
    FROM adopted AS a
    JOIN cla_episode AS e ON e.child = a.child AND e.period_no = a.period_no
    WHERE e.ls IN ('E1', 'D1')
    GROUP BY a.child, a.period_no, a.care_start, a.care_start_known
),
matched AS (
    SELECT child, date_match
    FROM ad1
    WHERE child IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY child ORDER BY year DESC) = 1
),
judged AS (
    SELECT
        authority.child,
        greatest(matched.date_match - authority.authority_date, 0) AS days,
        authority.authority_known AND matched.date_match IS NOT NULL AS usable
    FROM authority
    LEFT JOIN matched USING (child)
)
SELECT
    sum(days) FILTER (WHERE usable) AS numerator,
    count(*) FILTER (WHERE usable) AS denominator,
    CASE
        WHEN count(*) FILTER (WHERE NOT usable) > 0 THEN
            format('{} adopted child(ren) left out: no match date, or the placement order is '
                   || 'before the loaded returns', count(*) FILTER (WHERE NOT usable))
    END AS note
FROM judged;
