-- The reference re-derivation of the measures, in SQL, over DuckDB's curated tables (written by
-- DuckDbReference's ingest). Written from docs/measures.md, not from the Java code. One statement per
-- query, separated by lines holding only ';'. The last query returns the rows:
--   measure, grain, period, member, numerator, denominator, value_e4
-- where value_e4 is the value x 10^4 rounded half-up with integer arithmetic (exact, no floating point).

CREATE OR REPLACE TEMP MACRO period_label(g, d) AS CASE g
    WHEN 'day' THEN strftime(d, '%Y-%m-%d')
    WHEN 'month' THEN strftime(d, '%Y-%m')
    WHEN 'year' THEN CAST(year(d) AS VARCHAR)
    ELSE 'FY' || CAST(year(d) + CASE WHEN month(d) >= ${fiscal_start_month} AND ${fiscal_start_month} > 1 THEN 1 ELSE 0 END AS VARCHAR)
END
;
-- Half-up to 4 places of num / den x scale, for non-negative num and positive den: floor(x + 1/2).
CREATE OR REPLACE TEMP MACRO half_up_e4(num, den, scale) AS
    (CAST(num AS HUGEINT) * scale * 20000 + den) // (2 * CAST(den AS HUGEINT))
;
-- Half-up (ties away from zero) to 4 places of a signed num / den x scale, den positive.
CREATE OR REPLACE TEMP MACRO half_up_e4_signed(num, den, scale) AS
    sign(num) * ((abs(CAST(num AS HUGEINT)) * scale * 20000 + den) // (2 * CAST(den AS HUGEINT)))
;
CREATE OR REPLACE TEMP TABLE grains AS SELECT * FROM (VALUES ('day'), ('month'), ('year'), ('fiscal_year')) g(grain)
;
-- Phone: current state per (date, skill key) = the row of the latest-landed file, last row within it; only
-- rows of skills on the (only) skill list, valid on the row's date.
CREATE OR REPLACE TEMP TABLE phone AS
WITH current_rows AS (
    SELECT * FROM phone_skill_days
    QUALIFY row_number() OVER (PARTITION BY date, skill_key ORDER BY landed DESC, line DESC) = 1
)
SELECT r.* FROM current_rows r
WHERE EXISTS (SELECT 1 FROM skill_list s
              WHERE s.skill_number = r.skill_number
                AND (s.valid_from IS NULL OR r.date >= s.valid_from)
                AND (s.valid_to IS NULL OR r.date <= s.valid_to))
;
CREATE OR REPLACE TEMP TABLE phone_periods AS
SELECT g.grain, period_label(g.grain, p.date) AS period,
       sum(acd) AS acd, sum(aban) AS aban, sum(coalesce(offered, acd + aban)) AS offered,
       sum(answer_seconds) FILTER (WHERE answer_seconds IS NOT NULL) AS answer_seconds,
       sum(acd) FILTER (WHERE answer_seconds IS NOT NULL) AS answered_acd,
       sum(acceptable) FILTER (WHERE acceptable IS NOT NULL) AS acceptable,
       sum(coalesce(offered, acd + aban)) FILTER (WHERE acceptable IS NOT NULL) AS sl_offered,
       sum(talk_seconds + acw_seconds) FILTER (WHERE talk_seconds IS NOT NULL AND acw_seconds IS NOT NULL) AS handle_seconds,
       sum(acd) FILTER (WHERE talk_seconds IS NOT NULL AND acw_seconds IS NOT NULL) AS handled_acd
FROM phone p CROSS JOIN grains g
GROUP BY ALL
;
-- Zendesk current state: latest record per user and per ticket (ties: later-landed file, then later line).
CREATE OR REPLACE TEMP TABLE csr AS
SELECT user_id FROM users
QUALIFY row_number() OVER (PARTITION BY user_id ORDER BY updated_at DESC NULLS LAST, landed DESC, line DESC) = 1
    AND is_csr
;
CREATE OR REPLACE TEMP TABLE handled AS
WITH current_tickets AS (
    SELECT * FROM tickets
    QUALIFY row_number() OVER (PARTITION BY ticket_id ORDER BY updated_at DESC NULLS LAST, landed DESC, line DESC) = 1
), csr_events AS (
    -- Exact duplicate event rows (same id) change neither the minimum nor whether a CSR event exists.
    SELECT e.ticket_id, min(e.created_at) AS first_csr, min(e.created_at) FILTER (WHERE e.is_public) AS first_public_csr
    FROM ticket_events e SEMI JOIN csr ON e.author_id = csr.user_id
    GROUP BY e.ticket_id
)
SELECT t.ticket_id, CAST(timezone('${zone}', t.created_at) AS DATE) AS date, t.channel, t.category, t.satisfaction,
       epoch(c.first_csr) - epoch(t.created_at) AS first_csr_after,
       epoch(c.first_public_csr) - epoch(t.created_at) AS first_public_csr_after
FROM current_tickets t JOIN csr_events c USING (ticket_id)
;
CREATE OR REPLACE TEMP TABLE handled_periods AS
SELECT g.grain, period_label(g.grain, h.date) AS period, h.channel,
       count(*) AS handled,
       count(*) FILTER (WHERE first_public_csr_after <= 86400) AS within_24h,
       count(*) FILTER (WHERE first_csr_after <= 60) AS within_60s
FROM handled h CROSS JOIN grains g
GROUP BY ALL
;
CREATE OR REPLACE TEMP TABLE contacts AS
SELECT grain, period, 'phone' AS member, acd - aban AS n FROM phone_periods
UNION ALL
SELECT grain, period, channel, handled FROM handled_periods WHERE channel IN ('email', 'webform', 'in_person')
;
CREATE OR REPLACE TEMP TABLE contacts_total AS
SELECT grain, period, sum(n) AS total FROM contacts GROUP BY ALL
;
-- The computed range: every local date the data touches (CMS row dates, ticket and event created_at dates);
-- every period of a grain overlapping it is computed, including periods with no data of their own (growth).
CREATE OR REPLACE TEMP TABLE data_range AS
WITH dates AS (
    SELECT date AS d FROM phone_skill_days
    UNION ALL SELECT CAST(timezone('${zone}', created_at) AS DATE) FROM tickets
    UNION ALL SELECT CAST(timezone('${zone}', created_at) AS DATE) FROM ticket_events
)
SELECT min(d) AS first_day, max(d) AS last_day FROM dates
;
-- Growth: each month, year and fiscal year overlapping the range against the same period one year earlier.
CREATE OR REPLACE TEMP TABLE growth AS
WITH periods AS (
    SELECT DISTINCT g.grain, period_label(g.grain, CAST(d AS DATE)) AS period,
           period_label(g.grain, CAST(d - INTERVAL 1 YEAR AS DATE)) AS earlier
    FROM data_range, generate_series(first_day, last_day, INTERVAL 1 DAY) s(d), grains g
    WHERE g.grain <> 'day'
)
SELECT p.grain, p.period, coalesce(t.total, 0) AS this_total, e.total AS earlier_total
FROM periods p
JOIN contacts_total e ON e.grain = p.grain AND e.period = p.earlier
LEFT JOIN contacts_total t ON t.grain = p.grain AND t.period = p.period
WHERE e.total <> 0
;
WITH rows AS (
    SELECT 'contacts_handled' AS measure, grain, period, member, n AS numerator, NULL::HUGEINT AS denominator, n * 10000 AS value_e4
    FROM contacts WHERE n <> 0
    UNION ALL
    SELECT 'contacts_handled', grain, period, 'total', total, NULL, total * 10000 FROM contacts_total WHERE total <> 0
    UNION ALL
    SELECT 'channel_mix', c.grain, c.period, c.member, c.n, t.total, half_up_e4(c.n, t.total, 100)
    FROM contacts c JOIN contacts_total t USING (grain, period) WHERE c.n <> 0 AND t.total <> 0
    UNION ALL
    SELECT 'contacts_handled_growth', grain, period, '', this_total, earlier_total,
           half_up_e4_signed(this_total - earlier_total, earlier_total, 100)
    FROM growth
    UNION ALL
    SELECT 'acd_calls', grain, period, '', acd, NULL, acd * 10000 FROM phone_periods WHERE acd <> 0
    UNION ALL
    SELECT 'abandoned_calls', grain, period, '', aban, NULL, aban * 10000 FROM phone_periods WHERE aban <> 0
    UNION ALL
    SELECT 'calls_offered', grain, period, '', offered, NULL, offered * 10000 FROM phone_periods WHERE offered <> 0
    UNION ALL
    SELECT 'average_speed_of_answer', grain, period, '', answer_seconds, answered_acd, half_up_e4(answer_seconds, answered_acd, 1)
    FROM phone_periods WHERE answered_acd > 0
    UNION ALL
    SELECT 'service_level', grain, period, '', acceptable, sl_offered, half_up_e4(acceptable, sl_offered, 100)
    FROM phone_periods WHERE sl_offered > 0
    UNION ALL
    SELECT 'abandonment_rate', grain, period, '', aban, offered, half_up_e4(aban, offered, 100)
    FROM phone_periods WHERE offered > 0
    UNION ALL
    SELECT 'average_handle_time', grain, period, '', handle_seconds, handled_acd, half_up_e4(handle_seconds, handled_acd, 1)
    FROM phone_periods WHERE handled_acd > 0
    UNION ALL
    SELECT 'online_response_within_24h', grain, period, '', sum(within_24h), sum(handled), half_up_e4(sum(within_24h), sum(handled), 100)
    FROM handled_periods WHERE channel IN ('email', 'webform') GROUP BY ALL
    UNION ALL
    SELECT 'chat_answered_within_60s', grain, period, '', within_60s, handled, half_up_e4(within_60s, handled, 100)
    FROM handled_periods WHERE channel = 'chat'
    UNION ALL
    SELECT 'issue_share', i.grain, i.period, i.category, i.n, t.n, half_up_e4(i.n, t.n, 100)
    FROM (SELECT g.grain, period_label(g.grain, h.date) AS period, h.category, count(*) AS n
          FROM handled h CROSS JOIN grains g WHERE h.category IS NOT NULL GROUP BY ALL) i
    JOIN (SELECT g.grain, period_label(g.grain, h.date) AS period, count(*) AS n
          FROM handled h CROSS JOIN grains g WHERE h.category IS NOT NULL GROUP BY ALL) t USING (grain, period)
    UNION ALL
    SELECT 'csat', g.grain, period_label(g.grain, h.date), '',
           count(*) FILTER (WHERE satisfaction = 'good'), count(*),
           half_up_e4(count(*) FILTER (WHERE satisfaction = 'good'), count(*), 100)
    FROM handled h CROSS JOIN grains g WHERE h.satisfaction IN ('good', 'bad') GROUP BY ALL
)
SELECT measure, grain, period, member, CAST(numerator AS VARCHAR) AS numerator,
       CAST(denominator AS VARCHAR) AS denominator, CAST(value_e4 AS VARCHAR) AS value_e4
FROM rows
ORDER BY measure, grain, period, member
