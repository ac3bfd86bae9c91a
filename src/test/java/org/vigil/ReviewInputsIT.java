package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.breach.PlannedBreach;
import org.vigil.correctiveaction.ActionSource;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;
import org.vigil.platform.CompanySettings;

/**
 * The management review's inputs prove their figures, live and in a review's frozen pack: a first quarter of 2025 (a
 * quarter no other test of the shared database writes in, the whole application on the test clock) of activity in
 * every capability, driven through their APIs and processes as people do it: three real incidents with patient data
 * (one critical through a medical device, its notices to the people affected missed; one whose notices to them went
 * out late), a breach-response exercise that must count nowhere, an incident discovered at 23:30 on the quarter's last
 * day (company time), an access-review campaign with a revocation verified late, an audit with a major finding whose
 * corrective action is closed effective, and two corrective actions left open. Each source's figures for the quarter
 * are checked against what was seeded and the boundaries are the company's. Then the quarterly review runs from its
 * start timer (second week of April) through the people's inputs, the meeting and its decision to the chair's sign-off,
 * as the users of each group do it; its frozen pack holds the same seeded figures (one set of expectations,
 * {@link #assertTheSeededQuarter}, for both), the decision is an improvement action, a later quarter's activity leaves
 * the quarter as it was, an incident of the quarter reported after the meeting changes the live source but not the
 * pack, and the auditor opens the review's PDF.
 */
@VigilSpringTest
class ReviewInputsIT {

    static final ObjectMapper json = new ObjectMapper();
    static final Set<String> INDIVIDUALS = Set.of("individuals", "data_subjects");

    @RegisterExtension final TestClock clock = TestClock.at("2025-01-06T09:00:00-05:00");

    @LocalServerPort int port;
    @Autowired List<ReviewInputSource> sources;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired CompanySettings company;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired CorrectiveActions actions;
    @Autowired ObjectMapper objectMapper;

    WebClient privacy;
    WebClient sysadmin;
    WebClient auditor;
    final List<Long> raisedActions = new ArrayList<>();
    final List<Long> reported = new ArrayList<>();
    Long campaignId;
    String reviewInstance;
    java.util.Date quarterlyTimerDueBefore;

    @Test
    void everyFigureOfTheQuarterIsTheSeededActivityLiveAndInTheQuarterlyReviewsFrozenPack() throws Exception {
        privacy = client("privacy");
        sysadmin = client("sysadmin");
        auditor = client("auditor");
        ZoneId zone = company.zone();
        var q1 = new ReviewPeriod(LocalDate.of(2025, 1, 1).atStartOfDay(zone).toInstant(), LocalDate.of(2025, 4, 1).atStartOfDay(zone).toInstant(), "2025-Q1", null);
        var q2 = new ReviewPeriod(q1.to(), LocalDate.of(2025, 7, 1).atStartOfDay(zone).toInstant(), "2025-Q2", q1.to());
        var march = new ReviewPeriod(LocalDate.of(2025, 3, 1).atStartOfDay(zone).toInstant(), q1.to(), "2025-03", null);
        assertThat(sources.stream().map(ReviewInputSource::key).collect(Collectors.toSet()))
                .containsAll(Set.of("incidents", "regulation", "access-reviews", "audits", "corrective-actions", "sla"));

        // ---------------------------------------------------------------- 6 January: reports, a campaign, an audit
        long a = report("A", "2025-01-06T08:00:00-05:00");
        long b = report("B", "2025-01-02T10:00:00-05:00");
        long c = report("C", "2025-01-06T07:00:00-05:00");
        complete(breach(a), PlannedBreach.triage(40));
        complete(breach(b), PlannedBreach.triage(40));
        var deviceTriage = new HashMap<String, Object>(PlannedBreach.triage(40));
        deviceTriage.put("medicalDeviceInvolved", true);
        complete(breach(c), deviceTriage);
        EngineJobs.runAllOf(management, breach(c));
        long exercise = startExercise();
        complete(breach(exercise), PlannedBreach.triage(40));

        String system = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String leaver = "jdoe-" + UUID.randomUUID().toString().substring(0, 6);
        String campaignInstance = startCampaign(system, leaver);
        long campaignId = ((Number) runtime.getVariable(campaignInstance, "campaignId")).longValue();
        this.campaignId = campaignId;

        String auditInstance = startAudit();
        long auditId = ((Number) runtime.getVariable(auditInstance, "auditId")).longValue();

        // ---------------------------------------------------------------- 8 January: contained, assessed, notified
        clock.moveTo("2025-01-08T09:00:00-05:00");
        contain(a, "2025-01-07T08:00:00-05:00");
        contain(b, "2025-01-03T10:00:00-05:00");
        contain(c, "2025-01-06T11:00:00-05:00");
        contain(exercise, "2025-01-07T09:00:00-05:00");
        for (long incident : List.of(a, b, c)) {
            complete(breach(incident), Map.of("affectedCounts", "US-TX: 40", "dataName", true, "dataDiagnosis", true,
                    "role", "covered_entity", "lawEnforcementForm", "none"));
            complete(breach(incident), PlannedBreach.riskAssessment());
            EngineJobs.runAllOf(management, breach(incident));
        }
        String sentEarly = "2025-01-08T08:00:00-05:00";
        sendNotices(a, obligation -> true, sentEarly);
        sendNotices(b, obligation -> !INDIVIDUALS.contains(obligation.path("recipient").asText()), sentEarly);
        sendNotices(c, obligation -> !INDIVIDUALS.contains(obligation.path("recipient").asText()), sentEarly);

        decide(campaignId, leaver);
        tasks.createTaskQuery().processInstanceId(campaignInstance).taskAssignee("manager").list().forEach(task -> tasks.complete(task.getId()));
        EngineJobs.runAt(management, campaignInstance, "Task_RequestDeprovisioning");

        // ---------------------------------------------------------------- January: the removal, the audit's fieldwork and report
        clock.moveTo("2025-01-10T10:00:00-05:00");
        deprovision(campaignId);

        clock.moveTo("2025-01-14T10:00:00-05:00");
        fieldwork(auditInstance, auditId);
        clock.moveTo("2025-01-16T15:00:00-05:00");
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(auditInstance) + "/complete",
                "{\"variables\": {\"reportApproved\": {\"value\": true}}}").statusCode()).isEqualTo(204);
        EngineJobs.runAllOf(management, auditInstance);
        long auditAction = json.readTree(auditor.get("/api/audits/" + auditId).body()).path("findings").get(0).path("correctiveActionId").asLong();

        clock.moveTo("2025-01-20T10:00:00-05:00");
        long overdueAction = raiseAction("major");
        long openAction = raiseAction("minor");
        actionStepsUpToTheCheck(auditAction);

        // ---------------------------------------------------------------- 28 January: the review window closes
        clock.moveTo("2025-01-28T10:00:00-05:00");
        closeCampaign(campaignInstance);

        // ---------------------------------------------------------------- 1 March: the audit's action is effective, the audit closes
        clock.moveTo("2025-03-01T10:00:00-05:00");
        String action = runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + auditAction).singleResult().getId();
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(action) + "/complete",
                variables(Map.of("verdict", "effective", "phiEffectivenessNotes", "No leaver kept access since"))).statusCode()).isEqualTo(204);
        EngineJobs.runAt(management, action, "Task_CloseAction");
        await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().processInstanceId(auditInstance)
                .activityId("Task_CloseAudit").count() == 1);
        EngineJobs.runAt(management, auditInstance, "Task_CloseAudit");

        // ---------------------------------------------------------------- 10 March: the next snapshot shows the removal, late
        clock.moveTo("2025-03-10T10:00:00-04:00");
        assertThat(postCsv("sysadmin", "/api/access-reviews/snapshots", snapshot(system, leaver, false)).statusCode()).isEqualTo(201);

        // ---------------------------------------------------------------- 21 March: B's people told late, C's notices to them missed
        clock.moveTo("2025-03-21T10:00:00-04:00");
        sendNotices(b, obligation -> true, "2025-03-20T10:00:00-04:00");
        for (JsonNode obligation : incident(c).path("obligations")) {
            if (INDIVIDUALS.contains(obligation.path("recipient").asText()) && obligation.path("status").asText().equals("OPEN")) {
                String notice = runtime.createProcessInstanceQuery().processInstanceBusinessKey("obligation-" + obligation.path("id").asLong())
                        .singleResult().getId();
                management.executeJob(management.createJobQuery().processInstanceId(notice).timers()
                        .activityId("BoundaryEvent_DeadlinePassed").singleResult().getId());
                EngineJobs.runAllOf(management, notice);
            }
        }

        // ---------------------------------------------------------------- 1 April, 01:00: discovered at 23:30 on 31 March
        clock.moveTo("2025-04-01T01:00:00-04:00");
        long e = report("E", "2025-03-31T23:30:00-04:00");
        complete(breach(e), PlannedBreach.triage(40));

        // ================================================================ the first quarter's figures, as the sources answer
        var incidents = incident(a, b, c, e, exercise);
        // The SLA capability records the actions from their events, after commit: wait until it has heard all of them.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var heard = read("corrective-actions", q1);
            assertThat(figure(heard, "corrective-actions.raised")).isEqualTo(3.0);
            assertThat(figure(heard, "corrective-actions.closed")).isEqualTo(1.0);
        });
        var seeded = seededQuarter(q1, incidents, a, b, c, sentEarly, campaignId, auditId, auditAction, overdueAction, openAction);
        var firstReading = new LinkedHashMap<String, ReviewInput>();
        for (var source : sources) {
            firstReading.put(source.key(), source.read(q1));
        }
        assertTheSeededQuarter(firstReading, seeded, clock.now());

        // The quarter's last day ends at midnight in the company's zone: E is March's and the first quarter's, not the second's.
        assertThat(figure(read("incidents", march), "incidents.patient-data")).isEqualTo(1.0);
        assertThat(figure(read("incidents", q2), "incidents.patient-data")).isZero();

        // ================================================================ 8 April: the quarterly review starts on its timer
        // The start timer was scheduled when the model was deployed, on the real clock; worked out again on the test clock
        // (as Cockpit does after a change of the cycle) it falls in the second week after the quarter, company time.
        Job quarterly = quarterlyStartTimer();
        quarterlyTimerDueBefore = quarterly.getDuedate();
        management.recalculateJobDuedate(quarterly.getId(), false);
        Instant due = quarterlyStartTimer().getDuedate().toInstant();
        assertThat(due.atZone(zone).toLocalDate()).as("the second week of April").isBetween(LocalDate.of(2025, 4, 8), LocalDate.of(2025, 4, 14));
        assertThat(due).isEqualTo(TestClock.instant("2025-04-08T09:00:00-04:00"));
        clock.moveTo(due);
        Set<String> waitingBefore = waitingForTheFirstWorkingDay();
        management.executeJob(quarterly.getId());
        Set<String> waiting = waitingForTheFirstWorkingDay();
        waiting.removeAll(waitingBefore);
        assertThat(waiting).hasSize(1);
        reviewInstance = waiting.iterator().next();
        assertThat(runtime.getVariable(reviewInstance, "reviewKind")).isEqualTo("quarterly");
        // Tuesday 8 April is a working day: the review opens at once, 09:00.
        Job firstWorkingDay = management.createJobQuery().processInstanceId(reviewInstance).timers()
                .activityId("Event_FirstWorkingDayQuarterly").singleResult();
        assertThat(firstWorkingDay.getDuedate().toInstant()).isEqualTo(TestClock.instant("2025-04-08T09:00:00-04:00"));
        management.executeJob(firstWorkingDay.getId());
        EngineJobs.runAt(management, reviewInstance, "Task_OpenReview");
        long reviewId = ((Number) runtime.getVariable(reviewInstance, "reviewId")).longValue();
        WebClient manager = client("manager");
        JsonNode opened = review(manager, reviewId).path("review");
        assertThat(opened.path("kind").asText()).isEqualTo("quarterly");
        assertThat(opened.path("periodLabel").asText()).isEqualTo("2025-Q1");
        assertThat(Instant.parse(opened.path("periodFrom").asText())).isEqualTo(q1.from());
        assertThat(Instant.parse(opened.path("periodTo").asText())).isEqualTo(q1.to());

        // ---------------------------------------------------------------- 9 April: the people's inputs, each by its owner group
        clock.moveTo("2025-04-09T10:00:00-04:00");
        Map<String, String[]> statements = new LinkedHashMap<>();
        for (String[] owner : new String[][] {{"issues", "ciso", "ciso"}, {"interested-parties", "privacy-office", "privacy"},
                {"objectives", "managers", "manager"}}) {
            var task = tasks.createTaskQuery().processInstanceId(reviewInstance).taskDefinitionKey("Task_PrepareInput")
                    .taskCandidateGroup(owner[1]).singleResult();
            String statement = "Input " + owner[0] + " by " + owner[2];
            var done = client(owner[2]).postJson("/engine-rest/task/" + task.getId() + "/complete", variables(Map.of("phiStatement", statement)));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
            statements.put(owner[0], new String[] {statement, owner[1], owner[2]});
        }

        // ---------------------------------------------------------------- 15 April: the meeting, one decision; the pack frozen
        clock.moveTo("2025-04-15T14:00:00-04:00");
        // What the earlier reviews left open (other tests' reviews of this JVM, if any) is carried into this one.
        var earlierOpen = actions.bySource(ActionSource.MANAGEMENT_REVIEW, "review:").stream().filter(earlier -> !"CLOSED".equals(earlier.status()))
                .toList();
        String meeting = tasks.createTaskQuery().processInstanceId(reviewInstance).taskDefinitionKey("Task_HoldMeeting").singleResult().getId();
        var held = manager.postJson("/engine-rest/task/" + meeting + "/complete", meetingSubmission("2025-04-15",
                List.of(Map.of("text", "Disable leavers' accounts the day HR records the leave", "ownerGroup", "it-operations",
                        "owner", "sysadmin", "dueDate", "2025-06-30"))));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        Instant frozenAt = clock.now();
        EngineJobs.runAt(management, reviewInstance, "Task_FreezePack");

        JsonNode detail = review(manager, reviewId);
        assertThat(Instant.parse(detail.path("review").path("frozenAt").asText())).isEqualTo(frozenAt);
        JsonNode frozenPack = detail.path("pack");
        Map<String, JsonNode> packed = new LinkedHashMap<>();
        frozenPack.forEach(input -> packed.put(input.path("key").asText(), input));
        Set<String> expectedKeys = new java.util.HashSet<>(Set.of("risk", "previous-actions", "issues", "interested-parties", "objectives"));
        sources.stream().filter(source -> source.reviewKinds().contains("quarterly")).forEach(source -> expectedKeys.add(source.key()));
        assertThat(packed.keySet()).containsExactlyInAnyOrderElementsOf(expectedKeys);
        Map<String, ReviewInput> frozen = new LinkedHashMap<>();
        for (var input : packed.entrySet()) {
            assertThat(input.getValue().path("frozen").asBoolean()).as(input.getKey()).isTrue();
            if (!input.getValue().path("input").isNull()) {
                frozen.put(input.getKey(), objectMapper.treeToValue(input.getValue().path("input"), ReviewInput.class));
            }
        }
        // Every capability's figures are the seeded quarter's, read at the freeze; the same as the first reading, item for item.
        assertTheSeededQuarter(frozen, seeded, frozenAt);
        for (var source : sources) {
            if (!source.reviewKinds().contains("quarterly")) continue;
            assertThat(frozen.get(source.key()).figures()).as(source.key()).isEqualTo(firstReading.get(source.key()).figures());
            assertThat(frozen.get(source.key()).items()).as(source.key()).isEqualTo(firstReading.get(source.key()).items());
            assertThat(frozen.get(source.key()).source()).as(source.key()).isEqualTo(firstReading.get(source.key()).source());
            // The charts' three quarters before, each as the capability answers for it.
            JsonNode trend = packed.get(source.key()).path("trend");
            assertThat(trend.findValuesAsText("periodLabel")).containsExactly("2024-Q2", "2024-Q3", "2024-Q4");
            for (JsonNode point : trend) {
                Map<String, Double> expected = new LinkedHashMap<>();
                source.read(quarterOf(point.path("periodLabel").asText())).figures().forEach(f -> expected.put(f.key(), f.value()));
                Map<String, Double> charted = new LinkedHashMap<>();
                point.path("figures").properties().forEach(f -> charted.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asDouble()));
                assertThat(charted).as(source.key() + " " + point.path("periodLabel").asText()).isEqualTo(expected);
            }
        }
        // The risk capability answers for itself now (RiskReviewInput): its input is there, no longer "does not exist yet".
        var risk = frozen.get("risk");
        assertThat(risk.available()).isTrue();
        assertThat(risk.figures()).extracting(ReviewFigure::key).contains("risk.above-threshold", "risk.assessments-signed-off");
        assertThat(risk.notes()).noneSatisfy(note -> assertThat(note).contains("does not exist yet"));
        var carried = frozen.get("previous-actions");
        assertThat(figure(carried, "previous-actions.open")).isEqualTo((double) earlierOpen.size());
        assertThat(figure(carried, "previous-actions.overdue"))
                .isEqualTo((double) earlierOpen.stream().filter(earlier -> earlier.dueAt() != null && earlier.dueAt().isBefore(frozenAt)).count());
        assertThat(carried.items()).extracting(ReviewItem::key).containsExactlyInAnyOrderElementsOf(
                earlierOpen.stream().map(earlier -> "CA-" + earlier.id()).toList());
        statements.forEach((key, statement) -> {
            JsonNode input = packed.get(key);
            assertThat(input.path("statement").asText()).as(key).isEqualTo(statement[0]);
            assertThat(input.path("ownerGroup").asText()).as(key).isEqualTo(statement[1]);
            assertThat(input.path("enteredBy").asText()).as(key).isEqualTo(statement[2]);
        });

        // The decision became an improvement action of the corrective-action capability, tracked like any other.
        assertThat(detail.path("decisions")).hasSize(1);
        long decisionAction = detail.path("decisions").get(0).path("correctiveActionId").asLong();
        assertThat(decisionAction).isPositive();
        raisedActions.add(decisionAction);
        JsonNode raisedFromDecision = json.readTree(client("ciso").get("/api/corrective-actions/" + decisionAction).body()).path("summary");
        assertThat(raisedFromDecision.path("source").path("type").asText()).isEqualTo(ActionSource.MANAGEMENT_REVIEW);
        assertThat(raisedFromDecision.path("source").path("reference").asText()).isEqualTo("review:" + reviewId + ":decision:1");
        assertThat(raisedFromDecision.path("severity").asText()).isEqualTo("improvement");
        assertThat(raisedFromDecision.path("ownerGroup").asText()).isEqualTo("it-operations");

        // ================================================================ a later quarter's activity leaves the first as it was
        clock.moveTo("2025-04-20T10:00:00-04:00");
        long f = report("F", "2025-04-14T09:00:00-04:00");
        complete(breach(f), PlannedBreach.triage(40));
        contain(f, "2025-04-15T09:00:00-04:00");
        raiseAction("improvement");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(figure(read("corrective-actions", q2), "corrective-actions.raised"))
                .as("the decision's action and this one").isEqualTo(2.0));
        assertThat(figure(read("incidents", q2), "incidents.patient-data")).isEqualTo(1.0);
        for (var source : sources) {
            var again = source.read(q1);
            var first = firstReading.get(source.key());
            assertThat(again.figures()).as(source.key()).isEqualTo(first.figures());
            assertThat(again.items()).as(source.key()).isEqualTo(first.items());
            assertThat(again.readAt()).isAfter(first.readAt());
        }

        // ================================================================ 22 April: an incident of March reported late changes the live data, not the pack
        clock.moveTo("2025-04-22T10:00:00-04:00");
        long g = report("G", "2025-03-28T10:00:00-04:00");
        complete(breach(g), PlannedBreach.triage(40));
        assertThat(figure(read("incidents", q1), "incidents.patient-data")).as("the live source, G now among the first quarter's")
                .isEqualTo(figure(frozen.get("incidents"), "incidents.patient-data") + 1);
        assertThat(review(manager, reviewId).path("pack")).as("the frozen pack after the change").isEqualTo(frozenPack);

        // ================================================================ 23 April: the chair signs off; the document for the auditor
        clock.moveTo("2025-04-23T10:00:00-04:00");
        String signOff = tasks.createTaskQuery().processInstanceId(reviewInstance).taskDefinitionKey("Task_SignOff").singleResult().getId();
        var signed = client("ciso").postJson("/engine-rest/task/" + signOff + "/complete", variables(Map.of("signOff", true)));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(204);
        EngineJobs.runAt(management, reviewInstance, "Task_RenderDocument");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(reviewInstance).count()).as("the review's process ended").isZero();
        JsonNode signedOff = review(manager, reviewId);
        assertThat(signedOff.path("review").path("status").asText()).isEqualTo("SIGNED_OFF");
        assertThat(signedOff.path("review").path("signedOffBy").asText()).isEqualTo("ciso");
        assertThat(signedOff.path("pack")).isEqualTo(frozenPack);

        var pdf = auditor.getBytes("/api/management-reviews/" + reviewId + "/document.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "management-review-2025-Q1.pdf"), pdf.body());
        try (var document = Loader.loadPDF(pdf.body())) {
            // Table cells wrap: the text is read with its line breaks as spaces. The figure is the frozen one, not G's.
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            var patientData = figureOf(frozen.get("incidents"), "incidents.patient-data");
            assertThat(text).contains("2025-Q1", patientData.label() + " " + patientData.value().longValue() + " count")
                    .doesNotContain(patientData.label() + " " + (patientData.value().longValue() + 1) + " count");
        }
        assertThat(client("staff").getBytes("/api/management-reviews/" + reviewId + "/document.pdf").statusCode()).isEqualTo(403);
        assertThat(client("staff").get("/api/management-reviews/" + reviewId).statusCode()).isEqualTo(403);
    }

    /** Tasks due in 2025 would be overdue for every later test of this JVM: the quarter's open processes end here, passed or failed. */
    @AfterEach
    void leaveNoOpenWorkBehind() {
        for (long incidentId : reported) {
            runtime.createProcessInstanceQuery().processDefinitionKey("notification-obligation").variableValueEquals("incidentId", incidentId).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done"));
            runtime.createProcessInstanceQuery().processInstanceBusinessKey("incident-" + incidentId).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done"));
        }
        if (campaignId != null) {
            runtime.createProcessInstanceQuery().processDefinitionKey("access-revocation").variableValueEquals("campaignId", campaignId).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done"));
        }
        for (long actionId : raisedActions) {
            runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + actionId).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done"));
        }
        if (reviewInstance != null) {
            runtime.createProcessInstanceQuery().processInstanceId(reviewInstance).list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test done"));
        }
        // The next quarterly start, set on the test clock when the timer fired, is put back where the real clock had it.
        if (quarterlyTimerDueBefore != null) {
            management.setJobDuedate(quarterlyStartTimer().getId(), quarterlyTimerDueBefore);
        }
    }

    // ------------------------------------------------------------------------------------------------ the seeded quarter

    /** The inputs of the six capabilities the seeding wrote in. */
    static final List<String> SEEDED_INPUTS = List.of("incidents", "regulation", "access-reviews", "audits", "corrective-actions", "sla");

    /**
     * The first quarter as the seeding made it, worked out from what it did where a figure depends on more than the
     * test's literals (the obligations and their deadlines as the breach API shows them, the closed action's dates, the
     * deadline registry). Both the sources' answers and the review's frozen pack are checked against it
     * ({@link #assertTheSeededQuarter}).
     */
    record SeededQuarter(double notifyMeanDays, double notifyAllowedDays, long sent, long sentLate, long missed, List<String> lateOrMissed,
            long campaignId, long auditId, long overdueAction, long openAction, double daysToClose, Map<String, long[]> deadlines) {}

    private SeededQuarter seededQuarter(ReviewPeriod q1, Map<Long, JsonNode> incidents, long a, long b, long c, String sentEarly,
            long campaignId, long auditId, long auditAction, long overdueAction, long openAction) throws Exception {
        // A's people were told 2 days after the discovery, B's 77 days after; the deadlines allowed what the plan says.
        Instant aDiscovered = OffsetDateTime.parse("2025-01-06T08:00:00-05:00").toInstant();
        Instant bDiscovered = OffsetDateTime.parse("2025-01-02T10:00:00-05:00").toInstant();
        double toNotify = (Duration.between(aDiscovered, OffsetDateTime.parse(sentEarly).toInstant()).toSeconds()
                + Duration.between(bDiscovered, OffsetDateTime.parse("2025-03-20T10:00:00-04:00").toInstant()).toSeconds()) / 2.0;
        double allowed = (Duration.between(aDiscovered, lastIndividualDeadline(incidents.get(a))).toSeconds()
                + Duration.between(bDiscovered, lastIndividualDeadline(incidents.get(b))).toSeconds()) / 2.0;
        long sent = 0;
        long sentLate = 0;
        long missed = 0;
        List<String> lateOrMissed = new ArrayList<>();
        for (long incident : List.of(a, b, c)) {
            for (JsonNode obligation : incidents.get(incident).path("obligations")) {
                String status = obligation.path("status").asText();
                if (status.startsWith("SENT") && inPeriod(obligation.path("sentAt"), q1)) sent++;
                if (status.equals("SENT_LATE") && inPeriod(obligation.path("sentAt"), q1)) sentLate++;
                if (status.equals("MISSED") && inPeriod(obligation.path("targetDeadline"), q1)) missed++;
                if ((status.equals("SENT_LATE") && inPeriod(obligation.path("sentAt"), q1)) || (status.equals("MISSED") && inPeriod(obligation.path("targetDeadline"), q1))) {
                    lateOrMissed.add("obligation:" + obligation.path("id").asLong());
                }
            }
        }
        assertThat(incidents.get(b).path("obligations").findValuesAsText("status")).contains("SENT_LATE");
        assertThat(incidents.get(c).path("obligations").findValuesAsText("status")).contains("MISSED");

        JsonNode closedAction = json.readTree(client("ciso").get("/api/corrective-actions/" + auditAction).body()).path("summary");
        double daysToClose = Math.round(Duration.between(Instant.parse(closedAction.path("raisedAt").asText()),
                Instant.parse(closedAction.path("closedAt").asText())).toSeconds() / 864.0) / 100.0;

        // Deadlines per process: every process the quarter's work went through, met or missed as the registry holds them.
        Map<String, long[]> registry = new LinkedHashMap<>();
        jdbc.sql("select process_key, sum(status = 'MET'), count(*) from deadline_entry where completed_at >= ? and completed_at < ? "
                        + "and status in ('MET', 'MISSED') group by process_key")
                .params(java.time.LocalDateTime.ofInstant(q1.from(), java.time.ZoneOffset.UTC), java.time.LocalDateTime.ofInstant(q1.to(), java.time.ZoneOffset.UTC))
                .query((java.sql.ResultSet rs) -> {
                    registry.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        assertThat(registry.keySet()).containsExactlyInAnyOrder("breach-response", "notification-obligation", "access-review", "access-revocation",
                "internal-audit", "corrective-action");
        assertThat(registry.get("notification-obligation")[1] - registry.get("notification-obligation")[0]).as("missed deadlines of notices")
                .isGreaterThanOrEqualTo(sentLate);
        return new SeededQuarter(Math.round(toNotify / 864.0) / 100.0, Math.round(allowed / 864.0) / 100.0, sent, sentLate, missed,
                List.copyOf(lateOrMissed), campaignId, auditId, overdueAction, openAction, daysToClose, registry);
    }

    /** Every figure of the six capabilities' inputs for the first quarter, as seeded, each input read at {@code readAt}. */
    private static void assertTheSeededQuarter(Map<String, ReviewInput> inputs, SeededQuarter seeded, Instant readAt) {
        for (String key : SEEDED_INPUTS) {
            assertThat(inputs).containsKey(key);
            assertThat(inputs.get(key).available()).as(key).isTrue();
            assertThat(inputs.get(key).readAt()).as(key).isEqualTo(readAt);
            assertThat(inputs.get(key).source()).as(key).isNotBlank();
        }
        var incidentInput = inputs.get("incidents");
        assertThat(figure(incidentInput, "incidents.patient-data")).as("A, B, C and E; not the exercise").isEqualTo(4.0);
        assertThat(figure(incidentInput, "incidents.category.patient_data_breach")).isEqualTo(3.0);
        assertThat(figure(incidentInput, "incidents.category.patient_safety_device")).as("C, assessed as a breach").isEqualTo(1.0);
        assertThat(figure(incidentInput, "incidents.severity.medium")).isEqualTo(3.0);
        assertThat(figure(incidentInput, "incidents.severity.critical")).isEqualTo(1.0);
        assertThat(figure(incidentInput, "incidents.severity.high")).isZero();
        assertThat(figure(incidentInput, "incidents.contain.mean-hours")).as("24, 24 and 4 hours").isEqualTo(17.33);
        assertThat(figureOf(incidentInput, "incidents.contain.mean-hours.medium")).satisfies(f -> {
            assertThat(f.value()).isEqualTo(24.0);
            assertThat(f.target()).isEqualTo(72.0);
        });
        assertThat(figureOf(incidentInput, "incidents.contain.mean-hours.critical")).satisfies(f -> {
            assertThat(f.value()).isEqualTo(4.0);
            assertThat(f.target()).isEqualTo(4.0);
        });
        assertThat(figureOf(incidentInput, "incidents.contain.mean-hours.low").target()).isNull();
        assertThat(figureOf(incidentInput, "incidents.notify.mean-days")).satisfies(f -> {
            assertThat(f.value()).isEqualTo(seeded.notifyMeanDays());
            assertThat(f.target()).isEqualTo(seeded.notifyAllowedDays());
            assertThat(f.basis()).startsWith("2 incidents");
        });
        assertThat(figure(incidentInput, "incidents.obligations.sent")).isEqualTo((double) seeded.sent());
        assertThat(figure(incidentInput, "incidents.obligations.sent-late")).isEqualTo((double) seeded.sentLate());
        assertThat(figure(incidentInput, "incidents.obligations.missed")).isEqualTo((double) seeded.missed());
        assertThat(incidentInput.items()).extracting(ReviewItem::key).containsExactlyInAnyOrderElementsOf(seeded.lateOrMissed());
        assertThat(incidentInput.items()).allSatisfy(item -> assertThat(item.text()).doesNotContain("Lab results", "Person "));

        var regulation = inputs.get("regulation");
        assertThat(regulation.notes()).contains("Catalog version 2026-12-01.");
        assertThat(regulation.items()).isNotEmpty().extracting(ReviewItem::key).doesNotHaveDuplicates();
        assertThat(regulation.items()).allSatisfy(item -> assertThat(item.fingerprint()).matches("[0-9a-f]{64}"));
        assertThat(figure(regulation, "regulation.rules")).isEqualTo((double) regulation.items().size());

        // One campaign: the manager decided on time, the CISO never (three exceptions); the leaver's removal verified late.
        var accessReviews = inputs.get("access-reviews");
        assertThat(figure(accessReviews, "access-reviews.campaigns.closed")).isEqualTo(1.0);
        assertThat(figure(accessReviews, "access-reviews.campaigns.on-time")).isZero();
        assertThat(figure(accessReviews, "access-reviews.campaigns.late")).isEqualTo(1.0);
        assertThat(figure(accessReviews, "access-reviews.items")).isEqualTo(6.0);
        assertThat(figure(accessReviews, "access-reviews.decided")).isEqualTo(3.0);
        assertThat(figure(accessReviews, "access-reviews.exceptions")).isEqualTo(3.0);
        assertThat(figure(accessReviews, "access-reviews.revoked")).isEqualTo(1.0);
        assertThat(figure(accessReviews, "access-reviews.revocations.verified")).isEqualTo(1.0);
        assertThat(figure(accessReviews, "access-reviews.revocations.verified-late")).isEqualTo(1.0);
        assertThat(figure(accessReviews, "access-reviews.revocations.unverified-overdue")).isZero();
        assertThat(accessReviews.items()).extracting(ReviewItem::key).containsExactly("campaign:" + seeded.campaignId());
        assertThat(accessReviews.items().get(0).text()).contains("closed 2025-01-28", "late", "6 items", "1 revoked");

        // The audit: due to finish 17 January, reported the 16th, its one major finding closed with its action on 1 March.
        var audits = inputs.get("audits");
        assertThat(figure(audits, "audits.planned")).isEqualTo(1.0);
        assertThat(figure(audits, "audits.on-schedule")).isEqualTo(1.0);
        assertThat(figure(audits, "audits.on-schedule-rate")).isEqualTo(100.0);
        assertThat(figure(audits, "audits.closed")).isEqualTo(1.0);
        assertThat(figure(audits, "audits.findings.major")).isEqualTo(1.0);
        assertThat(figure(audits, "audits.findings.minor")).isZero();
        assertThat(figure(audits, "audits.findings.open.major")).isZero();
        assertThat(audits.items()).extracting(ReviewItem::key).containsExactly("audit:" + seeded.auditId());
        assertThat(audits.items().get(0).text()).contains("planned 2025-01-13 to 2025-01-17", "final report 2025-01-16 (on schedule)",
                "closed 2025-03-01", "1 major");

        // Three actions raised: the audit's (closed effective), a major one left past its due date, a minor one not yet due.
        var correctiveActions = inputs.get("corrective-actions");
        assertThat(figure(correctiveActions, "corrective-actions.raised")).isEqualTo(3.0);
        assertThat(figure(correctiveActions, "corrective-actions.closed")).isEqualTo(1.0);
        assertThat(figure(correctiveActions, "corrective-actions.mean-days-to-close")).isEqualTo(seeded.daysToClose());
        assertThat(figure(correctiveActions, "corrective-actions.open.major")).as("action " + seeded.overdueAction()).isEqualTo(1.0);
        assertThat(figure(correctiveActions, "corrective-actions.open.minor")).as("action " + seeded.openAction()).isEqualTo(1.0);
        assertThat(figure(correctiveActions, "corrective-actions.open")).isEqualTo(2.0);
        assertThat(figure(correctiveActions, "corrective-actions.overdue")).isEqualTo(1.0);
        assertThat(figure(correctiveActions, "corrective-actions.effectiveness-failures")).isZero();

        // Deadlines per process: each rate what the registry holds for the deadlines completed in the quarter (met or
        // missed), the notices sent late among the missed.
        var sla = inputs.get("sla");
        long met = 0;
        long total = 0;
        for (var process : seeded.deadlines().entrySet()) {
            long[] counts = process.getValue();
            met += counts[0];
            total += counts[1];
            var rate = figureOf(sla, "sla.on-time." + process.getKey());
            assertThat(rate.basis()).startsWith(counts[0] + " of " + counts[1] + " ");
            assertThat(rate.value()).isEqualTo(Math.round(1000.0 * counts[0] / counts[1]) / 10.0);
        }
        assertThat(sla.figures()).hasSize(seeded.deadlines().size() + 1);
        assertThat(figureOf(sla, "sla.on-time").basis()).startsWith(met + " of " + total + " ");
    }
    // ------------------------------------------------------------------------------------------------ reading

    private ReviewInput read(String key, ReviewPeriod period) {
        return sources.stream().filter(source -> source.key().equals(key)).findFirst().orElseThrow().read(period);
    }

    private static Double figure(ReviewInput input, String key) {
        return figureOf(input, key).value();
    }

    private static ReviewFigure figureOf(ReviewInput input, String key) {
        return input.figures().stream().filter(figure -> figure.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("No figure " + key + " among " + input.figures()));
    }

    private static boolean inPeriod(JsonNode instant, ReviewPeriod period) {
        if (instant.isNull() || instant.isMissingNode()) return false;
        Instant at = Instant.parse(instant.asText());
        return !at.isBefore(period.from()) && at.isBefore(period.to());
    }

    private static Instant lastIndividualDeadline(JsonNode incident) {
        Instant last = null;
        for (JsonNode obligation : incident.path("obligations")) {
            if (INDIVIDUALS.contains(obligation.path("recipient").asText()) && !obligation.path("status").asText().equals("WITHDRAWN")) {
                Instant due = Instant.parse(obligation.path("targetDeadline").asText());
                last = last == null || due.isAfter(last) ? due : last;
            }
        }
        return last;
    }

    // ------------------------------------------------------------------------------------------------ breach

    private long report(String title, String discoveredAt) throws Exception {
        var discovered = OffsetDateTime.parse(discoveredAt);
        var response = sysadmin.postJson("/api/incidents", """
                {"title": "Review input %s", "occurredAt": "%s", "discoveredAt": "%s", "dataCategories": ["name", "diagnosis"],
                 "affectedEstimate": {"US-TX": 40}}""".formatted(title, discovered.minusHours(1), discovered));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long incidentId = json.readTree(response.body()).path("id").asLong();
        reported.add(incidentId);
        EngineJobs.runAllOf(management, breach(incidentId));
        return incidentId;
    }

    private long startExercise() throws Exception {
        var response = client("ciso").postJson("/api/exercises", "{\"scenario\": \"misdirected-lab-results\", \"participants\": [\"privacy\", \"sysadmin\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long incidentId = json.readTree(response.body()).path("incidentId").asLong();
        reported.add(incidentId);
        EngineJobs.runAllOf(management, breach(incidentId));
        return incidentId;
    }

    private String breach(long incidentId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey("incident-" + incidentId)
                .processDefinitionKey("breach-response").singleResult().getId();
    }

    private void contain(long incidentId, String containedAt) {
        complete(breach(incidentId), Map.of("containedAt", OffsetDateTime.parse(containedAt).toInstant().toString()));
        EngineJobs.runAllOf(management, breach(incidentId));
    }

    private void complete(String processInstanceId, Map<String, Object> variables) {
        tasks.complete(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(), variables);
    }

    private JsonNode incident(long incidentId) throws Exception {
        var response = privacy.get("/api/incidents/" + incidentId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private Map<Long, JsonNode> incident(long... incidentIds) throws Exception {
        Map<Long, JsonNode> incidents = new LinkedHashMap<>();
        for (long id : incidentIds) {
            incidents.put(id, incident(id));
        }
        return incidents;
    }

    /** Prepares, approves and records the dispatch of the incident's open notices that {@code which} selects, sent at {@code sentAt}. */
    private void sendNotices(long incidentId, Predicate<JsonNode> which, String sentAt) throws Exception {
        for (int round = 0; round < 5; round++) {
            Map<Long, JsonNode> obligations = new HashMap<>();
            incident(incidentId).path("obligations").forEach(obligation -> obligations.put(obligation.path("id").asLong(), obligation));
            var open = tasks.createTaskQuery().processVariableValueEquals("incidentId", incidentId).processDefinitionKey("notification-obligation")
                    .taskDefinitionKey("Task_PrepareNotice").list().stream()
                    .filter(task -> which.test(obligations.get(((Number) runtime.getVariable(task.getProcessInstanceId(), "obligationId")).longValue())))
                    .toList();
            if (open.isEmpty()) {
                return;
            }
            for (var task : open) {
                String notice = task.getProcessInstanceId();
                completeAt(notice, "Task_PrepareNotice", Map.of("phiNoticeWhatHappened", "Lab results were e-mailed to a wrong address.",
                        "phiNoticeSteps", "Tell us if you receive mail about results that are not yours.",
                        "phiNoticeWhatWeAreDoing", "We retrained staff and added an address check.", "noticeBreachType", "Unauthorized Access/Disclosure",
                        "noticeBreachLocation", "Email", "phiNoticeSafeguards", "Address book with confirmations"));
                completeAt(notice, "Task_ApproveNotice", Map.of("noticeApproved", true));
                completeAt(notice, "Task_RecordDispatch", Map.of("sentAt", OffsetDateTime.parse(sentAt).toInstant().toString(),
                        "channel", "first_class_mail", "proof", "USPS-" + task.getId()));
                EngineJobs.runAllOf(management, notice);
            }
        }
    }

    private void completeAt(String processInstanceId, String taskKey, Map<String, Object> variables) throws Exception {
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult().getId();
        var body = json.createObjectNode();
        var values = body.putObject("variables");
        variables.forEach((name, value) -> values.putObject(name).putPOJO("value", value));
        var response = privacy.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    // ------------------------------------------------------------------------------------------------ access review

    /** A PHI system of this test's own: five accounts, the sysadmin's privileged (two reviews), a leaver among them. */
    private String startCampaign(String system, String leaver) {
        var saved = client("ciso").putJson("/api/access-reviews/systems/" + system,
                "{\"name\": \"Review input system\", \"owner\": \"ciso\", \"deputy\": \"manager\", \"classification\": \"phi-restricted\"}");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(postCsv("sysadmin", "/api/access-reviews/snapshots?kind=roster", """
                person,manager,status,terminatedOn
                ciso,,ACTIVE,
                manager,ciso,ACTIVE,
                privacy,ciso,ACTIVE,
                staff,manager,ACTIVE,
                sysadmin,manager,ACTIVE,
                %s,manager,TERMINATED,2024-12-20
                """.formatted(leaver)).statusCode()).isEqualTo(201);
        assertThat(postCsv("sysadmin", "/api/access-reviews/snapshots", snapshot(system, leaver, true)).statusCode()).isEqualTo(201);
        var started = client("manager").postJson("/api/access-reviews/campaigns", "{\"systems\": [\"" + system + "\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        try {
            String instance = json.readTree(started.body()).path("processInstanceId").asText();
            EngineJobs.runAt(management, instance, "Task_OpenCampaign");
            return instance;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String snapshot(String system, String leaver, boolean withLeaver) {
        return "system,account,person,manager,entitlement,privileged,lastLogin\n"
                + system + ",staff,staff,manager,read,false,2025-01-02\n"
                + system + ",sysadmin,sysadmin,manager,admin,true,2025-01-02\n"
                + (withLeaver ? system + "," + leaver + "," + leaver + ",manager,read,false,2024-12-10\n" : "")
                + system + ",orphan-7,,,read,false,2024-06-01\n"
                + system + ",manager,manager,ciso,read,false,2025-01-02\n";
    }

    /** The manager revokes the leaver's access and keeps the rest of theirs; the CISO decides nothing. */
    private void decide(long campaignId, String leaver) throws Exception {
        long leaverItem = 0;
        for (JsonNode item : json.readTree(client("manager").get("/api/access-reviews/campaigns/" + campaignId + "/items").body())) {
            if (item.path("account").asText().equals(leaver)) {
                leaverItem = item.path("id").asLong();
            }
        }
        var decided = client("manager").postJson("/api/access-reviews/campaigns/" + campaignId + "/decisions", """
                {"decisions": [{"item": %d, "decision": "revoke", "reason": "Left the company"}],
                 "bulk": {"decision": "keep", "reason": "Confirmed with the team", "scope": "all"}}""".formatted(leaverItem));
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        assertThat(json.readTree(decided.body()).path("applied").asInt()).isEqualTo(3);
    }

    private void deprovision(long campaignId) {
        var task = tasks.createTaskQuery().processDefinitionKey("access-revocation").taskDefinitionKey("Task_Deprovision")
                .processVariableValueEquals("campaignId", campaignId).singleResult();
        assertThat(sysadmin.postJson("/engine-rest/task/" + task.getId() + "/claim", "{\"userId\": \"sysadmin\"}").statusCode()).isEqualTo(204);
        var removed = sysadmin.postJson("/engine-rest/task/" + task.getId() + "/submit-form", "{\"variables\": {\"removed\": {\"value\": true}}}");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
    }

    private void closeCampaign(String instance) {
        management.createJobQuery().processInstanceId(instance).timers().activityId("BoundaryEvent_ReviewWindowClosed").list()
                .forEach(job -> management.executeJob(job.getId()));
        EngineJobs.runAt(management, instance, "Task_CloseReviews");
        tasks.createTaskQuery().processInstanceId(instance).list().forEach(task -> tasks.complete(task.getId(), Map.of("attested", true)));
        EngineJobs.runAt(management, instance, "Task_PublishReport");
    }

    // ------------------------------------------------------------------------------------------------ audit, corrective actions

    private String startAudit() throws Exception {
        var started = client("ciso").postJson("/api/audits", "{\"kind\": \"ad-hoc\", \"areas\": [\"access-management\"]}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, "Task_OpenAudit");
        var planned = auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", variables(Map.of("scope", "access-management",
                "criteria", "ISO/IEC 27001:2022 A.5.15-A.5.18", "leadAuditor", "auditor", "team", "",
                "plannedStart", "2025-01-13", "plannedEnd", "2025-01-17")));
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(204);
        assertThat(auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete", "{}").statusCode()).isEqualTo(204);
        return instance;
    }

    /** One major nonconformity (AM-02), the rest conforming; IT operations respond to the draft. */
    private void fieldwork(String instance, long auditId) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode item : json.readTree(auditor.get("/api/audits/" + auditId).body()).path("checklist")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("questionId", item.path("questionId").asText());
            boolean major = "AM-02".equals(item.path("questionId").asText());
            row.put("result", major ? "major" : "conforming");
            row.put("evidenceNotes", major ? "Leavers keep EHR access for weeks" : null);
            rows.add(row);
        }
        var value = new LinkedHashMap<String, Object>();
        value.put("type", "Object");
        value.put("value", json.writeValueAsString(rows));
        value.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        var submitted = auditor.postJson("/engine-rest/task/" + taskOf(instance) + "/complete",
                json.writeValueAsString(Map.of("variables", Map.of("phiFieldworkItems", value))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
        EngineJobs.runAllOf(management, instance);
        var respond = sysadmin.postJson("/engine-rest/task/" + taskOf(instance) + "/complete",
                variables(Map.of("phiResponse", "Agreed: HR's leaver feed will disable accounts on the day")));
        assertThat(respond.statusCode()).as(respond.body()).isEqualTo(204);
    }

    private long raiseAction(String severity) throws Exception {
        var raised = client("ciso").postJson("/api/corrective-actions",
                "{\"severity\": \"" + severity + "\", \"ownerGroup\": \"it-operations\", \"description\": \"Review input action\"}");
        assertThat(raised.statusCode()).as(raised.body()).isIn(200, 201, 202);
        long actionId = json.readTree(raised.body()).path("id").asLong();
        raisedActions.add(actionId);
        return actionId;
    }

    /** The action's steps by IT operations, then the waiting period's timer: the effectiveness check is next. */
    private void actionStepsUpToTheCheck(long actionId) throws Exception {
        String action = runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + actionId).singleResult().getId();
        stepOf(action, Map.of("correctionMade", "yes", "phiCorrection", "Leavers' accounts disabled"));
        stepOf(action, Map.of("phiRootCause", "HR does not tell IT", "rootCauseMethod", "five-whys", "similarElsewhere", "no"));
        stepOf(action, Map.of("phiActionPlan", "Leaver feed from HR", "actionOwner", "sysadmin", "planDueDate", "2025-02-05"));
        stepOf(action, Map.of("phiEvidence", "Feed live"));
        management.executeJob(management.createJobQuery().processInstanceId(action).timers()
                .activityId("Timer_EffectivenessCheckDue").singleResult().getId());
    }

    private void stepOf(String action, Map<String, Object> values) throws Exception {
        var response = sysadmin.postJson("/engine-rest/task/" + taskOf(action) + "/complete", variables(values));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    // ------------------------------------------------------------------------------------------------ management review

    /** The quarterly review's start timer, found by its activity id. */
    private Job quarterlyStartTimer() {
        return management.createJobQuery().processDefinitionKey("management-review").timers().activityId("StartEvent_QuarterlyReviewDue")
                .singleResult();
    }

    private Set<String> waitingForTheFirstWorkingDay() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("management-review").activityIdIn("Event_FirstWorkingDayQuarterly")
                .list().stream().map(instance -> instance.getId()).collect(Collectors.toCollection(java.util.HashSet::new));
    }

    private JsonNode review(WebClient client, long reviewId) throws Exception {
        var response = client.get("/api/management-reviews/" + reviewId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** The quarter a label such as 2024-Q3 names, its boundaries midnight in the company zone. */
    private ReviewPeriod quarterOf(String label) {
        LocalDate first = LocalDate.of(Integer.parseInt(label.substring(0, 4)), (label.charAt(6) - '1') * 3 + 1, 1);
        return new ReviewPeriod(first.atStartOfDay(company.zone()).toInstant(), first.plusMonths(3).atStartOfDay(company.zone()).toInstant(),
                label, null);
    }

    /** The meeting form as Tasklist submits it: the day held, chair, attendees, minutes and the decisions' list. */
    private static String meetingSubmission(String day, List<Map<String, Object>> decisions) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("meetingDate", Map.of("value", day));
        variables.put("chair", Map.of("value", "ciso"));
        variables.put("attendees", Map.of("value", "ciso, manager, privacy, auditor"));
        variables.put("phiMinutes", Map.of("value", "The first quarter's pack was reviewed: a notice to patients missed, one sent late."));
        var rows = new LinkedHashMap<String, Object>();
        rows.put("type", "Object");
        rows.put("value", json.writeValueAsString(decisions));
        rows.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        variables.put("phiDecisions", rows);
        return json.writeValueAsString(Map.of("variables", variables));
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private String taskOf(String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static String variables(Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", variables));
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }

    private HttpResponse<String> postCsv(String user, String path, String csv) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
