package org.vigil.managementreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.vigil.TestClock.instant;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.EngineJobs;
import org.vigil.TestClock;
import org.vigil.VigilSpringTest;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.CorrectiveActionProcess;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.managementreview.ManagementReviewApi.PackInput;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.platform.CompanyCalendar;
import org.vigil.platform.JsonListVariables;
import org.vigil.platform.StateConflict;

/**
 * Process test for processes/management-review.bpmn and its schedules on the test clock (Monday 2 March 2026, 09:00
 * EST): the quarterly and monthly timers with their due dates, the CISO's start, the people's inputs with their
 * reminders and escalations, the meeting whose pack is frozen and whose decisions become actions, the sign-off lock,
 * and an open action carried into the next review until it is closed.
 */
@VigilSpringTest
class ManagementReviewProcessTest {

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @Autowired ProcessEngine engine;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IdentityService identity;
    @Autowired ManagementReviews reviews;
    @Autowired ManagementReviewProcess process;
    @Autowired ManagementReviewDocuments documents;
    @Autowired CorrectiveActions actions;
    @Autowired CompanyCalendar calendar;
    @Autowired TestFiguresSource figures;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void engine() {
        BpmnAwareTests.init(engine);
    }

    // ---------------------------------------------------------------- the timers

    @Test
    void theQuarterlyReviewStartsInTheSecondWeekAfterTheQuarterOnItsFirstWorkingDay() {
        Job quarterly = startTimer(ManagementReviewProcess.KEY, ManagementReviewProcess.StartEvent_QuarterlyReviewDue);
        management.recalculateJobDuedate(quarterly.getId(), false);
        // Wednesday 8 April 2026, 09:00 EDT: the second week after the first quarter.
        assertThat(dueDate(quarterly)).isEqualTo(instant("2026-04-08T09:00:00-04:00"));

        clock.moveTo("2026-04-08T09:00:00-04:00");
        ProcessInstance review = fire(ManagementReviewProcess.KEY, quarterly, ManagementReviewProcess.Event_FirstWorkingDayQuarterly);
        assertThat(timer(review, ManagementReviewProcess.Event_FirstWorkingDayQuarterly).getDuedate().toInstant())
                .isEqualTo(instant("2026-04-08T09:00:00-04:00"));
        assertThat(runtime.getVariable(review.getId(), "reviewKind")).isEqualTo("quarterly");
        management.executeJob(timer(review, ManagementReviewProcess.Event_FirstWorkingDayQuarterly).getId());
        EngineJobs.runAt(management, review.getId(), ManagementReviewProcess.Task_OpenReview);

        var opened = reviews.review(reviewOf(review));
        assertThat(opened.kind()).isEqualTo("quarterly");
        assertThat(opened.periodLabel()).isEqualTo("2026-Q1");
        assertThat(opened.periodFrom()).isEqualTo(instant("2026-01-01T00:00:00-05:00"));
        assertThat(opened.periodTo()).isEqualTo(instant("2026-04-01T00:00:00-04:00"));
        // The meeting ten working days on (Wednesday 22 April), the inputs three working days before it (Friday 17 April).
        assertThat(opened.meetingDue()).isEqualTo(calendar.endOfWorkingDay(LocalDate.parse("2026-04-22")));
        List<Task> preparation = tasks.createTaskQuery().processInstanceId(review.getId())
                .taskDefinitionKey(ManagementReviewProcess.Task_PrepareInput).orderByTaskName().asc().list();
        assertThat(preparation).extracting(Task::getName).containsExactly(
                "Prepare the input “Changes in external and internal issues”: quarterly management review " + opened.id() + " (2026-Q1), due Fri 17 Apr 2026",
                "Prepare the input “Fulfilment of information security objectives”: quarterly management review " + opened.id() + " (2026-Q1), due Fri 17 Apr 2026",
                "Prepare the input “Needs, expectations and feedback of interested parties”: quarterly management review " + opened.id() + " (2026-Q1), due Fri 17 Apr 2026");
        assertThat(preparation).extracting(t -> candidateGroupOf(t)).containsExactly("ciso", "managers", "privacy-office");
        assertThat(preparation).allSatisfy(t -> assertThat(t.getDueDate().toInstant())
                .isEqualTo(calendar.endOfWorkingDay(LocalDate.parse("2026-04-17"))));
        // The next quarterly review: 8 July.
        assertThat(dueDate(startTimer(ManagementReviewProcess.KEY, ManagementReviewProcess.StartEvent_QuarterlyReviewDue)))
                .isEqualTo(instant("2026-07-08T09:00:00-04:00"));
        runtime.deleteProcessInstance(review.getId(), "test: only the timer is under test");
    }

    @Test
    void theMonthlySecurityReviewStartsOnTheFirstWorkingDayOfTheMonthForTheMonthBefore() {
        Job monthly = startTimer(ManagementReviewProcess.MONTHLY_SCHEDULE_KEY, ManagementReviewProcess.StartEvent_MonthlyReviewDue);
        management.recalculateJobDuedate(monthly.getId(), false);
        assertThat(dueDate(monthly)).isEqualTo(instant("2026-04-01T09:00:00-04:00"));
        Job annual = startTimer(ManagementReviewProcess.ANNUAL_SCHEDULE_KEY, ManagementReviewProcess.StartEvent_AnnualReviewDue);
        management.recalculateJobDuedate(annual.getId(), false);
        assertThat(dueDate(annual)).isEqualTo(instant("2027-01-15T09:00:00-05:00"));

        clock.moveTo("2026-04-01T09:00:00-04:00");
        ProcessInstance schedule = fire(ManagementReviewProcess.MONTHLY_SCHEDULE_KEY, monthly, ManagementReviewProcess.Event_FirstWorkingDay);
        assertThat(timer(schedule, ManagementReviewProcess.Event_FirstWorkingDay).getDuedate().toInstant())
                .isEqualTo(instant("2026-04-01T09:00:00-04:00"));
        management.executeJob(timer(schedule, ManagementReviewProcess.Event_FirstWorkingDay).getId());
        EngineJobs.runAt(management, schedule.getId(), ManagementReviewProcess.Task_RequestReview);
        assertThat(schedule).isEnded();
        ProcessInstance review = runtime.createProcessInstanceQuery().processDefinitionKey(ManagementReviewProcess.KEY)
                .variableValueEquals("scheduledBy", schedule.getId()).singleResult();
        // A re-run of the schedule's job starts no second review.
        assertThat(process.startScheduled("monthly", schedule.getId())).isEqualTo(review.getId());
        EngineJobs.runAt(management, review.getId(), ManagementReviewProcess.Task_OpenReview);
        var opened = reviews.review(reviewOf(review));
        assertThat(opened.kind()).isEqualTo("monthly");
        assertThat(opened.periodLabel()).isEqualTo("2026-03");
        // The monthly review asks people for the changes in issues only, from the CISO.
        assertThat(tasks.createTaskQuery().processInstanceId(review.getId()).list()).singleElement()
                .satisfies(t -> assertThat(candidateGroupOf(t)).isEqualTo("ciso"))
                .satisfies(t -> assertThat(t.getName()).startsWith("Prepare the input “Changes in external and internal issues”: monthly security review "
                        + opened.id() + " (2026-03), due "));
        runtime.deleteProcessInstance(review.getId(), "test: only the timer is under test");
    }

    // ---------------------------------------------------------------- every step to the sign-off

    @Test
    void aReviewIsPreparedHeldFrozenSignedOffAndThenOnlyAmended() {
        assertThatThrownBy(() -> reviews.requestReview("manager", "quarterly", null)).isInstanceOf(ReviewRefusedException.class);
        assertThatThrownBy(() -> reviews.requestReview("ciso", "weekly", null)).hasMessageStartingWith("kind:");
        assertThatThrownBy(() -> reviews.requestReview("ciso", "quarterly", "2026-13")).hasMessageStartingWith("periodLabel:");
        assertThatThrownBy(() -> reviews.requestReview("ciso", "quarterly", "2026-Q3")).hasMessageContaining("has not begun");
        figures.set("2025-Q4", 7);
        figures.set("2025-Q3", 4);
        figures.set("2025-Q2", 2);
        figures.set("2025-Q1", 3);
        figures.items(List.of(new ReviewItem("rule-1", "Rule 1", "a"), new ReviewItem("rule-2", "Rule 2", "b")));
        ProcessInstance instance = started(reviews.requestReview("ciso", "quarterly", "2025-Q4"));
        long id = reviewOf(instance);
        assertThat(reviews.review(id).periodLabel()).isEqualTo("2025-Q4");
        var live = pack(id, TestFiguresSource.KEY);
        assertThat(live.frozen()).isFalse();
        assertThat(live.input().figures().get(0).value()).isEqualTo(7.0);
        assertThat(live.input().source()).isEqualTo("the test");
        // The risk capability answers for itself (its RiskReviewInput), so the placeholder is gone.
        assertThat(pack(id, ManagementReviews.RISK).input().available()).isTrue();
        assertThat(pack(id, ManagementReviews.RISK).input().notes()).noneMatch(note -> note.contains("does not exist yet"));

        // Preparation: the reminder two working days before the inputs are due, then the escalation when they are overdue.
        Task issues = preparationTask(instance, "ciso");
        Date due = issues.getDueDate();
        assertThat(due.toInstant()).isEqualTo(calendar.endOfWorkingDay(LocalDate.parse("2026-03-11")));
        Job reminder = timerOf(issues, ManagementReviewProcess.BoundaryEvent_PreparationReminderDue);
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(instant("2026-03-09T09:00:00-04:00"));
        clock.moveTo(reminder.getDuedate().toInstant());
        management.executeJob(reminder.getId());
        EngineJobs.runAllOf(management, instance.getId());
        assertThat(mailTo("management-review:" + id + ":issues:preparation-reminder")).contains("ciso@vigil.example");
        Job overdue = timerOf(preparationTask(instance, "managers"), ManagementReviewProcess.BoundaryEvent_PreparationOverdue);
        assertThat(overdue.getDuedate()).isEqualTo(due);
        clock.moveTo(due.toInstant());
        management.executeJob(overdue.getId());
        EngineJobs.runAllOf(management, instance.getId());
        assertThat(mailTo("management-review:" + id + ":objectives:preparation-overdue")).contains("ciso@vigil.example", "manager@vigil.example");

        assertThatThrownBy(() -> completeAs("ciso", "ciso", issues, Map.of("phiStatement", " ")))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Exception while invoking TaskListener: phiStatement:");
        completeAs("ciso", "ciso", issues, Map.of("phiStatement", "New state breach law in effect; cloud move planned"));
        completeAs("privacy", "privacy-office", preparationTask(instance, "privacy-office"), Map.of("phiStatement", "Customers ask for SOC 2"));
        completeAs("manager", "managers", preparationTask(instance, "managers"), Map.of("phiStatement", "Phishing rate objective met"));
        assertThat(instance).isWaitingAt(ManagementReviewProcess.Task_HoldMeeting);
        assertThat(runtime.getVariable(instance.getId(), "phiStatement")).isNull();
        assertThat(pack(id, ManagementReviews.ISSUES).statement()).isEqualTo("New state breach law in effect; cloud move planned");
        assertThat(pack(id, ManagementReviews.ISSUES).enteredBy()).isEqualTo("ciso");
        clock.moveTo("2026-03-12T16:00:00-04:00");
        Task meeting = task(instance);
        assertThat(meeting.getName()).isEqualTo("Hold the quarterly management review " + id + " (2025-Q4), due Mon 16 Mar 2026");

        // The meeting: a meeting in the future, a decision without an owner group are refused, naming the field.
        assertThatThrownBy(() -> completeAs("manager", "managers", meeting, meeting("2026-03-20", decision("Roll out MFA", "managers", "2026-06-30"))))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Exception while invoking TaskListener: meetingDate:");
        assertThatThrownBy(() -> completeAs("manager", "managers", meeting, meeting("2026-03-12", decision("Roll out MFA", "nobody", "2026-06-30"))))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Exception while invoking TaskListener: phiDecisions[1].ownerGroup:");
        // A meeting before the review opened, an owner outside the decision's group, a chair outside top management, a
        // due date already past: each refused naming the field.
        assertThatThrownBy(() -> completeAs("manager", "managers", meeting, meeting("1999-01-01")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("meetingDate: the meeting is held after the review opened on");
        assertThatThrownBy(() -> completeAs("manager", "managers", meeting, meeting("2026-03-12", decision("Roll out MFA", "it-operations", "2026-06-30", "privacy"))))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("phiDecisions[1].owner: must be the user id of a member of");
        assertThatThrownBy(() -> completeAs("manager", "managers", meeting, meeting("2026-03-12", "staff")))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("chair: must be the user id of a member of");
        assertThatThrownBy(() -> completeAs("manager", "managers", meeting, meeting("2026-03-12", decision("Roll out MFA", "it-operations", "2026-03-11"))))
                .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("phiDecisions[1].dueDate: a due date from today on");
        figures.set("2025-Q4", 8);
        completeAs("manager", "managers", meeting, meeting("2026-03-12", decision("Roll out MFA to every admin account", "it-operations", "2026-06-30"),
                decision("Run a phishing exercise", "managers", "2026-05-29", "manager")));
        assertThat(runtime.getVariable(instance.getId(), "phiMinutes")).isNull();
        assertThat(runtime.getVariable(instance.getId(), "phiDecisions")).isNull();
        EngineJobs.runAt(management, instance.getId(), ManagementReviewProcess.Task_FreezePack);

        // Frozen: read a last time at the meeting (8), with the three quarters before for the charts; later changes stay out.
        var frozen = pack(id, TestFiguresSource.KEY);
        assertThat(frozen.frozen()).isTrue();
        assertThat(frozen.input().figures().get(0).value()).isEqualTo(8.0);
        assertThat(frozen.trend()).extracting(ManagementReviewApi.TrendPoint::periodLabel).containsExactly("2025-Q1", "2025-Q2", "2025-Q3");
        assertThat(frozen.trend()).extracting(t -> t.figures().get(TestFiguresSource.KEY + ".incidents")).containsExactly(3.0, 2.0, 4.0);
        figures.set("2025-Q4", 99);
        assertThat(pack(id, TestFiguresSource.KEY).input().figures().get(0).value()).isEqualTo(8.0);
        var detail = reviews.detail(id);
        assertThat(detail.review().chair()).isEqualTo("ciso");
        assertThat(detail.review().attendees()).containsExactly("ciso", "manager", "privacy");
        assertThat(detail.minutes()).isEqualTo("Pack reviewed; MFA gaps discussed");
        assertThat(detail.decisions()).hasSize(2);
        var first = detail.decisions().get(0);
        assertThat(first.correctiveActionId()).isNotNull();
        var action = actions.summary(first.correctiveActionId()).orElseThrow();
        assertThat(action.source()).isEqualTo(new ActionSource(ActionSource.MANAGEMENT_REVIEW, "review:" + id + ":decision:1"));
        assertThat(action.severity()).isEqualTo("improvement");
        assertThat(action.ownerGroup()).isEqualTo("it-operations");
        // The meeting decided the due date (and, for the second, the owner): the action carries them, not the policy's.
        assertThat(action.dueAt()).isEqualTo(calendar.endOfWorkingDay(LocalDate.parse("2026-06-30")));
        assertThat(action.owner()).isNull();
        var second = actions.summary(detail.decisions().get(1).correctiveActionId()).orElseThrow();
        assertThat(second.dueAt()).isEqualTo(calendar.endOfWorkingDay(LocalDate.parse("2026-05-29")));
        assertThat(second.owner()).isEqualTo("manager");

        // The sign-off: the chair ticks it; then the record is locked and only amendments are appended.
        Task signOff = task(instance);
        assertThat(signOff.getAssignee()).as("the chair's task").isEqualTo("ciso");
        // Neither an administrator nor someone the task is handed to signs off in the chair's place.
        assertThatThrownBy(() -> completeAs("admin", "camunda-admin", signOff, Map.of("signOff", true)))
                .hasRootCauseInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("Only the chair of management review " + id + ", ciso, signs it off");
        tasks.setAssignee(signOff.getId(), "manager");
        assertThatThrownBy(() -> completeAs("manager", "managers", signOff, Map.of("signOff", true)))
                .hasRootCauseInstanceOf(org.camunda.bpm.engine.AuthorizationException.class).hasMessageContaining("Only the chair of management review " + id + ", ciso, signs it off");
        tasks.setAssignee(signOff.getId(), "ciso");
        assertThat(signOff.getName()).startsWith("Sign off the quarterly management review " + id + " (2025-Q4), due ");
        assertThatThrownBy(() -> completeAs("ciso", "ciso", signOff, Map.of("signOff", false)))
                .isInstanceOf(ProcessEngineException.class).hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("Exception while invoking TaskListener: signOff:");
        assertThatThrownBy(() -> reviews.amend(id, "Typo in the minutes", "A name was wrong", "ciso")).isInstanceOf(StateConflict.class);
        completeAs("ciso", "ciso", signOff, Map.of("signOff", true));
        EngineJobs.runAt(management, instance.getId(), ManagementReviewProcess.Task_RenderDocument);
        assertThat(instance).isEnded().hasPassed(ManagementReviewProcess.EndEvent_ReviewSignedOff);
        var signed = reviews.review(id);
        assertThat(signed.status()).isEqualTo("SIGNED_OFF");
        assertThat(signed.signedOffBy()).isEqualTo("ciso");
        assertThat(signed.documentSha256()).hasSize(64);

        assertThatThrownBy(() -> reviews.recordMeeting(id, LocalDate.parse("2026-03-12"), "ciso", List.of("ciso"), "Rewritten", List.of()))
                .isInstanceOf(ReviewSignedOffException.class).hasMessageContaining("Management review " + id + " is signed off");
        assertThatThrownBy(() -> reviews.recordStatement(id, ManagementReviews.ISSUES, "Changed", "ciso"))
                .isInstanceOf(ReviewSignedOffException.class);
        assertThatThrownBy(() -> reviews.signOff(id, "ciso")).isInstanceOf(ReviewSignedOffException.class);
        reviews.amend(id, "Attendees also included the DPO", "Omitted from the attendance list", "manager");
        assertThat(reviews.detail(id).amendments()).singleElement().satisfies(a -> {
            assertThat(a.amendedBy()).isEqualTo("manager");
            assertThat(a.why()).isEqualTo("Omitted from the attendance list");
        });
        assertThat(reviews.detail(id).minutes()).isEqualTo("Pack reviewed; MFA gaps discussed");
        assertThat(documents.html(id)).contains("2025-Q4", "Attendees also included the DPO", "Roll out MFA to every admin account");
    }

    // ---------------------------------------------------------------- carry-forward

    @Test
    void anOpenActionOfAnEarlierReviewIsCarriedIntoTheNextUntilClosed() {
        figures.items(List.of(new ReviewItem("rule-1", "Rule 1", "a"), new ReviewItem("rule-2", "Rule 2", "b")));
        ProcessInstance first = started(reviews.requestReview("ciso", "annual", "2024"));
        long firstId = reviewOf(first);
        heldAndSignedOff(first, decision("Replace the ticketing tool", "it-operations", "2026-09-30"));
        long actionId = reviews.detail(firstId).decisions().get(0).correctiveActionId();

        figures.items(List.of(new ReviewItem("rule-1", "Rule 1", "a2"), new ReviewItem("rule-3", "Rule 3", "c")));
        ProcessInstance second = started(reviews.requestReview("ciso", "annual", "2025"));
        long secondId = reviewOf(second);
        var carried = pack(secondId, ManagementReviews.PREVIOUS_ACTIONS).input();
        assertThat(carried.title()).isEqualTo("Actions from previous reviews");
        assertThat(carried.items()).anySatisfy(i -> {
            assertThat(i.key()).isEqualTo("CA-" + actionId);
            assertThat(i.text()).contains("review:" + firstId + ":decision:1", "it-operations");
        });
        // The comparison with the previous annual review: items added, changed and removed.
        var comparison = reviews.comparison(secondId);
        assertThat(comparison.previousReviewId()).isEqualTo(firstId);
        var test = comparison.inputs().stream().filter(c -> c.key().equals(TestFiguresSource.KEY)).findFirst().orElseThrow();
        assertThat(test.items()).extracting(ManagementReviewApi.ItemChange::key, ManagementReviewApi.ItemChange::change)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("rule-1", "changed"), org.assertj.core.groups.Tuple.tuple("rule-3", "added"),
                        org.assertj.core.groups.Tuple.tuple("rule-2", "removed"));

        // An administrator's grants do not make them the CISO; a review asked for and not opened yet counts.
        assertThatThrownBy(() -> reviews.requestReview("admin", "annual", "2022")).isInstanceOf(ReviewRefusedException.class);
        String pending = reviews.requestReview("ciso", "annual", "2022");
        assertThatThrownBy(() -> reviews.requestReview("ciso", "annual", "2022")).isInstanceOf(StateConflict.class)
                .hasMessageContaining("The annual review of 2022 is being opened");
        runtime.deleteProcessInstance(pending, "test: one review per period");
        // One review per kind and period; a period not over yet is not reviewed.
        assertThatThrownBy(() -> reviews.requestReview("ciso", "annual", "2025")).isInstanceOf(StateConflict.class)
                .hasMessageContaining("The annual review of 2025 exists already: management review " + secondId);
        assertThatThrownBy(() -> reviews.requestReview("ciso", "annual", "2026")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("periodLabel: 2026 is not over until 2027-01-01");
        assertThatThrownBy(() -> reviews.requestReview("ciso", "", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("kind: must be one of");

        closeAction(actionId);
        ProcessInstance third = started(reviews.requestReview("ciso", "annual", "2023"));
        // The comparison is with the review of the period before (2022: none), not with the latest review opened.
        assertThat(reviews.comparison(reviewOf(third)).previousReviewId()).isNull();
        assertThat(reviews.comparison(secondId).previousReviewId()).isEqualTo(firstId);
        assertThat(pack(reviewOf(third), ManagementReviews.PREVIOUS_ACTIONS).input().items()).noneMatch(i -> i.key().equals("CA-" + actionId));
        runtime.deleteProcessInstance(second.getId(), "test: carried forward");
        runtime.deleteProcessInstance(third.getId(), "test: carried forward");
    }

    // ---------------------------------------------------------------- helpers

    private void heldAndSignedOff(ProcessInstance instance, Map<String, Object>... decisions) {
        for (Task t : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ManagementReviewProcess.Task_PrepareInput).list()) {
            String group = candidateGroupOf(t);
            completeAs("ciso", group, t, Map.of("phiStatement", "Input of " + group));
        }
        completeAs("ciso", "ciso", task(instance), meeting(LocalDate.ofInstant(clock.now(), java.time.ZoneId.of("America/New_York")).toString(), decisions));
        EngineJobs.runAt(management, instance.getId(), ManagementReviewProcess.Task_FreezePack);
        completeAs("ciso", "ciso", task(instance), Map.of("signOff", true));
        EngineJobs.runAt(management, instance.getId(), ManagementReviewProcess.Task_RenderDocument);
        assertThat(instance).isEnded();
    }

    @SafeVarargs
    private static Map<String, Object> meeting(String day, Map<String, Object>... decisions) {
        return meeting(day, "ciso", decisions);
    }

    @SafeVarargs
    private static Map<String, Object> meeting(String day, String chair, Map<String, Object>... decisions) {
        Map<String, Object> values = new HashMap<>();
        values.put("meetingDate", day);
        values.put("chair", chair);
        values.put("attendees", "ciso, manager, privacy");
        values.put("phiMinutes", "Pack reviewed; MFA gaps discussed");
        values.put("phiDecisions", JsonListVariables.jsonValue(List.of(decisions)));
        return values;
    }

    private static Map<String, Object> decision(String text, String group, String due) {
        return Map.of("text", text, "ownerGroup", group, "dueDate", due);
    }

    private static Map<String, Object> decision(String text, String group, String due, String owner) {
        return Map.of("text", text, "ownerGroup", group, "dueDate", due, "owner", owner);
    }

    /** Drives the corrective action through its steps to an effective check by the auditors. */
    private void closeAction(long actionId) {
        ProcessInstance action = runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + actionId).singleResult();
        completeAs("sysadmin", "it-operations", action, Map.of("correctionMade", "yes", "phiCorrection", "Interim tool configured"));
        completeAs("sysadmin", "it-operations", action, Map.of("phiRootCause", "Tool out of support", "rootCauseMethod", "five-whys",
                "similarElsewhere", "no"));
        String day = actions.summary(actionId).orElseThrow().dueAt().atZone(java.time.ZoneId.of("America/New_York")).toLocalDate().toString();
        completeAs("sysadmin", "it-operations", action, Map.of("phiActionPlan", "Migrate to the new tool", "actionOwner", "sysadmin", "planDueDate", day));
        completeAs("sysadmin", "it-operations", action, Map.of("phiEvidence", "Migration done"));
        Job wait = management.createJobQuery().processInstanceId(action.getId()).timers()
                .activityId(CorrectiveActionProcess.Timer_EffectivenessCheckDue).singleResult();
        clock.moveTo(wait.getDuedate().toInstant());
        management.executeJob(wait.getId());
        // The check is done by someone other than the owner, of the group the action's policy names.
        Task check = task(action);
        String checker = candidateGroupOf(check);
        String user = Map.of("ciso", "ciso", "managers", "manager", "auditors", "auditor", "privacy-office", "privacy").get(checker);
        completeAs(user, checker, check, Map.of("verdict", "effective", "phiEffectivenessNotes", "All tickets in the new tool"));
        EngineJobs.runAt(management, action.getId(), CorrectiveActionProcess.Task_CloseAction);
        assertThat(actions.summary(actionId).orElseThrow().status()).isEqualTo("CLOSED");
    }

    private ProcessInstance started(String processInstanceId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        EngineJobs.runAt(management, processInstanceId, ManagementReviewProcess.Task_OpenReview);
        return instance;
    }

    private PackInput pack(long reviewId, String key) {
        return reviews.detail(reviewId).pack().stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
    }

    private Task preparationTask(ProcessInstance instance, String group) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(ManagementReviewProcess.Task_PrepareInput)
                .taskCandidateGroup(group).singleResult();
    }

    private Job timerOf(Task task, String activityId) {
        Job job = management.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().activityId(activityId)
                .list().stream().filter(j -> j.getExecutionId() != null && isUnder(j.getExecutionId(), task.getExecutionId()))
                .findFirst().orElse(null);
        assertThat(job).as("timer " + activityId + " of " + task.getName()).isNotNull();
        return job;
    }

    /** Whether the timer's execution is the task's or its scope's (a boundary timer sits on the task's scope execution). */
    private boolean isUnder(String timerExecutionId, String taskExecutionId) {
        var taskExecution = runtime.createExecutionQuery().executionId(taskExecutionId).singleResult();
        var timerExecution = runtime.createExecutionQuery().executionId(timerExecutionId).singleResult();
        return timerExecutionId.equals(taskExecutionId) || timerExecution != null && taskExecution != null
                && runtime.getVariable(timerExecutionId, "preparationInput") != null
                && runtime.getVariable(timerExecutionId, "preparationInput").equals(runtime.getVariable(taskExecutionId, "preparationInput"));
    }

    private long reviewOf(ProcessInstance instance) {
        return ((Number) runtime.getVariable(instance.getId(), "reviewId")).longValue();
    }

    private Task task(ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    }

    private String candidateGroupOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().filter(l -> l.getGroupId() != null).map(l -> l.getGroupId())
                .findFirst().orElseThrow();
    }

    private void completeAs(String user, String group, ProcessInstance instance, Map<String, Object> variables) {
        completeAs(user, group, task(instance), variables);
    }

    private void completeAs(String user, String group, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            tasks.complete(task.getId(), new HashMap<>(variables));
        } finally {
            identity.clearAuthentication();
        }
    }

    private Job startTimer(String processKey, String activityId) {
        Job job = management.createJobQuery().processDefinitionKey(processKey).timers().activityId(activityId).singleResult();
        assertThat(job).as("start timer " + activityId).isNotNull();
        return job;
    }

    private ProcessInstance fire(String processKey, Job start, String waitingAt) {
        var before = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).activityIdIn(waitingAt).list()
                .stream().map(ProcessInstance::getId).toList();
        management.executeJob(start.getId());
        var after = runtime.createProcessInstanceQuery().processDefinitionKey(processKey).activityIdIn(waitingAt).list();
        var started = after.stream().filter(i -> !before.contains(i.getId())).toList();
        assertThat(started).as("instances started by " + start.getId()).hasSize(1);
        return started.get(0);
    }

    private Job timer(ProcessInstance instance, String activityId) {
        Job job = management.createJobQuery().processInstanceId(instance.getId()).timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        return job;
    }

    private java.time.Instant dueDate(Job job) {
        return management.createJobQuery().jobId(job.getId()).singleResult().getDuedate().toInstant();
    }

    private String mailTo(String eventKey) {
        return jdbc.sql("SELECT recipients FROM outbound_mail WHERE event_key = ?").param(eventKey).query(String.class).single();
    }
}
