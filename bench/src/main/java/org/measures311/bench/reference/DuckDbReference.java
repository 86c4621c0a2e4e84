package org.measures311.bench.reference;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.measures311.bench.generate.LandingGenerator.GeneratedLanding;
import org.measures311.measures.ProgramCalendar;

/**
 * The reference: DuckDB (JDBC, in this benchmark module only) doing the same work with SQL over the same files.
 * Its "curated zone" is a DuckDB database file: {@code CREATE TABLE ... AS SELECT ... FROM read_csv(...)} parses,
 * types and normalises the rows and writes them to DuckDB's own columnar storage on disk, the equivalent of our
 * parse, normalise to Arrow, write curated IPC. The measures are then SQL over those tables (measures.sql).
 */
public final class DuckDbReference {
    /** The flat events table as the landing zone's CSV holds it, typed at read time. */
    private static final String EVENT_COLUMNS = "{'id': 'BIGINT', 'ticket_id': 'BIGINT', 'created_at': 'TIMESTAMPTZ', "
            + "'author_id': 'BIGINT', 'event_type': 'VARCHAR', 'public': 'VARCHAR'}";
    private static final String EVENT_SELECT = "SELECT id AS event_id, ticket_id, created_at, author_id, event_type, "
            + "lower(CAST(public AS VARCHAR)) IN ('true', '1', 'yes') AS is_public FROM ";

    private final int threads;

    public DuckDbReference(int threads) {
        this.threads = threads;
    }

    /** Opens (creating when missing) a DuckDB database file, with the thread count this benchmark allows. */
    public Connection open(Path database) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("SET preserve_insertion_order = false");
        }
        return c;
    }

    /** Events CSV to a typed table in a new database file; returns the row count. */
    public long ingestEventsCsv(Path csv, Path database) throws SQLException, IOException {
        return ingestEvents(EVENT_SELECT + "read_csv(" + literal(csv) + ", header = true, delim = ',', quote = '\"', "
                + "columns = " + EVENT_COLUMNS + ")", database);
    }

    public long ingestEventsJsonl(Path jsonl, Path database) throws SQLException, IOException {
        return ingestEvents(EVENT_SELECT + "read_json(" + literal(jsonl) + ", format = 'newline_delimited', "
                + "columns = " + EVENT_COLUMNS.replace("'public': 'VARCHAR'", "'public': 'BOOLEAN'") + ")", database);
    }

    public long ingestEventsParquet(Path parquet, Path database) throws SQLException, IOException {
        return ingestEvents(EVENT_SELECT + "read_parquet(" + literal(parquet) + ")", database);
    }

    private long ingestEvents(String select, Path database) throws SQLException, IOException {
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(database + ".wal"));
        try (Connection c = open(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ticket_events AS " + select);
            return count(s, "ticket_events");
        }
    }

    /** The events as Parquet (for the format comparison): typed columns, timestamps as UTC instants. */
    public void writeEventsParquet(Path csv, Path parquet) throws SQLException, IOException {
        Files.createDirectories(parquet.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = " + threads);
            s.execute("COPY (SELECT id, ticket_id, created_at, author_id, event_type, public = 'true' AS public "
                    + "FROM read_csv(" + literal(csv) + ", header = true, columns = " + EVENT_COLUMNS + ") ORDER BY id) TO "
                    + literal(parquet) + " (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)");
        }
    }

    /** Every table of the landing zone into a new database file (DuckDB's curated zone). */
    public void ingestLanding(GeneratedLanding landing, Path database) throws SQLException, IOException {
        Files.deleteIfExists(database);
        Files.deleteIfExists(Path.of(database + ".wal"));
        try (Connection c = open(database); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ticket_events AS " + EVENT_SELECT + "read_csv(" + literal(landing.eventsCsv())
                    + ", header = true, columns = " + EVENT_COLUMNS + ")");
            s.execute("CREATE TABLE tickets (ticket_id BIGINT, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, "
                    + "status VARCHAR, via_channel VARCHAR, channel VARCHAR, category VARCHAR, satisfaction VARCHAR, "
                    + "landed INTEGER, line BIGINT)");
            s.execute("CREATE TABLE users (user_id BIGINT, role VARCHAR, updated_at TIMESTAMPTZ, is_csr BOOLEAN, "
                    + "landed INTEGER, line BIGINT)");
            s.execute("CREATE TABLE phone_skill_days (date DATE, skill_key VARCHAR, skill_number INTEGER, acd BIGINT, "
                    + "aban BIGINT, offered BIGINT, answer_seconds BIGINT, talk_seconds BIGINT, acw_seconds BIGINT, "
                    + "acceptable BIGINT, landed INTEGER, line BIGINT)");
            // CMS durations: ':ss', 'm:ss', 'h:mm:ss' or plain seconds.
            s.execute("CREATE OR REPLACE MACRO seconds_of(x) AS list_reduce(list_transform(string_split(trim(x), ':'), "
                    + "lambda p: coalesce(CAST(nullif(p, '') AS BIGINT), 0)), lambda a, b: a * 60 + b)");
            List<Path> files = landing.filesInLandingOrder();
            for (int order = 0; order < files.size(); order++) {
                Path file = files.get(order);
                String path = landing.landingPath(file);
                if (path.startsWith("zendesk/tickets/")) {
                    s.execute(insertTickets(file, order));
                } else if (path.startsWith("zendesk/users/")) {
                    s.execute("INSERT INTO users SELECT id, role, updated_at, lower(csr_311) IN ('true', '1', 'yes'), "
                            + order + ", row_number() OVER () FROM read_csv(" + literal(file) + ", header = true, "
                            + "columns = {'id': 'BIGINT', 'role': 'VARCHAR', 'updated_at': 'TIMESTAMPTZ', 'csr_311': 'VARCHAR'})");
                } else if (path.startsWith("avaya/")) {
                    s.execute(insertCms(file, order));
                }
            }
            s.execute("CREATE TABLE skill_list AS SELECT CAST(split_part(skill, ' - ', 1) AS INTEGER) AS skill_number, "
                    + "valid_from, valid_to FROM read_csv(" + literal(landing.landing().resolve("reference/skills.csv"))
                    + ", header = true, columns = {'skill': 'VARCHAR', 'valid_from': 'DATE', 'valid_to': 'DATE'})");
            s.execute("CHECKPOINT");
        }
    }

    private static String insertTickets(Path file, int order) {
        return "INSERT INTO tickets SELECT id, created_at, updated_at, status, via_channel, "
                + "CASE regexp_replace(lower(contact_type), '[^a-z]', '', 'g') WHEN 'email' THEN 'email' "
                + "WHEN 'webform' THEN 'webform' WHEN 'inperson' THEN 'in_person' WHEN 'chat' THEN 'chat' "
                + "WHEN 'phone' THEN 'phone' ELSE 'other' END, nullif(trim(category), ''), "
                + "CASE lower(trim(satisfaction)) WHEN 'good' THEN 'good' WHEN 'bad' THEN 'bad' END, "
                + order + ", row_number() OVER () FROM read_csv(" + literal(file) + ", header = true, all_varchar = false, "
                + "columns = {'id': 'BIGINT', 'created_at': 'TIMESTAMPTZ', 'updated_at': 'TIMESTAMPTZ', 'status': 'VARCHAR', "
                + "'via_channel': 'VARCHAR', 'contact_type': 'VARCHAR', 'category': 'VARCHAR', 'satisfaction': 'VARCHAR'})";
    }

    /** A CMS export: fixed preamble lines, tab-delimited, a Totals row to drop; skill "number - name". */
    private static String insertCms(Path file, int order) {
        return "INSERT INTO phone_skill_days SELECT CAST(strptime(\"Date\", '%m/%d/%Y') AS DATE), "
                + "split_part(\"Split/Skill\", ' - ', 1), CAST(split_part(\"Split/Skill\", ' - ', 1) AS INTEGER), "
                + "CAST(\"ACD Calls\" AS BIGINT), CAST(\"Aban Calls\" AS BIGINT), CAST(\"Calls Offered\" AS BIGINT), "
                + "seconds_of(\"Avg Speed Ans\") * CAST(\"ACD Calls\" AS BIGINT), seconds_of(\"ACD Time\"), "
                + "seconds_of(\"ACW Time\"), CAST(\"Acceptable\" AS BIGINT), " + order + ", row_number() OVER () "
                + "FROM read_csv(" + literal(file) + ", delim = '\\t', header = true, skip = 5, all_varchar = true, "
                + "null_padding = true, auto_detect = true) WHERE \"Date\" <> 'Totals'";
    }

    /** Runs measures.sql over a database written by {@link #ingestLanding}; the rows it returns. */
    public List<ReferenceRow> measures(Path database, ProgramCalendar calendar) throws SQLException, IOException {
        List<String> statements = measureStatements(calendar);
        List<ReferenceRow> rows = new ArrayList<>();
        try (Connection c = open(database); Statement s = c.createStatement()) {
            for (int i = 0; i < statements.size() - 1; i++) {
                s.execute(statements.get(i));
            }
            try (ResultSet r = s.executeQuery(statements.get(statements.size() - 1))) {
                while (r.next()) {
                    rows.add(ReferenceRow.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7)));
                }
            }
        }
        return rows;
    }

    static List<String> measureStatements(ProgramCalendar calendar) throws IOException {
        String sql;
        try (InputStream in = DuckDbReference.class.getResourceAsStream("measures.sql")) {
            if (in == null) {
                throw new IOException("measures.sql is missing from the bench jar");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        sql = sql.replace("${zone}", calendar.zone().getId().replace("'", "''"))
                .replace("${fiscal_start_month}", Integer.toString(calendar.fiscalYearStartMonth()));
        List<String> statements = new ArrayList<>();
        for (String part : sql.split("(?m)^;\\s*$")) {
            String body = part.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + b + "\n").trim();
            if (!body.isEmpty()) {
                statements.add(body);
            }
        }
        return statements;
    }

    private static long count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    static String literal(Path p) {
        return "'" + p.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
