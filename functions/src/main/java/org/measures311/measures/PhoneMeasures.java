package org.measures311.measures;

import static org.measures311.measures.DayWindow.sum;
import static org.measures311.measures.Lineage.PHONE;

/**
 * The phone measures, from the 311 skills' CMS rows summed over the period's days (never averaged averages).
 * Each method is one measure and reads like its definition in docs/measures.md.
 */
final class PhoneMeasures {
    private final PhoneDailyTotals phone;
    private final DayWindow window;
    private final MeasureRows rows;

    PhoneMeasures(PhoneDailyTotals phone, DayWindow window, MeasureRows rows) {
        this.phone = phone;
        this.window = window;
        this.rows = rows;
    }

    void emit(Period p) {
        int a = window.firstDay(p);
        int b = window.lastDay(p);
        acdCalls(p, a, b);
        abandonedCalls(p, a, b);
        callsOffered(p, a, b);
        averageSpeedOfAnswer(p, a, b);
        serviceLevel(p, a, b);
        abandonmentRate(p, a, b);
        averageHandleTime(p, a, b);
    }

    /** acd_calls = SUM(ACD Calls). */
    private void acdCalls(Period p, int a, int b) {
        rows.count("acd_calls", p, "", sum(phone.acdCalls, a, b), PHONE);
    }

    /** abandoned_calls = SUM(Aban Calls). */
    private void abandonedCalls(Period p, int a, int b) {
        rows.count("abandoned_calls", p, "", sum(phone.abanCalls, a, b), PHONE);
    }

    /** calls_offered = SUM(Calls Offered, else ACD Calls + Aban Calls of the row). */
    private void callsOffered(Period p, int a, int b) {
        rows.count("calls_offered", p, "", sum(phone.callsOffered, a, b), PHONE);
    }

    /** average_speed_of_answer = SUM(answer seconds) / SUM(ACD Calls), over rows that carry answer seconds. */
    private void averageSpeedOfAnswer(Period p, int a, int b) {
        rows.seconds("average_speed_of_answer", p, sum(phone.answerMillis, a, b), sum(phone.answerCalls, a, b), PHONE);
    }

    /** service_level = SUM(answered within SL) / SUM(calls offered) x 100, over rows that carry a service level. */
    private void serviceLevel(Period p, int a, int b) {
        rows.percent("service_level", p, "", sum(phone.withinServiceLevel, a, b), sum(phone.serviceLevelOffered, a, b), PHONE);
    }

    /** abandonment_rate = SUM(Aban Calls) / SUM(calls offered) x 100. */
    private void abandonmentRate(Period p, int a, int b) {
        rows.percent("abandonment_rate", p, "", sum(phone.abanCalls, a, b), sum(phone.callsOffered, a, b), PHONE);
    }

    /** average_handle_time = SUM(ACD talk seconds + ACW seconds) / SUM(ACD Calls); hold is inside talk already. */
    private void averageHandleTime(Period p, int a, int b) {
        rows.seconds("average_handle_time", p, sum(phone.handleMillis, a, b), sum(phone.handleCalls, a, b), PHONE);
    }
}
