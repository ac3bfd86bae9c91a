package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.vigil.regulation.PlanRequest;

/** {@code vigil.breach.*} keeps its defaults and refuses, at start, settings a breach would find wrong only on its day. */
class BreachSettingsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(BreachConfiguration.class);

    @Test
    void theDefaultsAreAThreeDayTargetACoveredEntityNoPrivacyLeadAndSixYears() {
        context.run(started -> {
            var settings = started.getBean(BreachSettings.class);
            assertThat(settings.undueDelayTarget()).isEqualTo(Duration.ofDays(3));
            assertThat(settings.provisionalRole()).isEqualTo("covered_entity");
            assertThat(settings.privacyLead()).isEmpty();
            assertThat(settings.agreements().getDescription()).isEqualTo("class path resource [seeds/breach/agreements.yaml]");
            assertThat(settings.agreements().exists()).isTrue();
            assertThat(settings.retentionYears()).isEqualTo(6);
        });
    }

    /** As application.yaml gives it: {@code privacy-lead: ${VIGIL_PRIVACY_LEAD:}} is empty, which means none. */
    @Test
    void anEmptyPrivacyLeadMeansNone() {
        context.withPropertyValues("vigil.breach.privacy-lead=").run(started ->
                assertThat(started.getBean(BreachSettings.class).privacyLead()).isEmpty());
        context.withPropertyValues("vigil.breach.privacy-lead=privacy").run(started ->
                assertThat(started.getBean(BreachSettings.class).privacyLead()).isEqualTo("privacy"));
    }

    @Test
    void takesEveryRoleThePlanContractKnows() {
        for (String role : Arrays.stream(PlanRequest.Role.values()).map(BreachSettingsTest::code).toList()) {
            context.withPropertyValues("vigil.breach.provisional-role=" + role).run(started ->
                    assertThat(started.getBean(BreachSettings.class).provisionalRole()).isEqualTo(role));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        vigil.breach.undue-delay-target=PT0S                   | undueDelayTarget
        vigil.breach.undue-delay-target=-P1D                   | undueDelayTarget
        vigil.breach.provisional-role=hospital                 | provisionalRole
        vigil.breach.provisional-role=COVERED_ENTITY           | provisionalRole
        vigil.breach.agreements=classpath:no/such/register.yaml | agreements
        vigil.breach.retention-years=5                         | retentionYears
        """)
    void refusesToStartWithSettingsABreachWouldFindWrong(String setting, String field) {
        context.withPropertyValues(setting).run(started -> assertThat(started).hasFailed().getFailure()
                .hasStackTraceContaining(setting.substring(0, setting.indexOf('=')))
                .hasStackTraceContaining("field '" + field + "'"));
    }

    private static String code(PlanRequest.Role role) {
        try {
            return PlanRequest.Role.class.getField(role.name()).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
