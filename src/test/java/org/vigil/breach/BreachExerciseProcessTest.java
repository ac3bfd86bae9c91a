package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vigil.TestClock.instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.vigil.EngineJobs;
import org.vigil.TestClock;
import org.vigil.TestMailServer;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.breach.events.ExerciseGap;
import org.vigil.breach.events.ExerciseReported;
import org.vigil.breach.events.IncidentContained;
import org.vigil.breach.events.IncidentReported;
import org.vigil.breach.events.NoticeDispatched;
import org.vigil.breach.events.ObligationScheduled;

/**
 * A breach-response exercise from its start to its report (issue 18): the CISO starts the ransomware scenario with the
 * privacy officer taking part; the real breach response runs (triage, containment, investigation, assessment, plan,
 * the first notice prepared and approved), every card and notice says EXERCISE, its mail reaches only the two
 * participants, no letter is made and nothing reaches the SLA registry or the response times; the report gives each
 * step's time against the SLA policy, and the containment, done an hour after its deadline, is its one gap.
 */
@VigilSpringTest
class BreachExerciseProcessTest {

    static final ObjectMapper json = new ObjectMapper();
    static final Set<String> PARTICIPANTS_MAIL = Set.of("ciso@vigil.example", "privacy@vigil.example");

    @RegisterExtension final TestClock clock = TestClock.at(TestClock.MONDAY_MORNING);

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ObligationRepository obligations;
    @Autowired JdbcTemplate jdbc;
    @Autowired ConfigurableApplicationContext context;
    @Autowired org.vigil.correctiveaction.CorrectiveActions correctiveActions;

    /** What breach announced during the test, on any thread (the REST calls run on the server's). */
    final Published events = new Published();

    @BeforeEach
    void listen() {
        context.addApplicationListener(events);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(events);
    }

    static final class Published implements ApplicationListener<PayloadApplicationEvent<?>> {
        private final List<Object> payloads = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onApplicationEvent(PayloadApplicationEvent<?> event) {
            payloads.add(event.getPayload());
        }

        <T> java.util.stream.Stream<T> stream(Class<T> type) {
            return payloads.stream().filter(type::isInstance).map(type::cast);
        }
    }

    @Test
    void anExerciseRunsTheRealResponseMarkedEverywhereSendsNothingCountsNowhereAndReportsItsGaps() throws Exception {
        var ciso = new WebClient(port).as("ciso", "demo");
        var privacy = new WebClient(port).as("privacy", "demo");
        Instant start = clock.now();

        // --- started by the CISO on a scenario of seeds/breach/exercises, the privacy officer taking part
        var started = ciso.postJson("/api/exercises", """
                {"scenario": "ransomware-ehr-integration", "participants": ["privacy"]}""");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long incidentId = json.readTree(started.body()).path("incidentId").asLong();
        JsonNode incident = json.readTree(privacy.get("/api/incidents/" + incidentId).body());
        assertThat(incident.path("exercise").asBoolean()).isTrue();
        assertThat(incident.path("title").asText()).startsWith("EXERCISE:");
        // The scenario's moments are counted back from the start: discovered four hours before.
        assertThat(Instant.parse(incident.path("discoveredAt").asText())).isEqualTo(start.minus(Duration.ofHours(4)));
        assertThat(incident.path("affectedEstimate").path("US-TX").asInt()).isEqualTo(5000);

        String breach = breachInstance(incidentId);
        assertThat(runtime.getVariable(breach, BreachResponseVariables.EXERCISE.name())).isEqualTo(true);
        EngineJobs.runAllOf(management, breach);
        Task triage = open(breach);
        assertThat(triage.getName()).isEqualTo("EXERCISE: Triage incident " + incidentId);
        // The SLA policy's four working hours.
        assertThat(triage.getDueDate().toInstant()).isEqualTo(instant("2026-03-02T13:00:00-05:00"));

        // --- triage an hour in: patient care affected, the CISO alerted (a participant: the mail reaches the CISO only)
        clock.moveTo("2026-03-02T10:00:00-05:00");
        var answers = new HashMap<String, Object>(PlannedBreach.triage(12_000));
        answers.put("patientCareAffected", true);
        tasks.complete(triage.getId(), answers);
        EngineJobs.runAllOf(management, breach);
        Task containment = open(breach);
        assertThat(containment.getName()).startsWith("EXERCISE: Contain incident " + incidentId);
        Instant containmentDue = containment.getDueDate().toInstant();

        // --- containment an hour after its deadline: the exercise's gap
        clock.moveTo(containmentDue.plus(Duration.ofHours(1)));
        Instant containedAt = clock.now();
        tasks.complete(containment.getId(), Map.of("containedAt", OffsetDateTime.ofInstant(clock.now().minusSeconds(60), ZoneOffset.UTC).toString()));
        Task investigation = open(breach);
        assertThat(investigation.getName()).isEqualTo("EXERCISE: Investigate incident " + incidentId);
        tasks.complete(investigation.getId(), Map.of("affectedCounts", "US-TX: 300", "dataName", true, "dataDiagnosis", true,
                "role", "covered_entity", "lawEnforcementForm", "none"));
        Task assessment = open(breach);
        assertThat(assessment.getName()).startsWith("EXERCISE: Assess the risk of incident " + incidentId);
        Instant planDue = assessment.getDueDate().toInstant();
        clock.moveBy(Duration.ofHours(1));
        tasks.complete(assessment.getId(), PlannedBreach.riskAssessment());
        EngineJobs.runAllOf(management, breach);
        Instant plannedAt = clock.now();

        // --- the plan's notices: each card says EXERCISE, each process knows it
        var planned = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(obligation -> obligation.status() != ObligationStatus.WITHDRAWN).toList();
        assertThat(planned).isNotEmpty();
        var noticeInstances = new ArrayList<String>();
        for (var obligation : planned) {
            String notice = PlannedBreach.obligationProcess(runtime, obligation.id());
            noticeInstances.add(notice);
            assertThat(runtime.getVariable(notice, BreachResponseVariables.EXERCISE.name())).isEqualTo(true);
            assertThat(open(notice).getName()).startsWith("EXERCISE: Prepare the notice: ");
        }

        // --- the first notice prepared and approved two hours after the plan: ready long before its deadline
        var first = planned.get(0);
        String firstNotice = PlannedBreach.obligationProcess(runtime, first.id());
        clock.moveBy(Duration.ofHours(2));
        tasks.complete(open(firstNotice).getId(), Map.of("phiNoticeWhatHappened", "A fictional server was encrypted by ransomware.",
                "phiNoticeSteps", "Watch your statements.", "phiNoticeWhatWeAreDoing", "We restored from backups.",
                "noticeBreachType", "Hacking/IT Incident", "noticeBreachLocation", "Network Server", "phiNoticeSafeguards", "Backups"));
        assertThat(open(firstNotice).getName()).startsWith("EXERCISE: Approve the notice: ");
        tasks.complete(open(firstNotice).getId(), Map.of("noticeApproved", true));
        Instant readyAt = clock.now();
        assertThat(open(firstNotice).getName()).startsWith("EXERCISE: Record the dispatch: ");

        // --- documents: the notice's preview says EXERCISE in HTML and in the PDF; no letters are made for an exercise
        var html = privacy.get("/api/obligations/" + first.id() + "/notice");
        assertThat(html.statusCode()).as(html.body()).isEqualTo(200);
        assertThat(BreachThroughRest.htmlText(html.body())).contains("EXERCISE: a breach-response exercise on a fictional incident");
        var pdf = privacy.getBytes("/api/obligations/" + first.id() + "/notice?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(BreachThroughRest.pdfText(pdf.body())).contains("EXERCISE");
        var letters = privacy.postJson("/api/obligations/" + first.id() + "/letters", "{}");
        assertThat(letters.statusCode()).as(letters.body()).isIn(409);
        assertThat(letters.body()).contains("exercise");
        var page = privacy.get("/notices/incidents/" + incidentId);
        assertThat(json.readTree(page.body()).path("exercise").asBoolean()).as(page.body()).isTrue();

        // --- every mail path of a notice: the reminder (privacy office), the escalation (privacy lead and CISO), the
        // missed deadline (CISO and managers): each reaches only those of its recipients who take part
        var second = planned.get(planned.size() - 1);
        String secondNotice = PlannedBreach.obligationProcess(runtime, second.id());
        EngineJobs.runAt(management, secondNotice, NotificationObligationProcess.BoundaryEvent_ReminderDue);
        EngineJobs.runAt(management, secondNotice, NotificationObligationProcess.Task_RemindGroup);
        EngineJobs.runAt(management, secondNotice, NotificationObligationProcess.BoundaryEvent_EscalationDue);
        EngineJobs.runAt(management, secondNotice, NotificationObligationProcess.Task_EscalateToLeadAndCiso);
        EngineJobs.runAt(management, secondNotice, NotificationObligationProcess.BoundaryEvent_DeadlinePassed);
        EngineJobs.runAt(management, secondNotice, NotificationObligationProcess.Task_MarkMissed);
        assertThat(tasks.createTaskQuery().processInstanceId(secondNotice)
                .taskDefinitionKey(NotificationObligationProcess.Task_FollowUpMissedNotice).singleResult().getName())
                .startsWith("EXERCISE: Follow up the missed deadline: ");

        assertThat(recipientsOf("incident:" + incidentId + ":patient-safety-alert")).isEqualTo("ciso@vigil.example");
        assertThat(recipientsOfEventsStartingWith("obligation:" + second.id() + ":reminder:")).isEqualTo("privacy@vigil.example");
        // The privacy lead (vigil.breach.privacy-lead: privacy in the demo profile) and the CISO: both take part.
        assertThat(recipientsOfEventsStartingWith("obligation:" + second.id() + ":escalation:").split(","))
                .containsExactlyInAnyOrder("ciso@vigil.example", "privacy@vigil.example");
        assertThat(recipientsOfEventsStartingWith("obligation:" + second.id() + ":missed:")).as("CISO and managers: the CISO takes part")
                .isEqualTo("ciso@vigil.example");
        await().atMost(Duration.ofSeconds(15)).until(() -> mailAbout(incidentId).size() >= 4);
        for (MimeMessage mail : mailAbout(incidentId)) {
            assertThat(mail.getSubject()).startsWith("[EXERCISE] ");
            assertThat(mail.getAllRecipients()).extracting(Object::toString).allMatch(PARTICIPANTS_MAIL::contains);
            assertThat(TestMailServer.messageId(mail)).isNotBlank();
        }

        // --- nothing in the real figures: no SLA registry entry, no response time, no figure event
        var instances = new ArrayList<String>(noticeInstances);
        instances.add(breach);
        assertThat(jdbc.queryForObject("select count(*) from deadline_entry where process_instance_id in ("
                + String.join(",", instances.stream().map(id -> "'" + id + "'").toList()) + ")", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from deadline_entry where source_type = 'obligation' and source_id in ("
                + String.join(",", planned.stream().map(o -> "'" + o.id() + "'").toList()) + ")", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from incident_response_time where incident_id = ?", Long.class, incidentId)).isZero();
        assertThat(events.stream(IncidentReported.class).filter(e -> e.incidentId() == incidentId)).isEmpty();
        assertThat(events.stream(IncidentContained.class).filter(e -> e.incidentId() == incidentId)).isEmpty();
        assertThat(events.stream(ObligationScheduled.class).filter(e -> e.incidentId() == incidentId)).isEmpty();
        assertThat(events.stream(NoticeDispatched.class).filter(e -> e.incidentId() == incidentId)).isEmpty();

        // --- the report, while it runs, for the privacy office too; not for staff
        var running = privacy.get("/api/exercises/" + incidentId + "/report");
        assertThat(running.statusCode()).as(running.body()).isEqualTo(200);
        assertThat(running.body()).contains("EXERCISE").contains("not yet: the exercise is running");
        assertThat(new WebClient(port).as("staff", "demo").get("/api/exercises/" + incidentId + "/report").statusCode()).isEqualTo(403);

        // --- ended early by an auditor: the report is final and announced, its processes end
        var auditor = new WebClient(port).as("auditor", "demo");
        clock.moveBy(Duration.ofMinutes(30));
        var ended = auditor.postJson("/api/exercises/" + incidentId + "/report", "{}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId)).count()).isZero();
        assertThat(noticeInstances).allMatch(id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() == 0);

        var reported = events.stream(ExerciseReported.class).filter(e -> e.incidentId() == incidentId).toList();
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0).scenario()).isEqualTo("ransomware-ehr-integration");
        assertThat(reported.get(0).auditId()).isNull();
        assertThat(reported.get(0).startedAt()).isEqualTo(start);
        assertThat(reported.get(0).gaps()).containsExactly(new ExerciseGap("containment",
                Duration.between(start, containmentDue), Duration.between(start, containedAt)));

        // Run for no audit: the gap becomes a corrective action of the privacy office, minor, and a real one.
        assertThat(correctiveActions.bySource("EXERCISE_GAP", "exercise:" + incidentId + ":gap:")).singleElement().satisfies(action -> {
            assertThat(action.source().reference()).isEqualTo("exercise:" + incidentId + ":gap:1");
            assertThat(action.severity()).isEqualTo("minor");
            assertThat(action.ownerGroup()).isEqualTo("privacy-office");
            assertThat(action.exercise()).isFalse();
        });

        var report = privacy.get("/api/exercises/" + incidentId + "/report");
        var steps = org.jsoup.Jsoup.parse(report.body());
        assertThat(steps.select("tr[data-step=triage]").text()).contains("1 h 00 min").contains("4 h 00 min").contains("met");
        assertThat(steps.select("tr[data-step=containment]").text()).contains("GAP")
                .contains(ExerciseReportRenderer.duration(Duration.between(start, containedAt)));
        assertThat(steps.select("tr[data-step=plan]").text()).contains("met")
                .contains(ExerciseReportRenderer.duration(Duration.between(start, plannedAt)))
                .contains(ExerciseReportRenderer.duration(Duration.between(start, planDue)));
        assertThat(steps.select("tr[data-step=first-notice]").text()).contains("met")
                .contains(ExerciseReportRenderer.duration(Duration.between(start, readyAt)));
        assertThat(steps.select("#gaps li")).hasSize(1);
        assertThat(steps.select("#gaps li").text()).startsWith("containment");
        assertThat(json.readTree(privacy.get("/api/incidents/" + incidentId).body()).path("status").asText()).isEqualTo("CLOSED");

        // Ending it again changes nothing and announces nothing more.
        assertThat(auditor.postJson("/api/exercises/" + incidentId + "/report", "{}").statusCode()).isEqualTo(200);
        assertThat(events.stream(ExerciseReported.class).filter(e -> e.incidentId() == incidentId)).hasSize(1);
        assertThat(correctiveActions.bySource("EXERCISE_GAP", "exercise:" + incidentId + ":gap:")).hasSize(1);
    }

    @Test
    void onlyTheCisoAndTheAuditorsStartAnExerciseOnAScenarioOfTheLibrary() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        var refused = privacy.postJson("/api/exercises", "{\"scenario\": \"lost-laptop\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(new WebClient(port).as("staff", "demo").postJson("/api/exercises", "{\"scenario\": \"lost-laptop\"}").statusCode())
                .isEqualTo(403);

        var auditor = new WebClient(port).as("auditor", "demo");
        var unknown = auditor.postJson("/api/exercises", "{\"scenario\": \"alien-invasion\"}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(400);
        assertThat(json.readTree(unknown.body()).path("field").asText()).isEqualTo("scenario");
        assertThat(unknown.body()).contains("alien-invasion").contains("lost-laptop");

        var nobody = auditor.postJson("/api/exercises", "{\"scenario\": \"lost-laptop\", \"participants\": [\"nobody-here\"]}");
        assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(400);
        assertThat(json.readTree(nobody.body()).path("field").asText()).isEqualTo("participants");

        assertThat(json.readTree(auditor.get("/api/exercises/scenarios").body()).findValuesAsText("id"))
                .contains("lost-laptop", "misdirected-lab-results", "ransomware-ehr-integration", "business-associate-breach");

        // Started for an audit, the exercise and its report name it; ended at once, every step is a gap never reached.
        var started = auditor.postJson("/api/exercises", "{\"scenario\": \"lost-laptop\", \"auditId\": 4711}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long incidentId = json.readTree(started.body()).path("incidentId").asLong();
        var ended = auditor.postJson("/api/exercises/" + incidentId + "/report", "{}");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        JsonNode gaps = json.readTree(ended.body()).path("gaps");
        assertThat(gaps.findValuesAsText("step")).containsExactly("triage", "containment", "plan", "first-notice");
        assertThat(gaps.get(0).path("actual").isNull()).isTrue();
        var reported = events.stream(ExerciseReported.class).filter(e -> e.incidentId() == incidentId).toList();
        assertThat(reported).singleElement().satisfies(event -> {
            assertThat(event.auditId()).isEqualTo(4711L);
            // The triage's deadline was set when its task was created: four working hours.
            assertThat(event.gaps().get(0).target()).isEqualTo(Duration.ofHours(4));
            assertThat(event.gaps().get(0).actual()).isNull();
        });
        assertThat(privacy.get("/api/exercises/" + incidentId + "/report").body()).contains("audit 4711");
        // Run for an audit, its gaps become the audit's findings: no corrective action is raised here.
        assertThat(correctiveActions.bySource("EXERCISE_GAP", "exercise:" + incidentId + ":gap:")).isEmpty();
        // A real incident has no exercise report.
        assertThat(privacy.get("/api/exercises/999999999/report").statusCode()).isEqualTo(404);
    }

    @Test
    void anExerciseThatRunsToItsClosureIsReportedThenWithTheStepsItsResponseNeeded() throws Exception {
        var ciso = new WebClient(port).as("ciso", "demo");
        Instant start = clock.now();
        var started = ciso.postJson("/api/exercises", "{\"scenario\": \"misdirected-lab-results\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        long incidentId = json.readTree(started.body()).path("incidentId").asLong();
        String breach = breachInstance(incidentId);
        EngineJobs.runAllOf(management, breach);

        // The team finds no patient data after all: no plan, no notice; the response goes to its review and closure.
        clock.moveTo("2026-03-02T10:30:00-05:00");
        var answers = new HashMap<String, Object>(PlannedBreach.triage(0));
        answers.put("patientDataInvolved", false);
        tasks.complete(open(breach).getId(), answers);
        tasks.complete(open(breach).getId(), Map.of("containedAt", OffsetDateTime.ofInstant(clock.now().minusSeconds(60), ZoneOffset.UTC).toString()));
        tasks.complete(open(breach).getId(), Map.of("affectedCounts", "EU-DE: 0", "role", "covered_entity", "lawEnforcementForm", "none"));
        EngineJobs.runAllOf(management, breach);
        Task review = open(breach);
        assertThat(review.getName()).isEqualTo("EXERCISE: Review incident " + incidentId + " and close it");
        tasks.complete(review.getId(), Map.of("phiLessonsLearned", "Fictional: check the address book", "phiCorrectiveActions",
                org.vigil.platform.JsonListVariables.jsonValue(List.of(
                        Map.of("phiDescription", "Confirm recipients of results", "actionSeverity", "minor", "actionOwnerGroup", "privacy-office")))));
        EngineJobs.runAllOf(management, breach);

        // The review's action is an exercise's; the closure reported the exercise, once, without gaps.
        assertThat(correctiveActions.bySource("INCIDENT_REVIEW", "incident:" + incidentId + ":action:"))
                .singleElement().satisfies(action -> assertThat(action.exercise()).isTrue());
        var reported = events.stream(ExerciseReported.class).filter(e -> e.incidentId() == incidentId).toList();
        assertThat(reported).singleElement().satisfies(event -> {
            assertThat(event.startedAt()).isEqualTo(start);
            assertThat(event.gaps()).isEmpty();
        });
        assertThat(correctiveActions.bySource("EXERCISE_GAP", "exercise:" + incidentId + ":gap:")).isEmpty();
        var report = org.jsoup.Jsoup.parse(new WebClient(port).as("auditor", "demo").get("/api/exercises/" + incidentId + "/report").body());
        assertThat(report.select("tr[data-step=triage]").text()).contains("1 h 30 min").contains("met");
        assertThat(report.select("tr[data-step=plan]").text()).contains("not required by this response");
        assertThat(report.select("tr[data-step=first-notice]").text()).contains("not required by this response");
        assertThat(report.select("#gaps").text()).startsWith("None");
    }

    // ------------------------------------------------------------------ helpers

    private String breachInstance(long incidentId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                .processDefinitionKey(BreachResponseProcess.KEY).singleResult().getId();
    }

    private Task open(String processInstanceId) {
        var open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
        assertThat(open).as("open tasks of " + processInstanceId).hasSize(1);
        return open.get(0);
    }

    private String recipientsOf(String eventKey) {
        return jdbc.queryForObject("select recipients from outbound_mail where event_key = ?", String.class, eventKey);
    }

    private String recipientsOfEventsStartingWith(String prefix) {
        List<String> found = jdbc.queryForList("select recipients from outbound_mail where event_key like ?", String.class, prefix + "%");
        assertThat(found).as("mail " + prefix).hasSize(1);
        return found.get(0);
    }

    /** The mail GreenMail received that speaks of this incident (subject or body). */
    private static List<MimeMessage> mailAbout(long incidentId) {
        var marker = java.util.regex.Pattern.compile("incident " + incidentId + "\\b");
        return java.util.Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(mail -> {
            try {
                return marker.matcher(mail.getSubject()).find() || marker.matcher(BreachFixture.body(mail)).find();
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
