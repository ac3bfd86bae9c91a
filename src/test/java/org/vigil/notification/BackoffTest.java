package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The wait after each failed attempt, with the defaults of vigil.notification.*: 1, 2, 4 ... minutes, at most 2 hours, ± 20 %. */
class BackoffTest {

    static NotificationSettings defaults() {
        return new NotificationSettings("vigil@localhost", Duration.ofMinutes(1), 2.0, Duration.ofHours(2), 0.2, 10,
                Duration.ofSeconds(15), 20);
    }

    @ParameterizedTest(name = "after failure {0}: {1} minutes")
    @CsvSource(textBlock = """
        1, 1
        2, 2
        3, 4
        4, 8
        5, 16
        6, 32
        7, 64
        8, 120
        9, 120
        """)
    void doublesFromAMinuteUpToTwoHoursWithoutJitter(int failures, long minutes) {
        var backoff = new Backoff(defaults(), () -> 0.5);
        assertThat(backoff.after(failures)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @Test
    void jitterSpreadsEachWaitByAtMostAFifthEitherWay() {
        var shortest = new Backoff(defaults(), () -> 0.0);
        var longest = new Backoff(defaults(), () -> 0.999_999);
        assertThat(shortest.after(3)).isEqualTo(Duration.ofSeconds(192));   // 4 min - 20 %
        assertThat(longest.after(3)).isBetween(Duration.ofSeconds(287), Duration.ofSeconds(288));   // 4 min + 20 %
    }

    @Test
    void theWaitGrowsWhateverTheJitterUntilTheCap() {
        var shortest = new Backoff(defaults(), () -> 0.0);
        var longest = new Backoff(defaults(), () -> 0.999_999);
        for (int failures = 1; failures < 7; failures++) {
            assertThat(shortest.after(failures + 1)).as("after failure %d", failures + 1).isGreaterThan(longest.after(failures));
        }
    }
}
