package org.measures311.measures;

import static org.measures311.measures.DayWindow.sum;

import org.measures311.facts.Channel;

/**
 * Contacts handled per channel (the city's rule), the channel mix, and the growth of the total against the same
 * period one year earlier.
 */
final class MixAndGrowth {
    /** The channels of contacts_handled, in catalog member order; phone comes from CMS, the others from Zendesk. */
    private static final Channel[] CONTACT_CHANNELS = {Channel.PHONE, Channel.EMAIL, Channel.WEBFORM, Channel.IN_PERSON};
    private static final int[] TOTAL_BUCKETS = {Lineage.PHONE, Lineage.TICKETS + Channel.EMAIL.ordinal(),
            Lineage.TICKETS + Channel.WEBFORM.ordinal(), Lineage.TICKETS + Channel.IN_PERSON.ordinal()};

    private final PhoneDailyTotals phone;
    private final DigitalDailyTotals digital;
    private final DayWindow window;
    private final ProgramCalendar calendar;
    private final MeasureRows rows;

    MixAndGrowth(PhoneDailyTotals phone, DigitalDailyTotals digital, DayWindow window, ProgramCalendar calendar,
                 MeasureRows rows) {
        this.phone = phone;
        this.digital = digital;
        this.window = window;
        this.calendar = calendar;
        this.rows = rows;
    }

    void emit(Period p) {
        long[] byChannel = contactsHandled(p);
        long total = 0;
        for (int i = 0; i < CONTACT_CHANNELS.length; i++) {
            rows.count("contacts_handled", p, CONTACT_CHANNELS[i].code(), byChannel[i], bucket(i));
            total += byChannel[i];
        }
        rows.count("contacts_handled", p, "total", total, TOTAL_BUCKETS);
        for (int i = 0; i < CONTACT_CHANNELS.length; i++) {
            rows.share("channel_mix", p, CONTACT_CHANNELS[i].code(), byChannel[i], total, TOTAL_BUCKETS);
        }
        if (rows.measure("contacts_handled_growth").hasGrain(p.grain())) {
            contactsHandledGrowth(p, total);
        }
    }

    /**
     * contacts_handled per channel: phone = SUM(ACD Calls) - SUM(Aban Calls) over the 311 skills, the city's rule
     * as written (CMS already leaves abandons out of ACD Calls, so this undercounts answered calls; see
     * docs/measures.md); email, webform, in_person = distinct handled tickets of that contact type.
     */
    private long[] contactsHandled(Period p) {
        int a = window.firstDay(p);
        int b = window.lastDay(p);
        long[] out = new long[CONTACT_CHANNELS.length];
        out[0] = sum(phone.acdCalls, a, b) - sum(phone.abanCalls, a, b);
        for (int i = 1; i < CONTACT_CHANNELS.length; i++) {
            out[i] = sum(digital.handledByChannel[CONTACT_CHANNELS[i].ordinal()], a, b);
        }
        return out;
    }

    /** (this period's total - the total one year earlier) / earlier x 100; partial periods as they stand. */
    private void contactsHandledGrowth(Period p, long total) {
        Period earlier = calendar.yearEarlier(p);
        long earlierTotal = 0;
        for (long c : contactsHandled(earlier)) {
            earlierTotal += c;
        }
        rows.growth("contacts_handled_growth", p, earlier, total, earlierTotal, TOTAL_BUCKETS);
    }

    private static int bucket(int contactChannel) {
        return TOTAL_BUCKETS[contactChannel];
    }
}
