package org.measures311.measures;

import static org.measures311.measures.DayWindow.sum;

import org.measures311.facts.Channel;

/**
 * The Zendesk measures over handled tickets (a ticket is handled when a 311 CSR authored at least one of its
 * events), dated by the local date of created_at, summed over the period's days.
 */
final class DigitalMeasures {
    private static final int EMAIL = Lineage.TICKETS + Channel.EMAIL.ordinal();
    private static final int WEBFORM = Lineage.TICKETS + Channel.WEBFORM.ordinal();
    private static final int CHAT = Lineage.TICKETS + Channel.CHAT.ordinal();
    private static final int[] EVERY_CHANNEL = everyChannel();

    private final DigitalDailyTotals digital;
    private final DayWindow window;
    private final MeasureRows rows;

    DigitalMeasures(DigitalDailyTotals digital, DayWindow window, MeasureRows rows) {
        this.digital = digital;
        this.window = window;
        this.rows = rows;
    }

    void emit(Period p) {
        int a = window.firstDay(p);
        int b = window.lastDay(p);
        onlineResponseWithin24h(p, a, b);
        chatAnsweredWithin60s(p, a, b);
        issueShare(p, a, b);
        csat(p, a, b);
    }

    /** Handled email + webform tickets whose first public CSR event came within 86,400 s / all of them x 100. */
    private void onlineResponseWithin24h(Period p, int a, int b) {
        rows.percent("online_response_within_24h", p, "", sum(digital.onlineWithin24h, a, b),
                sum(digital.onlineHandled, a, b), EMAIL, WEBFORM);
    }

    /** Handled chat tickets whose first CSR event (public or not) came within 60 s / all of them x 100. */
    private void chatAnsweredWithin60s(Period p, int a, int b) {
        rows.percent("chat_answered_within_60s", p, "", sum(digital.chatWithin60s, a, b),
                sum(digital.chatHandled, a, b), CHAT);
    }

    /** Per category: handled tickets of that category / handled tickets with a category x 100. */
    private void issueShare(Period p, int a, int b) {
        long categorised = sum(digital.categorised, a, b);
        for (int c = 0; c < digital.byCategory.length; c++) {
            rows.share("issue_share", p, digital.categories.value(c), sum(digital.byCategory[c], a, b), categorised,
                    EVERY_CHANNEL);
        }
    }

    /** Good ratings / (good + bad ratings) x 100 over handled tickets of every contact type. */
    private void csat(Period p, int a, int b) {
        long good = sum(digital.goodRatings, a, b);
        rows.percent("csat", p, "", good, good + sum(digital.badRatings, a, b), EVERY_CHANNEL);
    }

    private static int[] everyChannel() {
        int[] buckets = new int[Channel.values().length];
        for (int c = 0; c < buckets.length; c++) {
            buckets[c] = Lineage.TICKETS + c;
        }
        return buckets;
    }
}
