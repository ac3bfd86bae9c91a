package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code vigil.audit.*} keeps its defaults and refuses, at start, settings under which the programme could not run. */
class AuditSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(AuditConfiguration.class);

    @Test
    void theDefaultsTakeTheProgrammesCyclesAndTenWorkingDaysToRespond() {
        context.run(started -> {
            var settings = started.getBean(AuditSettings.class);
            assertThat(settings.comprehensiveCycle()).isEmpty();
            assertThat(settings.focusedCycle()).isEmpty();
            assertThat(settings.startTime()).isEqualTo(LocalTime.of(9, 0));
            assertThat(settings.planWorkingDays()).isEqualTo(10);
            assertThat(settings.responseWorkingDays()).isEqualTo(10);
            assertThat(settings.responseReminderWorkingDays()).isEqualTo(3);
            assertThat(settings.followUpCycle()).isEqualTo("R/P1M");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        vigil.audit.comprehensive-cycle=every year         | cycles
        vigil.audit.focused-cycle=0 0 9 1 1,4,7,10         | cycles
        vigil.audit.follow-up-cycle=monthly                | followUpCycle
        vigil.audit.response-reminder-working-days=10      | reminderBeforeDue
        vigil.audit.response-working-days=0                | responseWorkingDays
        """)
    void refusesToStartWithSettingsTheProgrammeCouldNotRunUnder(String setting, String field) {
        context.withPropertyValues(setting).run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining("vigil.audit")
                .hasStackTraceContaining(field));
    }
}
