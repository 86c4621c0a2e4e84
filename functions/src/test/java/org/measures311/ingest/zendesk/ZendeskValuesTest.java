package org.measures311.ingest.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZendeskValuesTest {
    private static final long JUNE_1 = 1_748_736_000_000L; // 2025-06-01T00:00Z

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-06-01T00:00:00Z          | 0",
            "2025-06-01T00:00:00           | 0",
            "2025-06-01 00:00:00           | 0",
            "2025-06-01 00:00:00 UTC       | 0",
            "2025-06-01T00:00:00.250Z      | 250",
            "2025-06-01T02:00:00+02:00     | 0",
            "2025-05-31T17:00:00-0700      | 0",
            "2025-06-01T00:00Z             | 0",
            "1748736000                    | 0",
            "1748736000.5                  | 500",
            "' 1748739600 '                | 3600000"})
    void parsesIsoAndUnixSeconds(String text, long millisAfterJune1) {
        assertThat(ZendeskValues.epochMillis(text)).isEqualTo(JUNE_1 + millisAfterJune1);
    }

    @ParameterizedTest
    @CsvSource(value = {"2025-06-01", "yesterday", "-1748736000", "1748736000000000", "2025-13-01T00:00:00Z", "''", "1.2.3"})
    void refusesWhatIsNotATimestamp(String text) {
        assertThat(ZendeskValues.epochMillis(text)).isEqualTo(ZendeskValues.INVALID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Email        | email",
            "E-mail       | email",
            "EMAIL        | email",
            "Webform      | webform",
            "Web form     | webform",
            "web_form     | webform",
            "Web-Form     | webform",
            "In-Person    | in_person",
            "In Person    | in_person",
            "in_person    | in_person",
            "Front Desk   | in_person",
            "Walk-in      | in_person",
            "Chat         | chat",
            "Live chat    | chat",
            "Phone        | phone",
            "Telephone    | phone",
            "Fax          | other",
            "???          | other",
            "'   '        | NULL"})
    void normalisesContactTypes(String text, String code) {
        assertThat(ZendeskValues.contactType(text)).isEqualTo(code);
    }

    @Test
    void flagsAndRatings() {
        assertThat(ZendeskValues.flag("true")).isTrue();
        assertThat(ZendeskValues.flag("TRUE")).isTrue();
        assertThat(ZendeskValues.flag("1")).isTrue();
        assertThat(ZendeskValues.flag("Yes")).isTrue();
        assertThat(ZendeskValues.flag("no")).isFalse();
        assertThat(ZendeskValues.flag("0")).isFalse();
        assertThat(ZendeskValues.flag(null)).isFalse();
        assertThat(ZendeskValues.satisfaction("Good")).isEqualTo("good");
        assertThat(ZendeskValues.satisfaction("bad ")).isEqualTo("bad");
        assertThat(ZendeskValues.satisfaction("offered")).isNull();
        assertThat(ZendeskValues.satisfaction("good_with_comment")).isNull();
    }

    @Test
    void idsArePositiveIntegers() {
        assertThat(ZendeskValues.positiveId("360001")).isEqualTo(360_001L);
        assertThat(ZendeskValues.positiveId(" 42 ")).isEqualTo(42L);
        assertThat(ZendeskValues.positiveId("0")).isEqualTo(ZendeskValues.INVALID);
        assertThat(ZendeskValues.positiveId("-5")).isEqualTo(ZendeskValues.INVALID);
        assertThat(ZendeskValues.positiveId("1.0")).isEqualTo(ZendeskValues.INVALID);
        assertThat(ZendeskValues.positiveId("99999999999999999999")).isEqualTo(ZendeskValues.INVALID);
    }

    @Test
    void localDateNearPacificMidnight() {
        ZoneId portland = ZoneId.of("America/Los_Angeles");
        // 06:59:59Z on June 2 is 23:59:59 PDT on June 1; 07:00Z is midnight June 2.
        long june2At0659 = JUNE_1 + 86_400_000L + 25_199_000L;
        assertThat(ZendeskValues.localEpochDay(june2At0659, portland)).isEqualTo(java.time.LocalDate.of(2025, 6, 1).toEpochDay());
        assertThat(ZendeskValues.localEpochDay(june2At0659 + 1000, portland)).isEqualTo(java.time.LocalDate.of(2025, 6, 2).toEpochDay());
    }
}
