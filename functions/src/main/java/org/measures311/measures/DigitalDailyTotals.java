package org.measures311.measures;

import org.measures311.facts.Channel;
import org.measures311.facts.FactsSnapshot;
import org.measures311.facts.TextDictionary;
import org.measures311.facts.TicketFacts;

/**
 * Intermediate step: handled tickets summed per local day of their created_at, per channel, with the counts
 * each digital measure divides. A ticket's channel, category and rating are those of its latest record.
 */
final class DigitalDailyTotals {
    static final long ONLINE_RESPONSE_LIMIT_SECONDS = 86_400;
    static final long CHAT_ANSWER_LIMIT_SECONDS = 60;

    /** Handled tickets per [channel ordinal][day]. */
    final long[][] handledByChannel;
    /** Handled email + webform tickets, and those whose first public CSR event came within 24 h. */
    final long[] onlineHandled;
    final long[] onlineWithin24h;
    /** Handled chat tickets, and those whose first CSR event (public or not) came within 60 s. */
    final long[] chatHandled;
    final long[] chatWithin60s;
    /** Handled tickets per [category code][day], and handled tickets with any category. */
    final long[][] byCategory;
    final long[] categorised;
    final long[] goodRatings;
    final long[] badRatings;
    final TextDictionary categories;

    private DigitalDailyTotals(int days, TextDictionary categories) {
        this.categories = categories;
        handledByChannel = new long[Channel.values().length][days];
        onlineHandled = new long[days];
        onlineWithin24h = new long[days];
        chatHandled = new long[days];
        chatWithin60s = new long[days];
        byCategory = new long[categories.size()][days];
        categorised = new long[days];
        goodRatings = new long[days];
        badRatings = new long[days];
    }

    static DigitalDailyTotals of(FactsSnapshot facts, DayWindow window, HandledTickets handled, Lineage lineage) {
        TicketFacts tickets = facts.tickets();
        DigitalDailyTotals t = new DigitalDailyTotals(window.days(), tickets.categories());
        int email = Channel.EMAIL.ordinal();
        int webform = Channel.WEBFORM.ordinal();
        int chat = Channel.CHAT.ordinal();
        for (int i = 0, n = tickets.count(); i < n; i++) {
            int day = handled.day[i];
            if (day < 0 || !handled.handled[i]) {
                continue;
            }
            int channel = tickets.channel(i);
            long created = tickets.createdAtMillis(i);
            lineage.add(Lineage.TICKETS + channel, day, tickets.drop(i));
            t.handledByChannel[channel][day]++;
            if (channel == email || channel == webform) {
                t.onlineHandled[day]++;
                if (HandledTickets.within(created, handled.firstPublicCsrEventMillis[i], ONLINE_RESPONSE_LIMIT_SECONDS)) {
                    t.onlineWithin24h[day]++;
                }
            } else if (channel == chat) {
                t.chatHandled[day]++;
                if (HandledTickets.within(created, handled.firstCsrEventMillis[i], CHAT_ANSWER_LIMIT_SECONDS)) {
                    t.chatWithin60s[day]++;
                }
            }
            int category = tickets.category(i);
            if (category != TextDictionary.ABSENT) {
                t.byCategory[category][day]++;
                t.categorised[day]++;
            }
            byte rating = tickets.rating(i);
            if (rating == TicketFacts.RATING_GOOD) {
                t.goodRatings[day]++;
            } else if (rating == TicketFacts.RATING_BAD) {
                t.badRatings[day]++;
            }
        }
        return t;
    }
}
