package org.vigil.regulation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table of each US jurisdiction's cases, {@code src/test/resources/regulation/cases/*.yaml}: a request as the plan
 * API takes it, the duties it must produce with their literal deadlines (worked out by hand in the file's comments)
 * and the duties its state's own definition rules out, with words the reason must contain.
 */
class StateCatalogCasesTest {

    /** One row of a case file. */
    record Case(String name, PlanRequest request, List<Due> due, List<Excluded> notRequired) {
        Case {
            due = due == null ? List.of() : due;
            notRequired = notRequired == null ? List.of() : notRequired;
        }
    }

    /** A notification the plan must hold; {@code deadline} null for a wording without a fixed period. */
    record Due(String recipient, String jurisdiction, String deadline, String deadlineRule) {
    }

    /** A duty the plan must rule out, with words its reason contains. */
    record Excluded(String recipient, String jurisdiction, String reasonContains) {
    }

    private static final JsonMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @TestFactory
    Stream<DynamicTest> everyCaseOfEveryJurisdictionPlansAsWorkedOutByHand() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:regulation/cases/*.yaml");
        assertThat(files).as("case files under src/test/resources/regulation/cases").isNotEmpty();
        return Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename))
                .flatMap(file -> read(file).stream().map(c -> DynamicTest.dynamicTest(file.getFilename() + ": " + c.name(), () -> check(c))));
    }

    private static List<Case> read(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return YAML.readValue(in, new TypeReference<List<Case>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("case file " + file.getFilename() + " is not valid: " + e.getMessage(), e);
        }
    }

    private static void check(Case c) {
        assertThat(c.due().size() + c.notRequired().size()).as("a case asserts something").isPositive();
        var plan = Plans.PLANS.plan(c.request());
        for (Due due : c.due()) {
            var notification = Plans.required(plan, due.recipient(), due.jurisdiction());
            if (due.deadline() == null) {
                assertThat(notification.deadline()).as(due.recipient() + " " + due.jurisdiction() + " has no fixed deadline").isNull();
            } else {
                assertThat(notification.deadline()).as(due.recipient() + " " + due.jurisdiction() + ": " + notification.computation())
                        .hasToString(java.time.OffsetDateTime.parse(due.deadline()).toString());
            }
            if (due.deadlineRule() != null) {
                assertThat(notification.deadlineRule()).isEqualTo(due.deadlineRule());
            }
        }
        for (Excluded excluded : c.notRequired()) {
            assertThat(Plans.notification(plan, excluded.recipient(), excluded.jurisdiction()))
                    .as(excluded.recipient() + " " + excluded.jurisdiction() + " must not be due").isEmpty();
            assertThat(Plans.ruledOut(plan, excluded.recipient(), excluded.jurisdiction()))
                    .as(excluded.recipient() + " " + excluded.jurisdiction() + " is ruled out with a reason; plan rules out "
                            + plan.notRequired())
                    .get().extracting(NotificationPlan.NotRequired::reason).asString().contains(excluded.reasonContains());
        }
    }
}
