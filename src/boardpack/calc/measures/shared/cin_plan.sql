-- Child protection plans: one copy of each plan. Source: CIN census ChildProtectionPlans
-- (CPPstartDate, CPPendDate, NumberOfPreviousCPP).
--
-- Rules (docs/measures.md, "Shared rules: children in need"):
--  * Several censuses: a plan is in every census it was open in; the latest census's copy is
--    kept (key: child and plan start date).
--  * Missing end date: open until the end of the collection year of the latest census holding
--    it (`open_until` = the 1 April after).

CREATE OR REPLACE TEMP TABLE cin_plan AS
SELECT
    lachildid,
    cpp_start,
    cpp_end,
    previous_cpp,
    coalesce(cpp_end, make_date(year, 3, 31) + 1) AS open_until
FROM cin_cpp
WHERE lachildid IS NOT NULL AND cpp_start IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY lachildid, cpp_start ORDER BY year DESC) = 1;

-- cpp_at(on_day): the children on a plan on a day (started on or before it, not ended by it),
-- one row each.
CREATE OR REPLACE TEMP MACRO cpp_at(on_day) AS TABLE
SELECT DISTINCT lachildid
FROM cin_plan
WHERE cpp_start <= on_day AND open_until > on_day;
