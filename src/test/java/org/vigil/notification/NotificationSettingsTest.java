package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code vigil.notification.*} keeps its defaults and refuses, at start, a sender or a retry under which no mail would go out. */
class NotificationSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(NotificationConfiguration.class);

    @Test
    void theDefaultsAreVigilAtLocalhostAndARetryAfterAMinute() {
        context.run(started -> {
            var settings = started.getBean(NotificationSettings.class);
            assertThat(settings.from()).isEqualTo("vigil@localhost");
            assertThat(settings.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"privacy@riverside.example", "Vigil <vigil@riverside.example>"})
    void takesAnAddressWithOrWithoutAName(String from) {
        context.withPropertyValues("vigil.notification.from=" + from).run(started ->
                assertThat(started.getBean(NotificationSettings.class).from()).isEqualTo(from));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        vigil.notification.from=vigil                                  | from
        vigil.notification.from=vigil@                                 | from
        vigil.notification.from=vigil at example.org                   | from
        'vigil.notification.from=a@example.org, b@example.org'         | from
        vigil.notification.from=                                       | from
        vigil.notification.retry-after=PT0S                            | retryAfter
        vigil.notification.retry-after=-PT1M                           | retryAfter
        """)
    void refusesToStartWithASenderOrRetryNoMailWouldGoOutUnder(String setting, String field) {
        context.withPropertyValues(setting).run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining(setting.substring(0, setting.indexOf('=')))
                .hasStackTraceContaining("field '" + field + "'"));
    }
}
