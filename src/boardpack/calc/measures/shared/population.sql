-- The population aged 0 to 17 a rate divides by. Source: ONS mid-year population estimates
-- (the population file: `year` is the year of the estimate, i.e. the population on 30 June).
--
-- Rules (docs/measures.md, "Shared rules: rates"):
--  * A period of twelve months contains exactly one 30 June: its estimate is the one used
--    (the year to 31 March 2024 uses mid-2023, as the DfE does).
--  * ONS publishes a year late, so when that estimate is not in the file the latest earlier one
--    is used and the result says which. With no estimate on or before the period end the rate
--    is not computable.
--  * Several rows of one year (e.g. one per age) are added together.

CREATE OR REPLACE TEMP TABLE population_year AS
SELECT year, sum(population) AS population
FROM population
WHERE year IS NOT NULL AND population IS NOT NULL
GROUP BY year;

-- population_for(period_end): one row — the estimate used, the one wanted, and a note.
CREATE OR REPLACE TEMP MACRO population_for(period_end) AS TABLE
WITH wanted AS (
    SELECT CASE WHEN month(period_end) >= 6 THEN year(period_end) ELSE year(period_end) - 1 END
        AS wanted_year
),
used AS (
    SELECT max(p.year) AS used_year
    FROM population_year AS p, wanted
    WHERE p.year <= wanted.wanted_year
)
SELECT
    p.population,
    wanted.wanted_year,
    used.used_year,
    CASE
        WHEN used.used_year IS NULL THEN
            format('needs the population estimate for mid-{} (or earlier) in the population file',
                   wanted.wanted_year)
    END AS missing,
    CASE
        WHEN used.used_year = wanted.wanted_year THEN
            format('population: ONS mid-{} estimate', used.used_year)
        WHEN used.used_year IS NOT NULL THEN
            format('population: ONS mid-{} estimate, the latest in the file (mid-{} is not there)',
                   used.used_year, wanted.wanted_year)
    END AS note
FROM wanted
CROSS JOIN used
LEFT JOIN population_year AS p ON p.year = used.used_year;
