package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.vigil.TestClock.instant;
import static org.vigil.breach.BreachFixture.body;
import static org.vigil.breach.BreachResponseProcess.Task_ReviewPostIncident;
import static org.vigil.breach.NotificationObligationProcess.BoundaryEvent_DeadlinePassed;
import static org.vigil.breach.NotificationObligationProcess.BoundaryEvent_EscalationDue;
import static org.vigil.breach.NotificationObligationProcess.BoundaryEvent_ReminderDue;
import static org.vigil.breach.NotificationObligationProcess.Event_HoldLifted;
import static org.vigil.breach.NotificationObligationProcess.Task_ApproveNotice;
import static org.vigil.breach.NotificationObligationProcess.Task_EscalateToLeadAndCiso;
import static org.vigil.breach.NotificationObligationProcess.Task_FollowUpMissedNotice;
import static org.vigil.breach.NotificationObligationProcess.Task_MarkMissed;
import static org.vigil.breach.NotificationObligationProcess.Task_PlanAgainAfterSending;
import static org.vigil.breach.NotificationObligationProcess.Task_PrepareNotice;
import static org.vigil.breach.NotificationObligationProcess.Task_RecordDispatch;
import static org.vigil.breach.NotificationObligationProcess.Task_RemindGroup;
import static org.vigil.breach.NotificationObligationVariables.NOTICE_APPROVED;
import static org.vigil.breach.NotificationObligationVariables.NOTICE_REFERENCE;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.TestClock;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;

/**
 * Process test for processes/notification-obligation.bpmn: one notice a breach obliges, its tasks and its four timers
 * (reminder, escalation, deadline, end of a law-enforcement hold). The breaches are discovered at 08:00 on Monday
 * 2 March 2026 (EST) and planned at 09:00, where the test clock starts; HIPAA's individual notice is then due 60
 * calendar days later, at the end of Friday 1 May 2026 (EDT).
 */
@VigilSpringTest
class NotificationObligationProcessTest {

    /** HIPAA 164.404(b) and Tex. 521.053(b): discovery on 2 March + 60 calendar days, to the end of that day (C2). */
    static final String SIXTY_DAYS = "2026-05-01T23:59:59-04:00";
    /**
     * The reminder when a quarter of the time is left: planned 2026-03-02T14:00Z, due 2026-05-02T03:59:59Z, 60 d 13:59:59
     * in all; a quarter is 15 d 03:29:59.75, so 2026-04-17T00:29:59.25Z, stored to the second.
     */
    static final String SIXTY_DAYS_REMINDER = "2026-04-16T20:29:59-04:00";
    /** Escalation 48 hours before the deadline. */
    static final String SIXTY_DAYS_ESCALATION = "2026-04-29T23:59:59-04:00";

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Incidents incidents;
    @Autowired ObligationRepository obligations;

    BreachFixture breach;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(engine);
        breach = new BreachFixture(incidents, runtime, management, obligations);
    }

    // --- the cards ---------------------------------------------------------------------------------------------

    @Test
    void eachNoticeCardSaysWhomItGoesToForWhichIncidentAndByWhen() {
        var instance = breach.planned("US-TX: 300");
        long incident = breach.incidentOf(instance);
        var duties = breach.dutiesOf(instance);

        // Four notices of one incident, four cards that say which is which; the deadlines in the company zone.
        assertThat(task(breach.obligationProcess(duties.get("state_ag:TX/US-TX"))).getName())
                .isEqualTo("Prepare the notice: Texas attorney general, incident " + incident + ", due Wed 1 Apr 2026");
        assertThat(task(breach.obligationProcess(duties.get("individuals/US"))).getName())
                .isEqualTo("Prepare the notice: individuals in the United States, incident " + incident + ", due Fri 1 May 2026");
        assertThat(task(breach.obligationProcess(duties.get("individuals/US-TX"))).getName())
                .isEqualTo("Prepare the notice: individuals in Texas, incident " + incident + ", due Fri 1 May 2026");
        assertThat(task(breach.obligationProcess(duties.get("hhs/US"))).getName())
                .isEqualTo("Prepare the notice: HHS, incident " + incident + ", due Mon 1 Mar 2027");

        // The card's variables (seeds/identity taskFilters): ids and codes, never the incident's text.
        var attorneyGeneral = breach.obligationProcess(duties.get("state_ag:TX/US-TX"));
        assertThat(runtime.getVariables(attorneyGeneral.getId()))
                .containsEntry(NotificationObligationVariables.NOTICE_RECIPIENT.name(), "Texas attorney general")
                .containsEntry(NotificationObligationVariables.JURISDICTION.name(), "US-TX")
                .containsEntry(NotificationObligationVariables.INCIDENT_ID.name(), incident);
        assertThat(task(attorneyGeneral).getDescription()).startsWith("Prepare the notice this obligation requires")
                .endsWith("deadline Wed 1 Apr 2026.").doesNotContain("${");

        // Each step of the notice keeps the card's words.
        complete(task(attorneyGeneral), Map.of(NOTICE_REFERENCE.name(), "DOC-AG"));
        assertThat(task(attorneyGeneral).getName())
                .isEqualTo("Approve the notice: Texas attorney general, incident " + incident + ", due Wed 1 Apr 2026");
        assertThat(task(attorneyGeneral).getDescription()).contains("/api/obligations/" + duties.get("state_ag:TX/US-TX").id() + "/notice");
        complete(task(attorneyGeneral), Map.of(NOTICE_APPROVED.name(), true));
        assertThat(task(attorneyGeneral).getName())
                .isEqualTo("Record the dispatch: Texas attorney general, incident " + incident + ", due Wed 1 Apr 2026");
    }

    @Test
    void aNoticeDueWithinHoursSaysTheHourOnItsCard() {
        var instance = breach.planned("EU-DE: 20", Map.of("role", "none", "gdprApplies", true, "gdprRole", "controller",
                "gdprRiskLevel", "risk", "gdprMainEstablishment", "DE", "gdprAwarenessAt", "2026-03-01T14:00:00+01:00"));

        // 72 hours after awareness, 14:00 in Berlin on 4 March: 08:00 in New York.
        assertThat(task(breach.obligationProcess(breach.dutiesOf(instance).get("supervisory_authority:DE/EU-DE"))).getName())
                .isEqualTo("Prepare the notice: supervisory authority of Germany, incident " + breach.incidentOf(instance)
                        + ", due Wed 4 Mar 2026 08:00 EST");
    }

    // --- the timers --------------------------------------------------------------------------------------------

    @Test
    void aNoticeIsDueAtItsDeadlineRemindedWhenAQuarterOfItsTimeIsLeftAndEscalatedTwoDaysBefore() {
        var instance = breach.planned("US-TX: 40");
        var individuals = breach.dutiesOf(instance).get("individuals/US");
        var notice = breach.obligationProcess(individuals);

        assertThat(notice).isWaitingAt(Task_PrepareNotice);
        assertThat(task(notice)).hasCandidateGroup("privacy-office");
        assertThat(individuals.targetDeadline()).isEqualTo(instant(SIXTY_DAYS));
        assertThat(task(notice).getDueDate().toInstant()).isEqualTo(instant(SIXTY_DAYS));
        assertThat(task(notice).getFollowUpDate().toInstant()).isEqualTo(instant(SIXTY_DAYS_REMINDER));
        assertThat(dueDate(notice, BoundaryEvent_ReminderDue)).isEqualTo(instant(SIXTY_DAYS_REMINDER));
        assertThat(dueDate(notice, BoundaryEvent_EscalationDue)).isEqualTo(instant(SIXTY_DAYS_ESCALATION));
        assertThat(dueDate(notice, BoundaryEvent_DeadlinePassed)).isEqualTo(instant(SIXTY_DAYS));

        // HHS's annual log is due 1 March 2027, 364 d 14:59:59 after the plan: a quarter of that (91 d 03:44:59.75)
        // before the deadline is 2026-12-01T01:14:59.25Z; the escalation 48 hours before.
        var hhs = breach.obligationProcess(breach.dutiesOf(instance).get("hhs/US"));
        assertThat(dueDate(hhs, BoundaryEvent_ReminderDue)).isEqualTo(instant("2026-11-30T20:14:59-05:00"));
        assertThat(dueDate(hhs, BoundaryEvent_EscalationDue)).isEqualTo(instant("2027-02-27T23:59:59-05:00"));
        assertThat(dueDate(hhs, BoundaryEvent_DeadlinePassed)).isEqualTo(instant("2027-03-01T23:59:59-05:00"));
    }

    @Test
    void aGdprBreachGetsASeventyTwoHourAuthorityNoticeWithHourTimers() {
        // Aware before the incident was logged as discovered: the 72 hours run from awareness (Art. 33(1)).
        var instance = breach.planned("EU-DE: 20", Map.of("role", "none", "gdprApplies", true, "gdprRole", "controller",
                "gdprRiskLevel", "risk", "gdprMainEstablishment", "DE", "gdprAwarenessAt", "2026-03-01T14:00:00+01:00"));

        var authority = breach.dutiesOf(instance).get("supervisory_authority:DE/EU-DE");
        assertThat(authority).isNotNull();
        assertThat(authority.hourBased()).isTrue();
        // 72 elapsed hours after awareness (C4).
        assertThat(authority.targetDeadline()).isEqualTo(instant("2026-03-04T14:00:00+01:00"));

        var notice = breach.obligationProcess(authority);
        assertThat(dueDate(notice, BoundaryEvent_DeadlinePassed)).isEqualTo(instant("2026-03-04T08:00:00-05:00"));
        // 12 hours before the deadline.
        assertThat(dueDate(notice, BoundaryEvent_EscalationDue)).isEqualTo(instant("2026-03-03T20:00:00-05:00"));
        // 47 hours from the plan to the deadline: a quarter left (11 h 45 min) is later than the latest point, 24 hours before.
        assertThat(dueDate(notice, BoundaryEvent_ReminderDue)).isEqualTo(instant("2026-03-03T08:00:00-05:00"));
        assertThat(task(notice).getDueDate().toInstant()).isEqualTo(instant("2026-03-04T08:00:00-05:00"));
        assertThat(task(notice).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-03T08:00:00-05:00"));
    }

    @Test
    void aNoticeDueWithinHoursIsEscalatedAtOnceAndItsReminderWaitsForTheDeadline() {
        // Aware on Friday 27 February at 11:00: the authority's 72 hours end two hours after the plan at 09:00 on Monday.
        var instance = breach.planned("EU-DE: 20", Map.of("role", "none", "gdprApplies", true, "gdprRole", "controller",
                "gdprRiskLevel", "risk", "gdprMainEstablishment", "DE", "gdprAwarenessAt", "2026-02-27T11:00:00-05:00"));
        var authority = breach.dutiesOf(instance).get("supervisory_authority:DE/EU-DE");
        var notice = breach.obligationProcess(authority);

        assertThat(authority.targetDeadline()).isEqualTo(instant("2026-03-02T11:00:00-05:00"));
        // 12 hours before the deadline had passed when it was set: the escalation is due at once.
        assertThat(dueDate(notice, BoundaryEvent_EscalationDue)).isEqualTo(instant("2026-03-02T09:00:00-05:00"));
        // And so had the reminder's latest point, 24 hours before: no reminder, its timer waits for the deadline.
        assertThat(dueDate(notice, BoundaryEvent_ReminderDue)).isEqualTo(instant("2026-03-02T11:00:00-05:00"));
        assertThat(dueDate(notice, BoundaryEvent_DeadlinePassed)).isEqualTo(instant("2026-03-02T11:00:00-05:00"));
        assertThat(breach.dueTimers(notice)).containsExactly(BoundaryEvent_EscalationDue);

        clock.moveTo("2026-03-02T11:00:00-05:00");
        assertThat(breach.dueTimers(notice)).containsExactlyInAnyOrder(BoundaryEvent_EscalationDue, BoundaryEvent_ReminderDue,
                BoundaryEvent_DeadlinePassed);
    }

    @Test
    void aMissedDeadlineIsMarkedTheCisoAndManagersAreToldAndAFollowUpOpens() {
        var instance = breach.planned("US-TX: 40");
        var individuals = breach.dutiesOf(instance).get("individuals/US");
        var notice = breach.obligationProcess(individuals);

        assertThat(dueDate(notice, BoundaryEvent_ReminderDue)).isEqualTo(instant(SIXTY_DAYS_REMINDER));
        clock.moveTo("2026-04-16T20:30:00-04:00");
        execute(breach.timer(notice, BoundaryEvent_ReminderDue));
        execute(breach.jobAt(notice, Task_RemindGroup));
        assertThat(dueDate(notice, BoundaryEvent_DeadlinePassed)).isEqualTo(instant(SIXTY_DAYS));
        clock.moveTo(SIXTY_DAYS);
        execute(breach.timer(notice, BoundaryEvent_DeadlinePassed));
        execute(breach.jobAt(notice, Task_MarkMissed));

        assertThat(breach.reread(individuals).status()).isEqualTo(ObligationStatus.MISSED);
        var followUp = tasks.createTaskQuery().processInstanceId(notice.getId()).taskDefinitionKey(Task_FollowUpMissedNotice).singleResult();
        assertThat(followUp).isNotNull();
        // The follow-up is due a day after the deadline passed.
        assertThat(followUp.getDueDate().toInstant()).isEqualTo(instant("2026-05-02T23:59:59-04:00"));
        assertThat(followUp.getFollowUpDate().toInstant()).isEqualTo(instant("2026-05-02T23:59:59-04:00"));
        assertThat(followUp.getName()).isEqualTo("Follow up the missed deadline: individuals in the United States, incident "
                + individuals.incidentId() + ", was due Fri 1 May 2026");
        String subject = "MISSED: notice to individuals in the United States was due Fri 1 May 2026 23:59 EDT";
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.withSubject(subject).stream()
                .anyMatch(mail -> body(mail).contains("incident " + individuals.incidentId() + " ")));
    }

    @Test
    void theReminderAndThenTheEscalationArriveByEMailWhenTheEngineClockReachesThem() throws Exception {
        var instance = breach.planned("US-TX: 40");
        var individuals = breach.dutiesOf(instance).get("individuals/US");
        var notice = breach.obligationProcess(individuals);
        var marker = Pattern.compile("incident " + individuals.incidentId() + "\\b");

        assertThat(breach.dueTimers(notice)).isEmpty();
        // Just past the reminder (20:29:59.25): it is due, the escalation not yet.
        clock.moveTo("2026-04-16T20:30:00-04:00");
        assertThat(breach.dueTimers(notice)).containsExactly(BoundaryEvent_ReminderDue);
        execute(breach.timer(notice, BoundaryEvent_ReminderDue));
        execute(breach.jobAt(notice, Task_RemindGroup));
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.withSubject("Reminder: notice to individuals in the United States due Fri 1 May 2026 23:59 EDT").stream()
                .anyMatch(mail -> marker.matcher(body(mail)).find()));
        assertThat(TestMailServer.withSubject("ESCALATION: notice to individuals in the United States due Fri 1 May 2026 23:59 EDT")).noneMatch(mail -> marker.matcher(body(mail)).find());

        // Just past the escalation point, 48 hours before the deadline: the CISO hears of it.
        clock.moveTo("2026-04-30T00:00:00-04:00");
        assertThat(breach.dueTimers(notice)).containsExactly(BoundaryEvent_EscalationDue);
        execute(breach.timer(notice, BoundaryEvent_EscalationDue));
        execute(breach.jobAt(notice, Task_EscalateToLeadAndCiso));
        await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.withSubject("ESCALATION: notice to individuals in the United States due Fri 1 May 2026 23:59 EDT").stream()
                .anyMatch(mail -> marker.matcher(body(mail)).find()));
        var escalation = TestMailServer.withSubject("ESCALATION: notice to individuals in the United States due Fri 1 May 2026 23:59 EDT").stream()
                .filter(mail -> marker.matcher(body(mail)).find()).findFirst().orElseThrow();
        assertThat(escalation.getAllRecipients()).extracting(Object::toString).contains("ciso@vigil.example");
        assertThat(breach.reread(individuals).status()).isEqualTo(ObligationStatus.OPEN);
    }

    // --- the paths ---------------------------------------------------------------------------------------------

    @Test
    void aNoticeIsPreparedApprovedSentAndTheLastOneSendsTheIncidentToItsReview() {
        var instance = breach.planned("US-TX: 40");

        clock.moveTo("2026-03-04T10:00:00-05:00");
        for (Obligation obligation : breach.dutiesOf(instance).values()) {
            var notice = breach.obligationProcess(obligation);
            complete(task(notice), Map.of(NOTICE_REFERENCE.name(), "DOC-" + obligation.id()));
            assertThat(notice).isWaitingAt(Task_ApproveNotice);
            complete(task(notice), Map.of(NOTICE_APPROVED.name(), true));
            assertThat(notice).isWaitingAt(Task_RecordDispatch);
            complete(task(notice), dispatch("2026-03-04T10:00:00-05:00", "USPS-" + obligation.id()));
            assertThat(notice).isWaitingAt(Task_PlanAgainAfterSending);
            execute(breach.jobAt(notice, Task_PlanAgainAfterSending));
            execute(job(notice));
            assertThat(notice).isEnded();
        }

        assertThat(instance).isWaitingAt(Task_ReviewPostIncident);
        assertThat(obligations.findByIncidentIdOrderByTargetDeadline(breach.incidentOf(instance))).allSatisfy(obligation -> {
            assertThat(obligation.status()).isEqualTo(ObligationStatus.SENT);
            assertThat(obligation.sentAt()).isEqualTo(instant("2026-03-04T10:00:00-05:00"));
        });
    }

    @Test
    void aNoticeTheApproverSendsBackIsPreparedAgain() {
        var instance = breach.planned("US-TX: 40");
        var notice = breach.obligationProcess(breach.dutiesOf(instance).get("individuals/US"));

        complete(task(notice), Map.of(NOTICE_REFERENCE.name(), "DOC-draft"));
        // Unticked without a reason: refused naming both fields, as a box left unticked by mistake would be.
        assertThatThrownBy(() -> complete(task(notice), Map.of(NOTICE_APPROVED.name(), false)))
                .hasMessageContaining("Field 'What must change before it can be approved' (phiSendBackReason) is required to send the notice back")
                .hasMessageContaining("'I have previewed this notice and approve its release'");
        assertThat(notice).isWaitingAt(Task_ApproveNotice);

        complete(task(notice), Map.of(NOTICE_APPROVED.name(), false, NoticeApprovedTaskListener.SEND_BACK_REASON, "Name the clinic's hotline"));

        assertThat(notice).isWaitingAt(Task_PrepareNotice);
        long obligationId = (Long) runtime.getVariable(notice.getId(), NotificationObligationVariables.OBLIGATION_ID.name());
        assertThat(obligations.findById(obligationId).orElseThrow().sendBackReason()).isEqualTo("Name the clinic's hotline");
        assertThat(runtime.getVariables(notice.getId()).keySet()).as("the reason, free text, is no variable").noneMatch(name -> name.startsWith("phi"));

        complete(task(notice), Map.of(NOTICE_REFERENCE.name(), "DOC-final"));
        assertThat(notice).isWaitingAt(Task_ApproveNotice);
        assertThat(runtime.getVariables(notice.getId())).as("the next approval starts ticked, as its form does, not with the last 'no'")
                .doesNotContainKey(NOTICE_APPROVED.name());
        assertThat(task(notice).getDueDate().toInstant()).isEqualTo(instant(SIXTY_DAYS));
        assertThat(task(notice).getFollowUpDate().toInstant()).isEqualTo(instant(SIXTY_DAYS_REMINDER));
    }

    @Test
    void sendingTheIndividualNoticesEarlyBringsHhsForwardAndItsTimersFollow() {
        var instance = breach.planned("US-TX: 600");
        var duties = breach.dutiesOf(instance);
        var hhsNotice = breach.obligationProcess(duties.get("hhs/US"));
        // Together with the individual notices (164.408(b)), which are not sent yet: their own last day (C6).
        assertThat(dueDate(hhsNotice, BoundaryEvent_DeadlinePassed)).isEqualTo(instant(SIXTY_DAYS));
        long incident = breach.incidentOf(instance);
        assertThat(task(hhsNotice).getName()).isEqualTo("Prepare the notice: HHS, incident " + incident + ", due Fri 1 May 2026");

        clock.moveTo("2026-03-04T10:00:00-05:00");
        var individuals = breach.obligationProcess(duties.get("individuals/US"));
        complete(task(individuals), Map.of(NOTICE_REFERENCE.name(), "DOC-individuals"));
        complete(task(individuals), Map.of(NOTICE_APPROVED.name(), true));
        complete(task(individuals), dispatch("2026-03-04T10:00:00-05:00", "USPS-individuals"));
        execute(breach.jobAt(individuals, Task_PlanAgainAfterSending));

        // Sent on Wednesday 4 March: HHS is due by the end of that day.
        assertThat(breach.reread(duties.get("hhs/US")).targetDeadline()).isEqualTo(instant("2026-03-04T23:59:59-05:00"));
        assertThat(dueDate(hhsNotice, BoundaryEvent_DeadlinePassed)).isEqualTo(instant("2026-03-04T23:59:59-05:00"));
        // 48 hours before had passed when the deadline moved: the escalation is due at once.
        assertThat(dueDate(hhsNotice, BoundaryEvent_EscalationDue)).isEqualTo(instant("2026-03-04T10:00:00-05:00"));
        // So had the reminder's latest point, 7 days before: its timer waits for the deadline.
        assertThat(dueDate(hhsNotice, BoundaryEvent_ReminderDue)).isEqualTo(instant("2026-03-04T23:59:59-05:00"));
        assertThat(task(hhsNotice).getDueDate().toInstant()).isEqualTo(instant("2026-03-04T23:59:59-05:00"));
        assertThat(task(hhsNotice).getFollowUpDate().toInstant()).isEqualTo(instant("2026-03-04T23:59:59-05:00"));
        // The card says the new deadline, as the model would have said it when the task was created.
        assertThat(task(hhsNotice).getName()).isEqualTo("Prepare the notice: HHS, incident " + incident + ", due Wed 4 Mar 2026");
        // The notices that do not run from the individual ones keep their dates.
        var media = breach.obligationProcess(duties.get("media/US-TX"));
        assertThat(dueDate(media, BoundaryEvent_DeadlinePassed)).isEqualTo(instant(SIXTY_DAYS));
        assertThat(dueDate(media, BoundaryEvent_ReminderDue)).isEqualTo(instant(SIXTY_DAYS_REMINDER));
    }

    @Test
    void aNoticeUnderALawEnforcementHoldCannotBeReleasedBeforeTheHoldEnds() {
        var instance = breach.planned("US-TX: 40", Map.of("lawEnforcementForm", "oral",
                "lawEnforcementStatementAt", "2026-03-02T08:30:00-05:00"));

        var individuals = breach.dutiesOf(instance).get("individuals/US");
        // 164.412(b): an oral statement holds the notice for at most 30 days from its date, 2 March.
        assertThat(individuals.holdUntil()).isEqualTo(instant("2026-04-01T23:59:59-04:00"));
        assertThat(individuals.targetDeadline()).isEqualTo(instant(SIXTY_DAYS));
        var notice = breach.obligationProcess(individuals);
        complete(task(notice), Map.of(NOTICE_REFERENCE.name(), "DOC-1"));
        complete(task(notice), Map.of(NOTICE_APPROVED.name(), true));

        assertThat(notice).isWaitingAt(Event_HoldLifted);
        assertThat(dueDate(notice, Event_HoldLifted)).isEqualTo(instant("2026-04-01T23:59:59-04:00"));
        execute(breach.timer(notice, Event_HoldLifted));
        assertThatThrownBy(() -> complete(task(notice), dispatch(TestClock.MONDAY_MORNING, "x")))
                .hasMessageContaining("law-enforcement hold");

        clock.moveTo("2026-04-02T09:00:00-04:00");
        complete(task(notice), dispatch("2026-04-02T09:00:00-04:00", "USPS-1"));
        assertThat(notice).isWaitingAt(Task_PlanAgainAfterSending);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The due date of the timer at {@code activityId}; Camunda keeps job due dates to the second on MariaDB. */
    private Instant dueDate(ProcessInstance notice, String activityId) {
        var timer = breach.timer(notice, activityId);
        assertThat(timer).as("timer " + activityId).isNotNull();
        return timer.getDuedate().toInstant();
    }

    /** The fields of forms/record-dispatch.form. */
    private static Map<String, Object> dispatch(String sentAt, String proof) {
        return Map.of("sentAt", sentAt, "channel", "first_class_mail", "proof", proof);
    }
}
