package org.measures311.facts;

import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The curated tables and their explicit Arrow schemas. Readers write these columns, in this order; column
 * indices are the constants of each table's nested class. Only ids, timestamps, codes, counts and flags: no
 * names, emails, subjects or comment text ever reach the curated zone.
 */
public enum FactTable {
    /** One row per local date per CMS skill (the "Multi-Day Multi-Skill" grain). */
    PHONE_SKILL_DAYS("phone_skill_days", PhoneSkillDays.SCHEMA),
    TICKETS("tickets", Tickets.SCHEMA),
    TICKET_EVENTS("ticket_events", TicketEvents.SCHEMA),
    USERS("users", Users.SCHEMA),
    /** The 311 skill list (reference/skills.csv); a newer list replaces the older one as a whole. */
    SKILL_LIST("skill_list", SkillList.SCHEMA),
    /** Measure targets (reference/targets.csv). */
    TARGETS("targets", Targets.SCHEMA);

    private final String tableName;
    private final Schema schema;

    FactTable(String tableName, Schema schema) {
        this.tableName = tableName;
        this.schema = schema;
    }

    public String tableName() {
        return tableName;
    }

    public Schema schema() {
        return schema;
    }

    /**
     * The column types. They live in a holder class because an enum's constants are initialised before its
     * other static fields: as plain fields of FactTable they were still null when the constants built their
     * schemas, and FactTable failed to initialise (NullPointerException in FieldType).
     */
    static final class Types {
        static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
        static final ArrowType UTC_MILLIS = new ArrowType.Timestamp(TimeUnit.MILLISECOND, "UTC");
        static final ArrowType INT64 = new ArrowType.Int(64, true);
        static final ArrowType INT32 = new ArrowType.Int(32, true);
        static final ArrowType FLOAT64 = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        static final ArrowType TEXT = ArrowType.Utf8.INSTANCE;
        static final ArrowType BOOL = ArrowType.Bool.INSTANCE;

        private Types() {
        }
    }

    static Field required(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    static Field optional(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    /** Avaya CMS daily skill rows. Seconds are sums over the row's calls (raw totals, or average x calls). */
    public static final class PhoneSkillDays {
        public static final int DATE_COL = 0;
        public static final int SKILL_KEY = 1;
        public static final int SKILL_NUMBER = 2;
        public static final int SKILL_NAME = 3;
        public static final int ACD_CALLS = 4;
        public static final int ABAN_CALLS = 5;
        public static final int CALLS_OFFERED = 6;
        public static final int ANSWER_SECONDS = 7;
        public static final int TALK_SECONDS = 8;
        public static final int ACW_SECONDS = 9;
        public static final int HOLD_SECONDS = 10;
        public static final int ANSWERED_WITHIN_SL = 11;
        public static final int ABANDON_SECONDS = 12;
        public static final int FLOW_IN = 13;
        public static final int FLOW_OUT = 14;
        public static final int MAX_DELAY_SECONDS = 15;
        public static final int SOURCE_LINE = 16;
        public static final Schema SCHEMA = new Schema(List.of(
                required("date", Types.DATE),
                required("skill_key", Types.TEXT),
                optional("skill_number", Types.INT32),
                optional("skill_name", Types.TEXT),
                required("acd_calls", Types.INT64),
                required("aban_calls", Types.INT64),
                optional("calls_offered", Types.INT64),
                optional("answer_seconds", Types.FLOAT64),
                optional("talk_seconds", Types.FLOAT64),
                optional("acw_seconds", Types.FLOAT64),
                optional("hold_seconds", Types.FLOAT64),
                optional("answered_within_sl", Types.INT64),
                optional("abandon_seconds", Types.FLOAT64),
                optional("flow_in", Types.INT64),
                optional("flow_out", Types.INT64),
                optional("max_delay_seconds", Types.FLOAT64),
                required("source_line", Types.INT32)));

        private PhoneSkillDays() {
        }
    }

    /** Zendesk tickets; contact_type is normalised to a channel code (email, webform, in_person, chat, phone, other). */
    public static final class Tickets {
        public static final int TICKET_ID = 0;
        public static final int CREATED_AT = 1;
        public static final int UPDATED_AT = 2;
        public static final int STATUS = 3;
        public static final int VIA_CHANNEL = 4;
        public static final int CONTACT_TYPE = 5;
        public static final int CATEGORY = 6;
        public static final int SATISFACTION = 7;
        public static final int SOURCE_LINE = 8;
        public static final Schema SCHEMA = new Schema(List.of(
                required("ticket_id", Types.INT64),
                required("created_at", Types.UTC_MILLIS),
                optional("updated_at", Types.UTC_MILLIS),
                optional("status", Types.TEXT),
                optional("via_channel", Types.TEXT),
                optional("contact_type", Types.TEXT),
                optional("category", Types.TEXT),
                optional("satisfaction", Types.TEXT),
                required("source_line", Types.INT32)));

        private Tickets() {
        }
    }

    /** Zendesk ticket events (flat table rows, or flattened incremental-export records). */
    public static final class TicketEvents {
        public static final int EVENT_ID = 0;
        public static final int TICKET_ID = 1;
        public static final int CREATED_AT = 2;
        public static final int AUTHOR_ID = 3;
        public static final int EVENT_TYPE = 4;
        public static final int IS_PUBLIC = 5;
        public static final int SOURCE_LINE = 6;
        public static final Schema SCHEMA = new Schema(List.of(
                required("event_id", Types.INT64),
                required("ticket_id", Types.INT64),
                required("created_at", Types.UTC_MILLIS),
                optional("author_id", Types.INT64),
                optional("event_type", Types.TEXT),
                required("is_public", Types.BOOL),
                required("source_line", Types.INT32)));

        private TicketEvents() {
        }
    }

    /** Zendesk users: only the id, role, update time and the 311 CSR marker. */
    public static final class Users {
        public static final int USER_ID = 0;
        public static final int ROLE = 1;
        public static final int UPDATED_AT = 2;
        public static final int IS_CSR = 3;
        public static final int SOURCE_LINE = 4;
        public static final Schema SCHEMA = new Schema(List.of(
                required("user_id", Types.INT64),
                optional("role", Types.TEXT),
                optional("updated_at", Types.UTC_MILLIS),
                required("is_csr", Types.BOOL),
                required("source_line", Types.INT32)));

        private Users() {
        }
    }

    /** One listed 311 skill; a row matches CMS by number, or by normalised name where either side has no number. */
    public static final class SkillList {
        public static final int SKILL_NUMBER = 0;
        public static final int SKILL_NAME = 1;
        public static final int VALID_FROM = 2;
        public static final int VALID_TO = 3;
        public static final int SOURCE_LINE = 4;
        public static final Schema SCHEMA = new Schema(List.of(
                optional("skill_number", Types.INT32),
                optional("skill_name", Types.TEXT),
                optional("valid_from", Types.DATE),
                optional("valid_to", Types.DATE),
                required("source_line", Types.INT32)));

        private SkillList() {
        }
    }

    /** A target for a measure over a validity range (inclusive local dates). */
    public static final class Targets {
        public static final int MEASURE = 0;
        public static final int TARGET = 1;
        public static final int DIRECTION = 2;
        public static final int VALID_FROM = 3;
        public static final int VALID_TO = 4;
        public static final int SOURCE_LINE = 5;
        public static final Schema SCHEMA = new Schema(List.of(
                required("measure", Types.TEXT),
                required("target", Types.FLOAT64),
                optional("direction", Types.TEXT),
                optional("valid_from", Types.DATE),
                optional("valid_to", Types.DATE),
                required("source_line", Types.INT32)));

        private Targets() {
        }
    }
}
