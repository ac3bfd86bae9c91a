package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.time.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code vigil.access-review.*} keeps its defaults and refuses, at start, settings under which no review could run. */
class AccessReviewSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AccessReviewConfiguration.class);

    @Test
    void theDefaultsAreTheQuarterlyCycleAtNineAndATwoWeekReview() {
        context.run(started -> {
            var settings = started.getBean(AccessReviewSettings.class);
            assertThat(settings.cycle()).isEqualTo("0 0 9 1 1,4,7,10 *");
            assertThat(settings.startTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(settings.reviewPeriod()).isEqualTo(Period.ofDays(14));
            assertThat(settings.fileDropDirectory()).isEmpty();
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        vigil.access-review.cycle=every quarter       | cycle
        vigil.access-review.review-period=P0D         | periodsPositive
        vigil.access-review.sign-off-period=-P1D      | periodsPositive
        vigil.access-review.file-drop-poll-every=PT0S | fileDropPollEvery
        """)
    void refusesToStartWithSettingsNoReviewCouldRunUnder(String setting, String field) {
        context.withPropertyValues(setting).run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining("vigil.access-review")
                .hasStackTraceContaining(field));
    }
}
