package org.measures311.ingest.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TextValuesTest {

    @Test
    void datesUsAndIso() throws Exception {
        assertThat(TextValues.date("6/1/2025")).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(TextValues.date("06/01/2025")).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(TextValues.date("7/31/25")).isEqualTo(LocalDate.of(2025, 7, 31));
        assertThat(TextValues.date(" 2025-07-01 ")).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThatThrownBy(() -> TextValues.date("2/30/2025")).isInstanceOf(ValueException.class).hasMessageContaining("calendar");
        assertThatThrownBy(() -> TextValues.date("2025/07/01")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> TextValues.date("July 1")).isInstanceOf(ValueException.class);
    }

    @Test
    void countsWithThousandsSeparators() throws Exception {
        assertThat(TextValues.count("1,234")).isEqualTo(1234L);
        assertThat(TextValues.count("12,345,678")).isEqualTo(12_345_678L);
        assertThat(TextValues.count(" 0 ")).isZero();
        assertThatThrownBy(() -> TextValues.count("-3")).isInstanceOf(ValueException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> TextValues.count("1,23")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> TextValues.count("2.5")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> TextValues.count("ten")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> TextValues.count("99999999999999999999")).isInstanceOf(ValueException.class);
    }

    @Test
    void decimalsAndHeaderKeys() throws Exception {
        assertThat(TextValues.decimal("-1,000.25")).isEqualByComparingTo("-1000.25");
        assertThat(TextValues.decimal(".5")).isEqualByComparingTo("0.5");
        assertThatThrownBy(() -> TextValues.decimal("1.2.3")).isInstanceOf(ValueException.class);
        assertThat(TextValues.headerKey(" ACD\tCalls ")).isEqualTo("acdcalls");
        assertThat(TextValues.headerKey("\uFEFFDate")).isEqualTo("date");
    }
}
