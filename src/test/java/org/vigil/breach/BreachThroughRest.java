package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.vigil.EngineJobs;
import org.vigil.WebClient;

/**
 * A breach driven through the REST APIs as the demo users do it: reported by a system (sysadmin), triaged,
 * investigated and assessed by the privacy officer, contained by IT operations, every task completed through the
 * engine REST API (what Tasklist does); the engine's own jobs run as the job executor (off in tests) would run them.
 * The engine is only read, to find the task ids.
 *
 * <p>A test gets one on the running Vigil with {@code @ExtendWith(BreachThroughRest.OnTheRunningVigil.class)} and a
 * parameter of this type on its {@code @Test} or {@code @BeforeEach} method.
 */
final class BreachThroughRest {

    static final ObjectMapper json = new ObjectMapper();

    final WebClient privacy;
    final WebClient sysadmin;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;

    private BreachThroughRest(int port, RuntimeService runtime, TaskService tasks, ManagementService management) {
        this.privacy = new WebClient(port).as("privacy", "demo");
        this.sysadmin = new WebClient(port).as("sysadmin", "demo");
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
    }

    /** Resolves a parameter of type {@link BreachThroughRest}: the demo users on the test's Vigil (its port and engine). */
    static final class OnTheRunningVigil implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == BreachThroughRest.class;
        }

        @Override
        public BreachThroughRest resolveParameter(ParameterContext parameter, ExtensionContext context) {
            var vigil = SpringExtension.getApplicationContext(context);
            return new BreachThroughRest(vigil.getEnvironment().getRequiredProperty("local.server.port", Integer.class),
                    vigil.getBean(RuntimeService.class), vigil.getBean(TaskService.class), vigil.getBean(ManagementService.class));
        }
    }

    /** A report through {@code POST /api/incidents}; returns the incident id. */
    long report(String title, OffsetDateTime occurredAt, OffsetDateTime discoveredAt, String estimateJson) throws IOException {
        var response = sysadmin.postJson("/api/incidents", """
                {"title": "%s", "occurredAt": "%s", "discoveredAt": "%s", "dataCategories": ["name", "diagnosis"],
                 "affectedEstimate": %s}""".formatted(title, occurredAt, discoveredAt, estimateJson));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    HttpResponse<String> upload(long incidentId, String csv) {
        return privacy.post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv", csv);
    }

    /**
     * Triage, containment, the investigation with {@code investigation}'s fields (names and diagnoses, no
     * law-enforcement delay unless given), the risk assessment "not a low probability", then the plan.
     */
    void investigateAndPlan(long incidentId, Map<String, Object> investigation) throws IOException {
        String breach = breachInstance(incidentId);
        complete(privacy, breach, PlannedBreach.triage(40));
        complete(sysadmin, breach, Map.of("containedAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).truncatedTo(ChronoUnit.SECONDS).toString()));
        var facts = new HashMap<String, Object>(Map.of("dataName", true, "dataDiagnosis", true, "lawEnforcementForm", "none"));
        facts.putAll(investigation);
        complete(privacy, breach, facts);
        complete(privacy, breach, PlannedBreach.riskAssessment());
        runJobs(breach);
    }

    /** The incident's obligations as {@code GET /api/incidents/{id}} shows them to the privacy officer. */
    JsonNode obligations(long incidentId) throws IOException {
        var response = privacy.get("/api/incidents/" + incidentId);
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).path("obligations");
    }

    /** The obligation of one catalog rule (or {@code contract:<agreement>}) in one jurisdiction. */
    JsonNode obligation(long incidentId, String ruleId, String jurisdiction) throws IOException {
        for (JsonNode obligation : obligations(incidentId)) {
            if (obligation.path("ruleId").asText().equals(ruleId) && obligation.path("jurisdiction").asText().equals(jurisdiction)) {
                return obligation;
            }
        }
        throw new AssertionError("No obligation " + ruleId + " in " + jurisdiction + " among " + obligations(incidentId));
    }

    /** Prepare the notice: what the privacy officer writes in the form "prepare-notice". */
    void prepare(long obligationId, Map<String, Object> text) {
        var response = completeObligationTask(obligationId, NotificationObligationProcess.Task_PrepareNotice, text);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    HttpResponse<String> approve(long obligationId, boolean approved) {
        return completeObligationTask(obligationId, NotificationObligationProcess.Task_ApproveNotice,
                Map.of(NotificationObligationVariables.NOTICE_APPROVED.name(), approved));
    }

    /** The approver sends the notice back to be prepared again, saying what must change. */
    HttpResponse<String> sendBack(long obligationId, String whatMustChange) {
        return completeObligationTask(obligationId, NotificationObligationProcess.Task_ApproveNotice,
                Map.of(NotificationObligationVariables.NOTICE_APPROVED.name(), false, NoticeApprovedTaskListener.SEND_BACK_REASON, whatMustChange));
    }

    HttpResponse<String> recordDispatch(long obligationId, String proof) {
        return completeObligationTask(obligationId, NotificationObligationProcess.Task_RecordDispatch, Map.of("sentAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString(),
                "channel", "first_class_mail", "proof", proof));
    }

    /** The obligation process's open task, which must be {@code taskKey}. */
    String openTask(long obligationId) {
        return tasks.createTaskQuery().processInstanceId(PlannedBreach.obligationProcess(runtime, obligationId)).singleResult()
                .getTaskDefinitionKey();
    }

    HttpResponse<String> completeObligationTask(long obligationId, String taskKey, Map<String, Object> variables) {
        String process = PlannedBreach.obligationProcess(runtime, obligationId);
        assertThat(tasks.createTaskQuery().processInstanceId(process).singleResult().getTaskDefinitionKey()).isEqualTo(taskKey);
        return completeResponse(privacy, process, variables);
    }

    /** Reported by IT operations two days ago, planned provisionally; the process waits at the triage. */
    long reported(String title) throws Exception {
        var reported = sysadmin.postJson("/api/incidents", """
                {"externalReference": "SIEM-%d", "title": "%s", "occurredAt": "%s", "discoveredAt": "%s",
                 "dataCategories": ["name", "diagnosis"], "affectedEstimate": {"US-TX": 40}}"""
                .formatted(System.nanoTime(), title, now().minusDays(3), now().minusDays(2)));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        long incidentId = json.readTree(reported.body()).path("id").asLong();
        // The provisional plan, which the job executor makes right after the report.
        runJobs(breachInstance(incidentId));
        return incidentId;
    }

    /** Triaged, contained and investigated; the process waits at the risk assessment. */
    long investigated(String title) throws Exception {
        long incidentId = reported(title);
        String breach = breachInstance(incidentId);
        complete(privacy, breach, PlannedBreach.triage(40));
        complete(sysadmin, breach, Map.of("containedAt", now().minusDays(1).toString()));
        complete(privacy, breach, investigation("US-TX: 40"));
        return incidentId;
    }

    /** Assessed and planned: every obligation waits at "Prepare the notice". */
    long planned(String title) throws Exception {
        long incidentId = investigated(title);
        String breach = breachInstance(incidentId);
        complete(privacy, breach, PlannedBreach.riskAssessment());
        runJobs(breach);
        return incidentId;
    }

    /** Every notice prepared, approved and sent by first-class mail; the process waits at the review. */
    long notified(String title) throws Exception {
        long incidentId = planned(title);
        sendEveryNotice(incidentId);
        runJobs(breachInstance(incidentId));
        return incidentId;
    }

    /** Reviewed and closed. */
    long closed(String title) throws Exception {
        long incidentId = notified(title);
        review(incidentId);
        assertThat(incident(incidentId).path("status").asText()).isEqualTo("CLOSED");
        return incidentId;
    }

    /** Completes the post-incident review; the closure runs. */
    void review(long incidentId) throws Exception {
        String breach = breachInstance(incidentId);
        assertThat(tasks.createTaskQuery().processInstanceId(breach).singleResult().getTaskDefinitionKey())
                .isEqualTo(BreachResponseProcess.Task_ReviewPostIncident);
        // As Tasklist sends the review's dynamic list back: a JSON list of rows, typed as the task's own variable.
        var actions = new java.util.LinkedHashMap<String, Object>();
        actions.put("type", "Object");
        actions.put("value", "[{\"phiDescription\": \"Check addresses before mailing\", \"actionSeverity\": \"minor\","
                + " \"actionOwnerGroup\": \"privacy-office\"}]");
        actions.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        String taskId = tasks.createTaskQuery().processInstanceId(breach).singleResult().getId();
        var response = privacy.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(Map.of("variables",
                Map.of("phiLessonsLearned", Map.of("value", "Confirm addresses"), "phiCorrectiveActions", actions))));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        runJobs(breach);
    }

    /** A dispatch may plan more notices, so until none is left open. */
    void sendEveryNotice(long incidentId) throws Exception {
        for (int round = 0; round < 5; round++) {
            var open = tasks.createTaskQuery().processVariableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), incidentId)
                    .processDefinitionKey(NotificationObligationProcess.KEY).taskDefinitionKey(NotificationObligationProcess.Task_PrepareNotice).list();
            if (open.isEmpty()) {
                return;
            }
            for (var task : open) {
                String notice = task.getProcessInstanceId();
                prepareAndApprove(notice);
                dispatch(notice, Map.of("sentAt", now().minusMinutes(1).toString(), "channel", "first_class_mail", "proof", "USPS-" + task.getId()));
                runJobs(notice);
            }
        }
    }

    void prepareAndApprove(String notice) throws Exception {
        completeAt(privacy, notice, NotificationObligationProcess.Task_PrepareNotice, Map.of("phiNoticeWhatHappened", "Lab results were e-mailed to a wrong address.",
                "phiNoticeSteps", "Tell us if you receive mail about results that are not yours.",
                "phiNoticeWhatWeAreDoing", "We retrained staff and added an address check.", "noticeBreachType", "Unauthorized Access/Disclosure",
                "noticeBreachLocation", "Email", "phiNoticeSafeguards", "Address book with confirmations"));
        completeAt(privacy, notice, NotificationObligationProcess.Task_ApproveNotice, Map.of("noticeApproved", true));
    }

    void dispatch(String notice, Map<String, Object> variables) throws Exception {
        completeAt(privacy, notice, NotificationObligationProcess.Task_RecordDispatch, variables);
    }

    static Map<String, Object> investigation(String counts) {
        return Map.of("affectedCounts", counts, "dataName", true, "dataDiagnosis", true, "role", "covered_entity", "lawEnforcementForm", "none");
    }

    JsonNode incident(long incidentId) throws Exception {
        var response = privacy.get("/api/incidents/" + incidentId);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    String breachInstance(long incidentId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                .processDefinitionKey(BreachResponseProcess.KEY).singleResult().getId();
    }

    String obligationInstance(long obligationId) {
        return PlannedBreach.obligationProcess(runtime, obligationId);
    }

    /** The engine's own work: asynchronous continuations, as the job executor would run them. */
    void runJobs(String processInstanceId) {
        EngineJobs.runAllOf(management, processInstanceId);
    }

    void complete(WebClient user, String processInstanceId, Map<String, Object> variables) {
        var response = completeResponse(user, processInstanceId, variables);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** The task of that step: a notice's process may hold a missed deadline's follow-up beside it. */
    void completeAt(WebClient user, String processInstanceId, String taskKey, Map<String, Object> variables) throws Exception {
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey).singleResult().getId();
        var response = completeTask(user, taskId, variables);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    HttpResponse<String> completeResponse(WebClient user, String processInstanceId, Map<String, Object> variables) {
        return completeTask(user, tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId(), variables);
    }

    HttpResponse<String> completeTask(WebClient user, String taskId, Map<String, Object> variables) {
        var body = json.createObjectNode();
        var values = body.putObject("variables");
        variables.forEach((name, value) -> values.putObject(name).putPOJO("value", value));
        try {
            return user.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The notice as the privacy officer previews it: HTML, and the text of the PDF. */
    HttpResponse<String> previewHtml(long obligationId, String kind) {
        return privacy.get("/api/obligations/" + obligationId + "/notice" + (kind == null ? "" : "?kind=" + kind));
    }

    String previewPdfText(long obligationId, String kind) throws IOException {
        var pdf = privacy.getBytes("/api/obligations/" + obligationId + "/notice?format=pdf" + (kind == null ? "" : "&kind=" + kind));
        assertThat(pdf.statusCode()).as(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        return pdfText(pdf.body());
    }

    JsonNode missingFacts(long obligationId) throws IOException {
        var response = privacy.get("/api/obligations/" + obligationId + "/notice/missing-facts");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /**
     * The text of a PDF in reading order, whitespace folded. Bold runs are drawn apart from their line, and the
     * stripper puts a space between a bold date and the full stop after it: that space is dropped.
     */
    static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            var stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document).replaceAll("\\s+", " ").replaceAll(" ([.,])", "$1");
        }
    }

    /**
     * Whether a PDF's text holds a table row: its heading and its value, which falls among the heading's words where a
     * wrapped heading cell shares its lines with the value's cell.
     */
    static boolean hasRow(String pdfText, String heading, String value) {
        String between = " (?:" + java.util.regex.Pattern.quote(value) + " )?";
        String pattern = java.util.Arrays.stream(heading.split(" ")).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(between)) + "(?: " + java.util.regex.Pattern.quote(value) + ")?";
        var matcher = java.util.regex.Pattern.compile(pattern).matcher(pdfText);
        while (matcher.find()) {
            if (matcher.group().contains(value)) {
                return true;
            }
        }
        return false;
    }

    /** The visible text of an HTML document, whitespace folded. */
    static String htmlText(String html) {
        return org.jsoup.Jsoup.parse(html).text();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
