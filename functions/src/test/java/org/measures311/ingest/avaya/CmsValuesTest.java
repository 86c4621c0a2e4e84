package org.measures311.ingest.avaya;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.measures311.ingest.text.ValueException;
import org.junit.jupiter.api.Test;

class CmsValuesTest {

    @Test
    void durationsInEveryCmsForm() throws Exception {
        assertThat(CmsValues.seconds(":07", true)).isEqualTo(7.0);
        assertThat(CmsValues.seconds("0:45", true)).isEqualTo(45.0);
        assertThat(CmsValues.seconds("3:05", true)).isEqualTo(185.0);
        assertThat(CmsValues.seconds("75:02", true)).isEqualTo(4502.0);      // minutes past 59 in m:ss
        assertThat(CmsValues.seconds("1:02:03", true)).isEqualTo(3723.0);
        assertThat(CmsValues.seconds("42", true)).isEqualTo(42.0);
        assertThat(CmsValues.seconds("12.5", true)).isEqualTo(12.5);
        assertThat(CmsValues.seconds("24:00:00", true)).isEqualTo(86400.0);  // the bound itself
        assertThat(CmsValues.seconds("30:00:00", false)).isEqualTo(108000.0); // totals may pass a day
        assertThat(CmsValues.seconds("1,234", false)).isEqualTo(1234.0);
    }

    @Test
    void durationsOutOfRangeOrMalformed() {
        assertThatThrownBy(() -> CmsValues.seconds("-0:05", true)).isInstanceOf(ValueException.class).hasMessageContaining("negative");
        assertThatThrownBy(() -> CmsValues.seconds("24:00:01", true)).isInstanceOf(ValueException.class).hasMessageContaining("24 hours");
        assertThatThrownBy(() -> CmsValues.seconds("90000", true)).isInstanceOf(ValueException.class).hasMessageContaining("24 hours");
        assertThatThrownBy(() -> CmsValues.seconds("1:60", true)).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> CmsValues.seconds("1:61:00", true)).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> CmsValues.seconds("1::00", true)).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> CmsValues.seconds("abc", true)).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> CmsValues.seconds("99999999999999999999:00", false)).isInstanceOf(ValueException.class);
    }

    @Test
    void percentagesWithOrWithoutSign() throws Exception {
        assertThat(CmsValues.percent("80%")).isEqualByComparingTo("80");
        assertThat(CmsValues.percent(" 62.5 % ")).isEqualByComparingTo(new BigDecimal("62.5"));
        assertThat(CmsValues.percent("0")).isEqualByComparingTo("0");
        assertThat(CmsValues.percent("100")).isEqualByComparingTo("100");
        assertThatThrownBy(() -> CmsValues.percent("100.1")).isInstanceOf(ValueException.class).hasMessageContaining("0..100");
        assertThatThrownBy(() -> CmsValues.percent("-1%")).isInstanceOf(ValueException.class);
        assertThatThrownBy(() -> CmsValues.percent("n/a")).isInstanceOf(ValueException.class);
    }
}
