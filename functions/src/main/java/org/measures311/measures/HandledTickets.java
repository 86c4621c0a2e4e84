package org.measures311.measures;

import java.util.Arrays;
import org.measures311.facts.FactsSnapshot;
import org.measures311.facts.TicketEventFacts;
import org.measures311.facts.TicketFacts;
import org.measures311.facts.UserFacts;

/**
 * Intermediate step: per ticket, its local day in the window, whether it is handled (at least one event, public
 * or not, authored by a user whose latest record marks them a 311 CSR) and when the first CSR-authored event
 * and the first public CSR-authored event happened. One pass over the events, no boxing.
 */
final class HandledTickets {
    static final long NONE = Long.MAX_VALUE;

    /** Day number of the ticket's created_at in the window, or -1 when outside it. */
    final int[] day;
    final boolean[] handled;
    final long[] firstCsrEventMillis;
    final long[] firstPublicCsrEventMillis;

    private HandledTickets(int tickets) {
        day = new int[tickets];
        handled = new boolean[tickets];
        firstCsrEventMillis = new long[tickets];
        firstPublicCsrEventMillis = new long[tickets];
        Arrays.fill(firstCsrEventMillis, NONE);
        Arrays.fill(firstPublicCsrEventMillis, NONE);
    }

    static HandledTickets of(FactsSnapshot facts, DayWindow window, Lineage lineage) {
        TicketFacts tickets = facts.tickets();
        TicketEventFacts events = facts.events();
        UserFacts users = facts.users();
        HandledTickets h = new HandledTickets(tickets.count());
        for (int t = 0; t < tickets.count(); t++) {
            h.day[t] = window.dayOfEpochMillis(tickets.createdAtMillis(t));
        }
        for (int e = 0, n = events.count(); e < n; e++) {
            int t = events.ticketSlot(e);
            int author = events.authorSlot(e);
            int ticketDay = h.day[t];
            if (ticketDay < 0 || author < 0 || !users.isCsr(author)) {
                continue;
            }
            h.handled[t] = true;
            long at = events.createdAtMillis(e);
            if (at < h.firstCsrEventMillis[t]) {
                h.firstCsrEventMillis[t] = at;
            }
            if (events.isPublic(e) && at < h.firstPublicCsrEventMillis[t]) {
                h.firstPublicCsrEventMillis[t] = at;
            }
            // Lineage: the event that made the ticket handled, and the user record that made its author a CSR.
            int bucket = Lineage.TICKETS + tickets.channel(t);
            lineage.add(bucket, ticketDay, events.drop(e), users.drop(author));
        }
        return h;
    }

    /** Whether the response came at most {@code limitSeconds} elapsed seconds after creation (an instant comparison). */
    static boolean within(long createdAtMillis, long responseMillis, long limitSeconds) {
        return responseMillis != NONE && responseMillis - createdAtMillis <= limitSeconds * 1000L;
    }
}
