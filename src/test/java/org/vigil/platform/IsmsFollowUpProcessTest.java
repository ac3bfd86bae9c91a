package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.vigil.TestClock.instant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.TestClock;
import org.vigil.VigilSpringTest;

/**
 * Process test for processes/isms-follow-up.bpmn, on the test clock (Monday 2 March 2026, 09:00 EST). A date typed
 * without a time is due at the close of that working day on the company calendar (17:00), and comes up again two
 * days before.
 */
@VigilSpringTest
class IsmsFollowUpProcessTest {

    /** The ids of the model; it has no constants class in Vigil, which starts it only from Tasklist. */
    static final String KEY = "isms-follow-up";
    static final String Task_CompleteFollowUp = "Task_CompleteFollowUp";
    static final String EndEvent_FollowUpDone = "EndEvent_FollowUpDone";

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired Clock vigilClock;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void handsTheFollowUpToTheChosenGroupWithItsDueAndFollowUpDates() {
        var instance = runtime.startProcessInstanceByKey(KEY,
                withVariables("topic", "policy-review", "candidateGroup", "privacy-office", "dueDate", "2026-03-12"));

        assertThat(instance).isWaitingAt(Task_CompleteFollowUp);
        assertThat(task(instance)).hasCandidateGroup("privacy-office").isNotAssigned();
        // The card says what and by when: two follow-ups of one group are told apart.
        assertThat(task(instance).getName()).isEqualTo("Complete the ISMS follow-up: policy-review, due Thu 12 Mar 2026");
        // Daylight time began on 8 March.
        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-12T17:00:00-04:00"));
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-10T17:00:00-04:00"));
    }

    @Test
    void aFollowUpDueTomorrowComesUpAtOnce() {
        var instance = runtime.startProcessInstanceByKey(KEY,
                withVariables("topic", "evidence-request", "candidateGroup", "it-operations", "dueDate", "2026-03-03"));

        assertThat(task(instance).getDueDate().toInstant()).isEqualTo(instant("2026-03-03T17:00:00-05:00"));
        // Two days before the due date is Sunday 1 March, in the past: never before now.
        assertThat(task(instance).getFollowUpDate().toInstant()).isEqualTo(instant(TestClock.MONDAY_MORNING));
    }

    /** One clock: a test that moves the engine's time moves Vigil's, so a computed deadline and its timer agree. */
    @Test
    void vigilReadsTheEnginesClock() {
        assertThat(vigilClock.instant()).isEqualTo(instant(TestClock.MONDAY_MORNING));
        assertThat(vigilClock.getZone()).isEqualTo(ZoneId.of("America/New_York"));

        clock.moveBy(Duration.ofMinutes(30));
        assertThat(vigilClock.instant()).isEqualTo(instant("2026-03-02T09:30:00-05:00"));
        var instance = runtime.startProcessInstanceByKey(KEY,
                withVariables("topic", "control-check", "candidateGroup", "it-operations", "dueDate", "2026-03-13"));
        assertThat(task(instance).getCreateTime().toInstant()).isEqualTo(instant("2026-03-02T09:30:00-05:00"));

        // What the test clock does after each test: both are back on the system clock.
        ClockUtil.reset();
        assertThat(vigilClock.instant()).isCloseTo(Instant.ofEpochMilli(System.currentTimeMillis()), within(5, ChronoUnit.SECONDS));
    }

    @Test
    void endsWhenTheGroupRecordsTheOutcome() {
        var instance = runtime.startProcessInstanceByKey(KEY,
                withVariables("topic", "control-check", "candidateGroup", "it-operations", "dueDate", "2026-03-13"));

        complete(task(instance), withVariables("outcome", "done"));

        assertThat(instance).hasPassed(Task_CompleteFollowUp).isEnded().hasPassed(EndEvent_FollowUpDone);
    }
}
