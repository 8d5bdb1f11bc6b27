-- Helpers every measure may use. No input tables.
--
-- birthday(dob, age): the day a person born on dob reaches age. Someone born on 29 February
--   has their birthday on 1 March in other years (a person attains an age at the start of the
--   anniversary of their birth: Family Law Reform Act 1969, s. 9).
-- age_on(dob, d): whole years of age on day d, consistent with birthday().
-- plus_months(d, n): the same day n calendar months later, or that month's last day when it
--   has no such day (31 August + 6 months = 28 or 29 February): "within 3 months".

CREATE OR REPLACE TEMP MACRO birthday(dob, age) AS
    CASE
        WHEN month(dob) = 2 AND day(dob) = 29 AND day(last_day(make_date(CAST(year(dob) + age AS BIGINT), 2, 1))) = 28
            THEN make_date(CAST(year(dob) + age AS BIGINT), 3, 1)
        ELSE make_date(CAST(year(dob) + age AS BIGINT), month(dob), day(dob))
    END;

CREATE OR REPLACE TEMP MACRO age_on(dob, d) AS
    year(d) - year(dob)
    - CASE WHEN month(d) * 100 + day(d) < month(dob) * 100 + day(dob) THEN 1 ELSE 0 END;

CREATE OR REPLACE TEMP MACRO plus_months(d, n) AS CAST(d + to_months(CAST(n AS INTEGER)) AS DATE);

-- review_overdue(prev_day, next_day, months, data_start): true when next_day (the next review,
--   or the day the clock stopped without one) is later than `months` after prev_day. When
--   prev_day is before the first day the data covers (data_start), a review the data does not
--   hold may lie in between: only what the data proves is judged, i.e. next_day later than
--   6 months (the longest interval allowed) after data_start.
CREATE OR REPLACE TEMP MACRO review_overdue(prev_day, next_day, months, data_start) AS
    CASE
        WHEN prev_day < data_start THEN next_day > plus_months(data_start, 6)
        ELSE next_day > plus_months(prev_day, months)
    END;
