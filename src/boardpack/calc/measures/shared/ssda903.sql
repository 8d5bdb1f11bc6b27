-- Looked-after children: one copy of each episode, periods of care and placements.
-- Built once per calculation from the SSDA903 `episodes` and `header` tables; every
-- looked-after measure starts from these. Source: SSDA903 guidance codes (CALC.md).
--
-- Rules (docs/measures.md, "Shared rules: looked-after children"):
--  * Several returns: an episode is in every return it was open in; the copy from the latest
--    return is kept (key: child and DECOM). A child's header is the latest return's.
--  * Missing end date (DEC): an episode followed by a later one ends when the next begins and
--    counts as continuing care (as if it ended X1). The last episode without DEC is open until
--    the end of the collection year of the latest return holding it (`open_until` = the
--    1 April after): a child absent from a later return is not looked after after that.
--  * Period of care: episodes joined by X1 on the same day. A gap, or an episode that ended for
--    any other reason, starts a new period. `care_start_known` is false when the period's first
--    episode in the data is a continuation (RNE other than S) that began before the loaded
--    returns: the real start lies before the data.
--  * Short breaks: episodes under legal status V3 or V4 (an agreed series of short-term
--    placements) never make a placement and never make a child looked after "at" a date.
--  * Placements: a new placement starts at the first other episode of a period of care and at
--    an episode whose RNE is S, P, T, B or U, except
--      - a placement for adoption with the current foster carer (PLACE A3 or A5): same carer,
--        the placement goes on;
--      - a temporary placement (PLACE T0 to T4), and the return from one to the setting the
--        child was in before it (same PLACE, provider, postcode and URN): the placement goes on.
--    RNE L (legal status change only) never starts a placement, so an X1 break coded L is the
--    same placement.
--  * A placement occupies the days [start, until): it ends on the day the next one starts. One
--    that starts and ends on the same day occupies no day and is never counted, so of several
--    changes on one day only the last counts.
--  * A child is not looked after on or after their 18th birthday, whatever the episode says
--    (care ends at 18 in law; an open episode past it is a recording error).

CREATE OR REPLACE TEMP TABLE cla_child AS
SELECT child, dob, sex
FROM header
WHERE child IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY child ORDER BY year DESC) = 1;

CREATE OR REPLACE TEMP TABLE cla_episode AS
WITH latest AS (
    -- one copy of each episode: the latest return's (two episodes of one return may start on
    -- the same day: a placement that lasted no day, then the next)
    SELECT *
    FROM episodes
    WHERE child IS NOT NULL AND decom IS NOT NULL
    QUALIFY year = max(year) OVER (PARTITION BY child, decom)
),
sequenced AS (
    -- seq orders a child's episodes: by start, and an episode that ended the day it began first
    SELECT
        latest.*,
        row_number() OVER (PARTITION BY child ORDER BY decom, dec NULLS LAST, rne, place) AS seq
    FROM latest
),
ended AS (
    SELECT
        sequenced.*,
        coalesce(dec, lead(decom) OVER by_child) AS ended,
        CASE WHEN dec IS NULL AND lead(decom) OVER by_child IS NOT NULL THEN 'X1' ELSE rec END
            AS rec_eff,
        coalesce(ls IN ('V3', 'V4'), false) AS short_break,
        coalesce(place IN ('T0', 'T1', 'T2', 'T3', 'T4'), false) AS temporary,
        -- where the child lived: the same setting means the same place, provider, postcode, URN
        concat_ws('|', coalesce(place, ''), coalesce(place_provider, ''), coalesce(pl_post, ''),
                  coalesce(urn, '')) AS setting
    FROM sequenced
    WINDOW by_child AS (PARTITION BY child ORDER BY seq)
),
care AS (
    SELECT
        ended.*,
        coalesce(ended, make_date(year, 3, 31) + 1) AS open_until,
        coalesce(
            lag(rec_eff) OVER by_child IS DISTINCT FROM 'X1' OR lag(ended) OVER by_child <> decom,
            true
        ) AS starts_period
    FROM ended
    WINDOW by_child AS (PARTITION BY child ORDER BY seq)
),
numbered AS (
    SELECT
        care.*,
        sum(CAST(starts_period AS INTEGER)) OVER (
            PARTITION BY child ORDER BY seq ROWS UNBOUNDED PRECEDING
        ) AS period_no
    FROM care
),
stream AS (
    -- the placement stream: every episode but short breaks, within its period of care
    SELECT
        child,
        seq,
        temporary,
        setting,
        row_number() OVER in_care = 1 AS first_in_care,
        coalesce(lag(temporary) OVER in_care, false) AS after_temporary,
        last_value(CASE WHEN NOT temporary THEN setting END IGNORE NULLS)
            OVER (in_care ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS setting_before,
        rne,
        place
    FROM numbered
    WHERE NOT short_break
    WINDOW in_care AS (PARTITION BY child, period_no ORDER BY seq)
),
placement_starts AS (
    SELECT
        child,
        seq,
        first_in_care OR (
            coalesce(rne IN ('S', 'P', 'T', 'B', 'U'), false)
            AND coalesce(place NOT IN ('A3', 'A5'), true)
            AND NOT temporary
            AND NOT coalesce(after_temporary AND setting = setting_before, false)
        ) AS new_placement
    FROM stream
),
placement_numbers AS (
    SELECT
        child,
        seq,
        new_placement,
        sum(CAST(new_placement AS INTEGER)) OVER (
            PARTITION BY child ORDER BY seq ROWS UNBOUNDED PRECEDING
        ) AS placement_no
    FROM placement_starts
)
SELECT
    numbered.child,
    numbered.seq,
    numbered.decom,
    numbered.rne,
    numbered.ls,
    numbered.place,
    numbered.dec,
    numbered.rec,
    numbered.rec_eff,
    numbered.ended,
    numbered.open_until,
    numbered.short_break,
    numbered.temporary,
    numbered.period_no,
    placement_numbers.new_placement,
    placement_numbers.placement_no,  -- NULL for short breaks
    numbered.year
FROM numbered
LEFT JOIN placement_numbers USING (child, seq);

CREATE OR REPLACE TEMP TABLE cla_care_period AS
SELECT
    child,
    period_no,
    min(decom) AS care_start,
    arg_min(rne, seq) = 'S'
        OR min(decom) >= (SELECT first_day FROM data_coverage WHERE source = 'ssda903')
        AS care_start_known,
    -- the day care ended (NULL while looked after) and why
    CASE WHEN arg_max(rec_eff, seq) IS DISTINCT FROM 'X1' THEN arg_max(ended, seq) END
        AS care_end,
    CASE WHEN arg_max(rec_eff, seq) IS DISTINCT FROM 'X1' THEN arg_max(rec_eff, seq) END
        AS end_reason,
    arg_max(open_until, seq) AS open_until,
    bool_and(short_break) AS short_break_only
FROM cla_episode
GROUP BY child, period_no;

CREATE OR REPLACE TEMP TABLE cla_placement AS
SELECT
    child,
    placement_no,
    any_value(period_no) AS period_no,
    min(decom) AS placement_start,
    arg_max(open_until, seq) AS placement_until,
    arg_min(place, seq) AS first_place,
    arg_max(place, seq) AS last_place
FROM cla_episode
WHERE placement_no IS NOT NULL
GROUP BY child, placement_no;

-- cla_at(on_day): the children looked after on a day (not under a short break, under 18),
-- one row each, with the episode and placement they were in and their period of care.
CREATE OR REPLACE TEMP MACRO cla_at(on_day) AS TABLE
SELECT
    e.child,
    c.dob,
    e.decom,
    e.ls,
    e.place,
    e.period_no,
    e.placement_no,
    cp.care_start,
    cp.care_start_known
FROM cla_episode AS e
JOIN cla_care_period AS cp USING (child, period_no)
LEFT JOIN cla_child AS c USING (child)
WHERE e.decom <= on_day
  AND e.open_until > on_day
  AND NOT e.short_break
  AND (c.dob IS NULL OR age_on(c.dob, on_day) < 18)
QUALIFY row_number() OVER (PARTITION BY e.child ORDER BY e.seq DESC) = 1;

-- adoptions_in(first_day, last_day): periods of care that ended in adoption (REC E11 or E12)
-- between the two days inclusive, with the placement the child was living in when adopted:
-- its start is the day they moved in with the adoptive family (for foster carers who adopt,
-- the day the child moved in with them, since A3/A5 continue that placement).
CREATE OR REPLACE TEMP MACRO adoptions_in(first_day, last_day) AS TABLE
SELECT
    cp.child,
    cp.period_no,
    cp.care_start,
    cp.care_start_known,
    cp.care_end AS adopted_on,
    p.placement_start AS moved_in
FROM cla_care_period AS cp
LEFT JOIN cla_placement AS p ON p.child = cp.child AND p.period_no = cp.period_no
WHERE cp.end_reason IN ('E11', 'E12')
  AND cp.care_end BETWEEN first_day AND last_day
QUALIFY row_number() OVER (
    PARTITION BY cp.child, cp.period_no
    ORDER BY p.placement_until > p.placement_start DESC, p.placement_no DESC
) = 1;
