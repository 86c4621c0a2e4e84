package org.measures311.ingest.avaya;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.measures311.ingest.text.TextValues;

/**
 * The CMS report columns the reader understands, with the header spellings seen across CMS Supervisor
 * versions and hand-edited exports. Header cells are compared by {@link TextValues#headerKey} (lower case,
 * whitespace removed), so "ACD Calls", "ACDCalls" and "acd  calls" are one column.
 */
enum CmsColumn {
    DATE("Date", false, "date", "day", "reportdate"),
    SKILL("Split/Skill", true, "split/skill", "splitskill", "split/skillname", "skill", "skillname", "split", "splitname"),
    ACD_CALLS("ACD Calls", true, "acdcalls", "answeredcalls", "callsanswered"),
    ABAN_CALLS("Aban Calls", true, "abancalls", "abandonedcalls", "abandoncalls", "abncalls"),
    CALLS_OFFERED("Calls Offered", false, "callsoffered", "offered", "offeredcalls"),
    AVG_SPEED_ANS("Avg Speed Ans", false, "avgspeedans", "avgspeedofanswer", "averagespeedofanswer", "asa"),
    AVG_ABAN_TIME("Avg Aban Time", false, "avgabantime", "avgabandontime", "averageabandontime", "avgabandonedtime"),
    AVG_ACD_TIME("Avg ACD Time", false, "avgacdtime", "averageacdtime", "avgtalktime"),
    AVG_ACW_TIME("Avg ACW Time", false, "avgacwtime", "averageacwtime"),
    ACD_TIME("ACD Time", false, "acdtime", "totalacdtime"),
    ACW_TIME("ACW Time", false, "acwtime", "totalacwtime"),
    HOLD_TIME("Hold Time", false, "holdtime", "totalholdtime"),
    PERCENT_WITHIN_SL("% Within Service Level", false, "%withinservicelevel", "%withinsl", "percentwithinservicelevel",
            "servicelevel%", "servicelevel"),
    ACCEPTABLE("Acceptable", false, "acceptable", "callsanswithinsl", "callsansweredwithinsl", "acceptablecalls"),
    FLOW_IN("Flow In", false, "flowin"),
    FLOW_OUT("Flow Out", false, "flowout"),
    MAX_DELAY("Max Delay", false, "maxdelay", "maximumdelay");

    private static final Map<String, CmsColumn> BY_KEY = new HashMap<>();

    static {
        for (CmsColumn column : values()) {
            for (String alias : column.aliases) {
                if (BY_KEY.put(alias, column) != null) {
                    throw new IllegalStateException("alias used twice: " + alias);
                }
            }
        }
    }

    private final String label;
    private final boolean required;
    private final List<String> aliases;

    CmsColumn(String label, boolean required, String... aliases) {
        this.label = label;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    /** The usual CMS spelling, for messages about a column the file lacks. */
    String label() {
        return label;
    }

    /**
     * Whether every file must have the column. The date is required too, but a single-day report may carry it
     * in its preamble instead, so the reader checks it separately.
     */
    boolean required() {
        return required;
    }

    /** The column a header cell names, or null. */
    static CmsColumn ofHeader(String cell) {
        return BY_KEY.get(TextValues.headerKey(cell));
    }
}
