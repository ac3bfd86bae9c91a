package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code vigil.notification.*} keeps its defaults and refuses, at start, a sender or a retry schedule under which no
 * mail would go out, or which would never back off or never end.
 */
class NotificationSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(NotificationConfiguration.class);

    @Test
    void theDefaultsAreVigilAtLocalhostAndTenAttemptsBackingOffFromAMinuteToTwoHours() {
        context.run(started -> {
            var settings = started.getBean(NotificationSettings.class);
            assertThat(settings.from()).isEqualTo("vigil@localhost");
            assertThat(settings.senderDomain()).isEqualTo("localhost");
            assertThat(settings.retryAfter()).isEqualTo(Duration.ofMinutes(1));
            assertThat(settings.backoffMultiplier()).isEqualTo(2.0);
            assertThat(settings.maxRetryAfter()).isEqualTo(Duration.ofHours(2));
            assertThat(settings.jitter()).isEqualTo(0.2);
            assertThat(settings.maxAttempts()).isEqualTo(10);
            assertThat(settings.pollEvery()).isEqualTo(Duration.ofSeconds(15));
            assertThat(settings.batchSize()).isEqualTo(20);
        });
    }

    @Test
    void theMessageIdsDomainIsTheSendersEvenWithADisplayName() {
        context.withPropertyValues("vigil.notification.from=Vigil <vigil@riverside.example>").run(started ->
                assertThat(started.getBean(NotificationSettings.class).senderDomain()).isEqualTo("riverside.example"));
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
        vigil.notification.max-retry-after=PT30S                       | maxRetryAfter
        vigil.notification.backoff-multiplier=0.5                      | backoffMultiplier
        vigil.notification.jitter=0.9                                  | jitter
        vigil.notification.max-attempts=0                              | maxAttempts
        vigil.notification.poll-every=PT0S                             | pollEvery
        vigil.notification.batch-size=0                                | batchSize
        """)
    void refusesToStartWithASenderOrScheduleNoMailWouldGoOutUnder(String setting, String field) {
        context.withPropertyValues(setting).run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining(setting.substring(0, setting.indexOf('=')))
                .hasStackTraceContaining("field '" + field + "'"));
    }
}
