package org.vigil.managementreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The management-review API as a client calls it: the CISO's start and who is refused, bad input named by field, a
 * review done through the engine's REST API (as Tasklist does) to its sign-off, its frozen pack unchanged by a later
 * change of the live data, an amendment appended, and the document opened as an auditor.
 */
@VigilSpringTest
class ManagementReviewApiIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired TestFiguresSource figures;
    @Autowired Clock clock;
    @Autowired List<ReviewInputSource> sources;
    @Autowired ManagementReviews reviews;

    @Test
    void theCisoStartsAReviewStaffMayNotAndBadInputIsNamedByField() throws Exception {
        var byStaff = client("staff").postJson("/api/management-reviews", "{\"kind\": \"quarterly\"}");
        assertThat(byStaff.statusCode()).isEqualTo(403);
        assertThat(byStaff.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(client("manager").postJson("/api/management-reviews", "{}").statusCode()).isEqualTo(403);

        var badKind = client("ciso").postJson("/api/management-reviews", "{\"kind\": \"weekly\"}");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badKind.body()).path("field").asText()).isEqualTo("kind");
        var badLabel = client("ciso").postJson("/api/management-reviews", "{\"kind\": \"monthly\", \"periodLabel\": \"2026-Q1\"}");
        assertThat(badLabel.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badLabel.body()).path("field").asText()).isEqualTo("periodLabel");
        var notAString = client("ciso").postJson("/api/management-reviews", "{\"kind\": [1]}");
        assertThat(notAString.statusCode()).isEqualTo(400);
        assertThat(json.readTree(notAString.body()).path("field").asText()).isEqualTo("kind");

        var started = client("ciso").postJson("/api/management-reviews", "{\"kind\": \"monthly\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, ManagementReviewProcess.Task_OpenReview);
        assertThat(client("staff").get("/api/management-reviews").statusCode()).isEqualTo(403);
        assertThat(json.readTree(client("auditor").get("/api/management-reviews").body()).findValuesAsText("processInstanceId")).contains(instance);
        // Nobody starts it through the engine's own doors.
        assertThat(client("ciso").postJson("/engine-rest/message", "{\"messageName\": \"ManagementReviewRequested\"}").statusCode()).isEqualTo(403);
        assertThat(client("ciso").postJson("/engine-rest/process-definition/key/management-review/start", "{}").statusCode()).isEqualTo(403);
    }

    @Test
    void aReviewThroughTheRestApiIsSignedOffFrozenAmendedAndReadAsAPdfByAnAuditor() throws Exception {
        figures.set("2025-Q3", 5);
        figures.set("2025-Q2", 3);
        var started = client("ciso").postJson("/api/management-reviews", "{\"kind\": \"quarterly\", \"periodLabel\": \"2025-Q3\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, ManagementReviewProcess.Task_OpenReview);
        long id = json.readTree(client("manager").get("/api/management-reviews").body()).findParents("processInstanceId").stream()
                .filter(r -> r.path("processInstanceId").asText().equals(instance)).findFirst().orElseThrow().path("id").asLong();

        // The people's inputs, as Tasklist submits them; a field not on the form is refused.
        for (String[] owner : new String[][] {{"ciso", "ciso"}, {"privacy-office", "privacy"}, {"managers", "manager"}}) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ManagementReviewProcess.Task_PrepareInput)
                    .taskCandidateGroup(owner[0]).singleResult();
            assertThat(client(owner[1]).postJson("/engine-rest/task/" + task.getId() + "/complete",
                    variables(Map.of("reviewId", 1))).statusCode()).isEqualTo(400);
            var done = client(owner[1]).postJson("/engine-rest/task/" + task.getId() + "/complete",
                    variables(Map.of("phiStatement", "Input of " + owner[0])));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        }

        // The meeting: a decision without its due date is refused naming the field; then held.
        String today = LocalDate.now(clock).toString();
        String meeting = taskOf(instance);
        // A user's bad input is answered, not logged as an error of the engine (no ENGINE-16004 at ERROR, no stack trace).
        var errors = new ListAppender<ILoggingEvent>();
        errors.start();
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(errors);
        try {
            var noDue = client("manager").postJson("/engine-rest/task/" + meeting + "/complete",
                    meetingSubmission(today, List.of(Map.of("text", "Encrypt backups", "ownerGroup", "it-operations"))));
            assertThat(noDue.statusCode()).isEqualTo(400);
            assertThat(json.readTree(noDue.body()).path("message").asText()).contains("phiDecisions[1].dueDate");
            // The same through Tasklist's own API, as its form submits.
            var tasklist = new WebClient(port);
            assertThat(tasklist.webappLogin("tasklist", "manager", "demo").statusCode()).isEqualTo(200);
            assertThat(tasklist.get("/camunda/api/engine/engine/default/filter").statusCode()).isEqualTo(200);
            var future = tasklist.webappPostJson("/camunda/api/engine/engine/default/task/" + meeting + "/submit-form",
                    meetingSubmission(LocalDate.now(clock).plusDays(3).toString(), List.of()));
            assertThat(future.statusCode()).as(future.body()).isEqualTo(400);
            assertThat(json.readTree(future.body()).path("message").asText()).contains("meetingDate: the meeting is recorded once held");
        } finally {
            root.detachAppender(errors);
        }
        assertThat(errors.list).filteredOn(e -> e.getLevel() == Level.ERROR).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        var held = client("manager").postJson("/engine-rest/task/" + meeting + "/complete", meetingSubmission(today,
                List.of(Map.of("text", "Encrypt backups", "ownerGroup", "it-operations", "dueDate", LocalDate.now(clock).plusMonths(2).toString()))));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(204);
        EngineJobs.runAt(management, instance, ManagementReviewProcess.Task_FreezePack);

        JsonNode pack = json.readTree(client("auditor").get("/api/management-reviews/" + id).body());
        assertThat(figure(pack, TestFiguresSource.KEY)).isEqualTo(5.0);
        figures.set("2025-Q3", 42);
        JsonNode again = json.readTree(client("auditor").get("/api/management-reviews/" + id).body());
        assertThat(figure(again, TestFiguresSource.KEY)).as("the frozen pack after a change of the live data").isEqualTo(5.0);
        assertThat(again.path("decisions").get(0).path("correctiveActionId").asLong()).isPositive();
        // Every capability's input of a quarterly review is in the frozen pack as the capability answers for the quarter,
        // with its source and the moment it was read.
        var review = reviews.review(id);
        var period = new ReviewPeriod(review.periodFrom(), review.periodTo(), review.periodLabel(), null);
        var frozen = reviews.detail(id).pack();
        for (ReviewInputSource source : sources) {
            if (!source.reviewKinds().contains("quarterly") || source.key().equals(TestFiguresSource.KEY)) {
                continue;
            }
            ReviewInput input = frozen.stream().filter(p -> p.key().equals(source.key())).findFirst().orElseThrow().input();
            ReviewInput live = source.read(period);
            assertThat(input.figures()).as(source.key()).isEqualTo(live.figures());
            assertThat(input.items()).as(source.key()).isEqualTo(live.items());
            assertThat(input.source()).as(source.key()).isNotBlank();
            assertThat(input.readAt()).as(source.key()).isBefore(live.readAt());
        }
        assertThat(frozen).extracting(ManagementReviewApi.PackInput::key)
                .contains("incidents", "regulation", "access-reviews", "audits", "corrective-actions", "sla", "risk", "previous-actions",
                        "issues", "interested-parties", "objectives");
        assertThat(client("staff").get("/api/management-reviews/" + id).statusCode()).isEqualTo(403);
        assertThat(client("auditor").get("/api/management-reviews/" + id + "/comparison").statusCode()).isEqualTo(200);

        // Before the sign-off the document is a draft: marked so, rendered afresh, with no SHA-256 recorded or claimed.
        var draft = client("auditor").getBytes("/api/management-reviews/" + id + "/document.pdf");
        assertThat(draft.statusCode()).isEqualTo(200);
        assertThat(draft.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("-draft.pdf"));
        try (var document = Loader.loadPDF(draft.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("DRAFT", "not signed off").doesNotContain("has SHA-256");
        }
        assertThat(client("auditor").get("/api/management-reviews/" + id + "/document.html").body()).contains("DRAFT", "no SHA-256 is recorded");
        assertThat(json.readTree(client("auditor").get("/api/management-reviews/" + id).body()).path("review").path("documentSha256").isNull()).isTrue();

        // Before the sign-off nothing is amended; the chair signs off; afterwards amendments are appended, by the CISO and managers only.
        assertThat(client("ciso").postJson("/api/management-reviews/" + id + "/amendments", "{\"text\": \"x\", \"why\": \"y\"}").statusCode())
                .isEqualTo(409);
        var signed = client("ciso").postJson("/engine-rest/task/" + taskOf(instance) + "/complete", variables(Map.of("signOff", true)));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(204);
        EngineJobs.runAt(management, instance, ManagementReviewProcess.Task_RenderDocument);
        // The signed-off PDF is stored: every download is the same file, whose SHA-256 is the one recorded with the review.
        String recorded = json.readTree(client("auditor").get("/api/management-reviews/" + id).body()).path("review").path("documentSha256").asText();
        var first = client("auditor").getBytes("/api/management-reviews/" + id + "/document.pdf");
        var second = client("manager").getBytes("/api/management-reviews/" + id + "/document.pdf");
        assertThat(first.body()).isEqualTo(second.body());
        assertThat(org.vigil.platform.Sha256.hex(first.body())).isEqualTo(recorded);
        assertThat(first.headers().firstValue("ETag")).hasValue("\"" + recorded + "\"");
        try (var document = Loader.loadPDF(first.body())) {
            assertThat(new PDFTextStripper().getText(document)).doesNotContain("DRAFT").contains("Signed off");
        }
        assertThat(client("auditor").get("/api/management-reviews/" + id + "/document.html").body()).doesNotContain("DRAFT").contains(recorded);
        var noWhy = client("ciso").postJson("/api/management-reviews/" + id + "/amendments", "{\"text\": \"The DPO attended too\"}");
        assertThat(noWhy.statusCode()).isEqualTo(400);
        assertThat(json.readTree(noWhy.body()).path("field").asText()).isEqualTo("why");
        assertThat(client("auditor").postJson("/api/management-reviews/" + id + "/amendments", "{\"text\": \"x\", \"why\": \"y\"}").statusCode())
                .isEqualTo(403);
        var amended = client("manager").postJson("/api/management-reviews/" + id + "/amendments",
                "{\"text\": \"The DPO attended too\", \"why\": \"Left off the attendance list\"}");
        assertThat(amended.statusCode()).as(amended.body()).isEqualTo(201);
        JsonNode record = json.readTree(client("auditor").get("/api/management-reviews/" + id).body());
        assertThat(record.path("review").path("status").asText()).isEqualTo("SIGNED_OFF");
        assertThat(record.path("amendments").get(0).path("amendedBy").asText()).isEqualTo("manager");

        var pdf = client("auditor").getBytes("/api/management-reviews/" + id + "/document.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        // The amendment is in a new stored PDF, and the review's SHA-256 follows it.
        String amendedSha = record.path("review").path("documentSha256").asText();
        assertThat(amendedSha).isNotEqualTo(recorded).isEqualTo(org.vigil.platform.Sha256.hex(pdf.body()));
        assertThat(client("auditor").getBytes("/api/management-reviews/" + id + "/document.pdf").body()).isEqualTo(pdf.body());
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // Kept for a look, as the browser tests keep their screenshots.
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "documents"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "documents", "management-review.pdf"), pdf.body());
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("2025-Q3", "Encrypt backups", "The DPO attended too", "Actions from previous reviews");
        }
        assertThat(client("staff").getBytes("/api/management-reviews/" + id + "/document.pdf").statusCode()).isEqualTo(403);
        assertThat(client("manager").get("/api/management-reviews/" + id + "/document.html").body()).contains("2025-Q3");
    }

    private static double figure(JsonNode detail, String key) {
        for (JsonNode input : detail.path("pack")) {
            if (input.path("key").asText().equals(key)) {
                return input.path("input").path("figures").get(0).path("value").asDouble();
            }
        }
        throw new AssertionError("no input " + key);
    }

    private static String meetingSubmission(String day, List<Map<String, Object>> decisions) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("meetingDate", Map.of("value", day));
        variables.put("chair", Map.of("value", "ciso"));
        variables.put("attendees", Map.of("value", "ciso, manager, auditor"));
        variables.put("phiMinutes", Map.of("value", "The pack was reviewed"));
        var rows = new LinkedHashMap<String, Object>();
        rows.put("type", "Object");
        rows.put("value", json.writeValueAsString(decisions));
        rows.put("valueInfo", Map.of("objectTypeName", "java.util.List", "serializationDataFormat", "application/json"));
        variables.put("phiDecisions", rows);
        return json.writeValueAsString(Map.of("variables", variables));
    }

    private static String variables(Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return json.writeValueAsString(Map.of("variables", variables));
    }

    private String taskOf(String instance) {
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }
}
