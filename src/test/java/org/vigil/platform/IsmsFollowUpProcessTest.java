package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.VigilSpringTest;

/** Process test for processes/isms-follow-up.bpmn. */
@VigilSpringTest
class IsmsFollowUpProcessTest {

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired java.time.Clock clock;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void handsTheFollowUpToTheChosenGroupWithItsDueAndFollowUpDates() {
        LocalDate due = LocalDate.now(ZoneId.of("America/New_York")).plusDays(10);
        var instance = runtime.startProcessInstanceByKey("isms-follow-up",
                withVariables("topic", "policy-review", "candidateGroup", "privacy-office", "dueDate", due.toString()));

        assertThat(instance).isWaitingAt("Task_CompleteFollowUp");
        assertThat(task(instance)).hasCandidateGroup("privacy-office").isNotAssigned();
        var dueAt = task(instance).getDueDate().toInstant().atZone(ZoneId.of("America/New_York"));
        assertThat(dueAt.toLocalDate()).isEqualTo(due);
        assertThat(dueAt.getHour()).isEqualTo(17);
        assertThat(task(instance).getFollowUpDate().toInstant())
                .isEqualTo(dueAt.minusDays(2).toInstant());
    }

    /** One clock: a test that moves the engine's time moves Vigil's, so a computed deadline and its timer agree. */
    @Test
    void vigilReadsTheEnginesClock() {
        var monday = java.time.OffsetDateTime.parse("2026-03-02T09:00:00-05:00").toInstant();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(monday));
        try {
            assertThat(clock.instant()).isEqualTo(monday);
            assertThat(clock.getZone()).isEqualTo(ZoneId.of("America/New_York"));
            var instance = runtime.startProcessInstanceByKey("isms-follow-up",
                    withVariables("topic", "control-check", "candidateGroup", "it-operations", "dueDate", "2026-03-13"));
            assertThat(task(instance).getCreateTime().toInstant()).isEqualTo(monday);
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(clock.instant()).isCloseTo(java.time.Instant.ofEpochMilli(System.currentTimeMillis()),
                org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void endsWhenTheGroupRecordsTheOutcome() {
        var instance = runtime.startProcessInstanceByKey("isms-follow-up",
                withVariables("topic", "control-check", "candidateGroup", "it-operations", "dueDate", "2030-01-15"));

        complete(task(instance), withVariables("outcome", "done"));

        assertThat(instance).hasPassed("Task_CompleteFollowUp").isEnded().hasPassed("EndEvent_FollowUpDone");
    }
}
