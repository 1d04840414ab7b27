package org.backbone.kit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExactNumbersTest {

    private static String store(String number) {
        return ExactNumbers.storeProblem(new BigDecimal(number));
    }

    @Test
    void storableNumbersHaveAtMostFifteenDigitsBeforeThePointAndSixAfter() {
        assertThat(store("999999999999999.999999")).isNull();
        assertThat(store("-999999999999999")).isNull();
        assertThat(store("0")).isNull();
        assertThat(store("0E-400")).isNull();
        // trailing zeros are no digits
        assertThat(store("100.000000000")).isNull();
        assertThat(store("1E+14")).isNull();
        assertThat(store("1E+15")).contains("before");
        assertThat(store("1234567890123456")).contains("before");
        assertThat(store("0.0000001")).contains("after");
        assertThat(store("1e131071")).contains("before");
        assertThat(store("1e-400")).contains("after");
    }

    @Test
    void readableNumbersAreWider() {
        assertThat(ExactNumbers.readProblem(new BigDecimal("123456789012345678901234567890.5"))).isNull();
        assertThat(ExactNumbers.readProblem(new BigDecimal("1e30"))).contains("before");
        assertThat(ExactNumbers.readProblem(new BigDecimal("1e-11"))).contains("after");
        assertThat(ExactNumbers.readProblem(null)).isNull();
    }
}
