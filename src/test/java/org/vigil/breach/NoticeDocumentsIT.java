package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * From an approved notice to individuals, the privacy officer previews the letter, gets the print batch with its
 * manifest, and the batch's checksum becomes the dispatch proof; the steps as the demo user "privacy" does them
 * through the engine's REST API (what Tasklist calls).
 */
@VigilSpringTest
class NoticeDocumentsIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired ObligationRepository obligations;
    @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
    @org.springframework.beans.factory.annotation.Value("${vigil.documents.batch-dir}") java.nio.file.Path batchRoot;
    @org.springframework.beans.factory.annotation.Value("${vigil.documents.purge-after:P30D}") Duration purgeAfter;
    @Autowired org.vigil.documents.Documents documents;

    @Test
    void anApprovedNoticeToIndividualsGivesAPreviewedLetterAndACompletePrintBatch() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        long incidentId = json.readTree(new WebClient(port).as("sysadmin", "demo").postJson("/api/incidents", """
                {"title": "Stolen laptop", "occurredAt": "2026-03-01T08:00:00-06:00", "discoveredAt": "2026-03-03T10:15:00-06:00",
                 "dataCategories": ["name", "diagnosis"], "affectedEstimate": {"US-TX": 30}}""").body()).path("id").asLong();

        // The list: a bad row is refused by line, nothing kept; the good list's counts come back.
        var refused = privacy.post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv",
                "name,postal_address,email,jurisdiction,contact_valid\nAna Diaz,1 Elm St,,US-TX,true\nBo Park,2 Oak St,,Texas,true\n");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json.readTree(refused.body()).path("problems").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(refused.body()).doesNotContain("Bo Park");
        var counts = privacy.post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv", PlannedBreach.people(25, 2));
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(json.readTree(counts.body()).path("byJurisdiction").path("US-TX").asInt()).isEqualTo(25);
        assertThat(new WebClient(port).as("staff", "demo").post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv",
                PlannedBreach.people(1, 0)).statusCode()).isIn(403, 404);

        PlannedBreach.plan(incidentId, "US-TX: 30", runtime, tasks, management);

        var individuals = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(obligation -> obligation.recipient().equals("individuals")).findFirst().orElseThrow();
        long obligationId = individuals.id();
        String notice = PlannedBreach.obligationProcess(runtime, obligationId);

        // Prepared without the steps people should take: the letter names what it lacks, and cannot be approved.
        completeAsPrivacy(privacy, notice, Map.of("phiNoticeWhatHappened", "A laptop with charts was stolen from a car.",
                "phiNoticeWhatWeAreDoing", "We encrypted every laptop and told the police."));
        assertThat(json.readTree(privacy.get("/api/obligations/" + obligationId + "/notice/missing-facts").body())
                .path("INDIVIDUAL_NOTICE").toString()).contains("stepsForIndividuals");
        var blocked = completeAsPrivacy(privacy, notice, Map.of("noticeApproved", true));
        // A task listener's refusal is bad input: 400 with its message, no trace.
        assertThat(blocked.statusCode()).isEqualTo(400);
        assertThat(blocked.body()).contains("The notice cannot be approved: the individual notice lacks what the affected people should do to protect themselves.")
                .doesNotContain("at org.");
        completeAsPrivacy(privacy, notice, Map.of("noticeApproved", false, "phiSendBackReason", "Say what people should do"));
        completeAsPrivacy(privacy, notice, Map.of("phiNoticeWhatHappened", "A laptop with charts was stolen from a car.",
                "phiNoticeSteps", "Watch your insurer's statements.", "phiNoticeWhatWeAreDoing", "We encrypted every laptop and told the police."));
        assertThat(runtime.getVariables(notice).keySet()).noneMatch(name -> name.startsWith("phi"));

        // The preview: the first person's letter with every element, and the same as PDF.
        var preview = privacy.get("/api/obligations/" + obligationId + "/notice");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Dear Person 1,", "A laptop with charts was stolen", "March 1, 2026", "March 3, 2026",
                "Names", "Diagnosis", "Watch your insurer", "We encrypted every laptop", "1-800-555-0100");
        var pdf = privacy.getBytes("/api/obligations/" + obligationId + "/notice?format=pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(privacy.get("/api/obligations/" + obligationId + "/notice?kind=substitute-notice").body()).contains("90 days");
        assertThat(new WebClient(port).as("staff", "demo").get("/api/obligations/" + obligationId + "/notice").statusCode()).isEqualTo(403);

        // Approval starts the print batch: a letter per reachable person, manifest, checksum.
        assertThat(completeAsPrivacy(privacy, notice, Map.of("noticeApproved", true)).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                json.readTree(privacy.get("/api/obligations/" + obligationId + "/letters").body()).path("status").asText().equals("DONE"));
        JsonNode batch = json.readTree(privacy.get("/api/obligations/" + obligationId + "/letters").body());
        assertThat(batch.path("total").asInt()).isEqualTo(23);
        var archive = privacy.getBytes("/api/obligations/" + obligationId + "/letters/archive");
        assertThat(archive.statusCode()).isEqualTo(200);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive.body()));
        assertThat(sha256).isEqualTo(batch.path("archiveSha256").asText()).isEqualTo(archive.headers().firstValue("X-Archive-SHA256").orElseThrow());
        int letters;
        String manifest;
        var file = java.nio.file.Files.createTempFile("letters", ".zip");
        java.nio.file.Files.write(file, archive.body());
        try (var zip = new java.util.zip.ZipFile(file.toFile())) {
            letters = (int) zip.stream().filter(entry -> entry.getName().endsWith(".pdf")).count();
            manifest = new String(zip.getInputStream(zip.getEntry("manifest.csv")).readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(letters).isEqualTo(23);
        assertThat(manifest).startsWith("sequence,file,name,postal_address,email,jurisdiction,sha256").contains("Person 23");

        // The dispatch record carries the print file's checksum.
        completeAsPrivacy(privacy, notice, Map.of("sentAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS).toString(),
                "channel", "first_class_mail", "proof", "USPS manifest 42"));
        var sent = obligations.findById(obligationId).orElseThrow();
        // Discovered in March 2026: the 60 days are long gone, so the notice is recorded as sent late.
        assertThat(sent.status()).isEqualTo(ObligationStatus.SENT_LATE);
        assertThat(sent.toView().proof()).contains("USPS manifest 42", sha256);
    }

    @Test
    void correctedCountsAndThenAnUploadedListOfSixHundredTexansBringTheAttorneyGeneralTheMediaAndHhsWithinSixtyDays() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        long incidentId = json.readTree(new WebClient(port).as("sysadmin", "demo").postJson("/api/incidents", """
                {"title": "Misrouted mailing", "discoveredAt": "2026-03-03T10:15:00-06:00", "dataCategories": ["name"],
                 "affectedEstimate": {"US-TX": 30}}""").body()).path("id").asLong();
        assertThat(privacy.post("/api/incidents/" + incidentId + "/replan", "application/json", "").statusCode()).isEqualTo(409);
        PlannedBreach.plan(incidentId, "US-TX: 30", runtime, tasks, management);
        assertThat(duties(incidentId)).doesNotContainKey("media/US-TX");
        assertThat(duties(incidentId).get("hhs/US").toView().deadlineRule()).isEqualTo("annual_log_by");

        // Corrected counts by hand: 300 Texans pass the Texas attorney general's threshold of 250.
        var bad = privacy.postJson("/api/incidents/" + incidentId + "/facts", "{\"affectedCounts\": {\"Texas\": 300}}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("affectedCounts");
        assertThat(privacy.postJson("/api/incidents/" + incidentId + "/facts", "{\"affectedCounts\": {\"US-TX\": 300}}").statusCode()).isEqualTo(200);
        assertThat(duties(incidentId)).containsKey("state_ag:TX/US-TX").doesNotContainKey("media/US-TX");

        long individuals = duties(incidentId).get("individuals/US").id();
        // The upload plans again by itself.
        privacy.post("/api/incidents/" + incidentId + "/affected-individuals?complete=true", "text/csv", PlannedBreach.people(600, 0));

        var media = duties(incidentId).get("media/US-TX");
        assertThat(media).isNotNull();
        assertThat(duties(incidentId).get("individuals/US").id()).isEqualTo(individuals);
        assertThat(PlannedBreach.obligationProcess(runtime, media.id())).isNotNull();
        assertThat(duties(incidentId).get("hhs/US").toView().deadlineRule()).startsWith("contemporaneous_with");
        var replanned = privacy.post("/api/incidents/" + incidentId + "/replan", "application/json", "");
        assertThat(replanned.statusCode()).isEqualTo(200);
        assertThat(json.readTree(replanned.body()).path("startedObligations")).as("nothing new on a second plan").isEmpty();
        assertThat(new WebClient(port).as("staff", "demo").post("/api/incidents/" + incidentId + "/replan", "application/json", "")
                .statusCode()).isIn(403, 404);

        // Fewer people after all (the complete list had duplicates): the media notice goes once the privacy office confirms.
        privacy.post("/api/incidents/" + incidentId + "/affected-individuals?complete=true", "text/csv", PlannedBreach.people(30, 0));
        assertThat(obligations.findById(media.id()).orElseThrow().status()).as("no withdrawal without confirmation").isEqualTo(ObligationStatus.OPEN);
        String breach = runtime.createProcessInstanceQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                .singleResult().getId();
        var confirmation = tasks.createTaskQuery().processInstanceId(breach).taskDefinitionKey(BreachResponseProcess.Task_ConfirmPlanChange).singleResult();
        var body = json.createObjectNode();
        body.putObject("variables").putObject("planChangeDecision").put("value", "withdraw");
        assertThat(privacy.postJson("/engine-rest/task/" + confirmation.getId() + "/complete", json.writeValueAsString(body)).statusCode())
                .isEqualTo(204);
        var withdrawn = obligations.findById(media.id()).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(ObligationStatus.WITHDRAWN);
        assertThat(withdrawn.toView().computation()).contains("Withdrawn").contains("by privacy");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(NotificationObligationProcess.businessKey(media.id())).count()).isZero();
        assertThat(duties(incidentId).get("individuals/US").status()).isEqualTo(ObligationStatus.OPEN);

        // And back: 600 again makes the media notice owed again, with a new process.
        privacy.post("/api/incidents/" + incidentId + "/affected-individuals?complete=true", "text/csv", PlannedBreach.people(600, 0));
        assertThat(obligations.findById(media.id()).orElseThrow().status()).isEqualTo(ObligationStatus.OPEN);
        assertThat(PlannedBreach.obligationProcess(runtime, media.id())).isNotNull();
    }

    @Test
    void thePrintFileIsSealedAtRestOpenedOnlyForThePrivacyOfficeAndPurgedAfterTheDispatchWithItsEvidenceKept() throws Exception {
        var privacy = new WebClient(port).as("privacy", "demo");
        long incidentId = json.readTree(new WebClient(port).as("sysadmin", "demo").postJson("/api/incidents", """
                {"title": "Lost backup tape", "occurredAt": "2026-03-01T08:00:00-06:00", "discoveredAt": "2026-03-03T10:15:00-06:00",
                 "dataCategories": ["name"], "affectedEstimate": {"US-TX": 12}}""").body()).path("id").asLong();
        // Names and streets no other test uses, so that finding one in a file can only mean this batch leaked it.
        String token = "Zq" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var names = new java.util.ArrayList<String>();
        var streets = new java.util.ArrayList<String>();
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\n");
        for (int i = 1; i <= 12; i++) {
            names.add("Ana " + token + i);
            streets.add(i + " " + token + " Lane");
            csv.append(names.get(i - 1)).append(",\"").append(streets.get(i - 1)).append("\nAustin, TX 78701\",,US-TX,true\n");
        }
        assertThat(privacy.post("/api/incidents/" + incidentId + "/affected-individuals", "text/csv", csv.toString()).statusCode()).isEqualTo(200);
        PlannedBreach.plan(incidentId, "US-TX: 12", runtime, tasks, management);
        long obligationId = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(obligation -> obligation.recipient().equals("individuals")).findFirst().orElseThrow().id();
        String notice = PlannedBreach.obligationProcess(runtime, obligationId);
        completeAsPrivacy(privacy, notice, Map.of("phiNoticeWhatHappened", "A backup tape was lost in transit.",
                "phiNoticeSteps", "Watch your insurer's statements.", "phiNoticeWhatWeAreDoing", "We moved to encrypted backups."));
        assertThat(completeAsPrivacy(privacy, notice, Map.of("noticeApproved", true)).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                json.readTree(privacy.get("/api/obligations/" + obligationId + "/letters").body()).path("status").asText().equals("DONE"));
        JsonNode batch = json.readTree(privacy.get("/api/obligations/" + obligationId + "/letters").body());
        var directory = java.nio.file.Path.of(jdbc.queryForObject("select directory from letter_batch where id = ?", String.class,
                batch.path("id").asLong()));

        // At rest: no file under the batch folder holds a name or a street, not even inside a ZIP; owner-only.
        try (var files = java.nio.file.Files.walk(batchRoot)) {
            for (var file : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                assertThat(plaintextOf(file)).as("%s", file).doesNotContain(token);
            }
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try (var files = java.nio.file.Files.walk(directory)) {
                for (var path : files.toList()) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(path)))
                            .as("%s", path).isEqualTo(java.nio.file.Files.isDirectory(path) ? "rwx------" : "rw-------");
                }
            }
        }

        // The privacy office downloads the print file as the print house gets it, with the checksum that was recorded.
        var archive = privacy.getBytes("/api/obligations/" + obligationId + "/letters/archive");
        assertThat(archive.statusCode()).isEqualTo(200);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive.body()));
        assertThat(sha256).isEqualTo(batch.path("archiveSha256").asText());
        String manifest;
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(archive.body()))) {
            var letters = new java.util.ArrayList<String>();
            String found = null;
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals("manifest.csv")) {
                    found = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                } else {
                    letters.add(entry.getName());
                }
            }
            assertThat(letters).hasSize(12);
            manifest = found;
        }
        assertThat(manifest).contains(names.get(0), streets.get(11));
        String manifestSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(manifest.getBytes(StandardCharsets.UTF_8)));
        assertThat(manifestSha256).isEqualTo(batch.path("manifestSha256").asText());
        for (String user : new String[] {"auditor", "ciso", "manager", "staff", "sysadmin"}) {
            var refused = new WebClient(port).as(user, "demo").getBytes("/api/obligations/" + obligationId + "/letters/archive");
            assertThat(refused.statusCode()).as(user).isIn(403, 404);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).as(user).doesNotContain(token);
        }

        // The dispatch is recorded with the checksums; the files stay for the grace period after it, then go.
        var sentAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).truncatedTo(ChronoUnit.SECONDS);
        completeAsPrivacy(privacy, notice, Map.of("sentAt", sentAt.toString(), "channel", "first_class_mail", "proof", "USPS manifest 7"));
        documents.purgeDispatchedLetters(sentAt.toInstant().plus(purgeAfter).minusSeconds(1));
        assertThat(directory).isDirectory();
        assertThat(privacy.getBytes("/api/obligations/" + obligationId + "/letters/archive").statusCode()).isEqualTo(200);

        documents.purgeDispatchedLetters(sentAt.toInstant().plus(purgeAfter));
        assertThat(directory).doesNotExist();
        var gone = privacy.get("/api/obligations/" + obligationId + "/letters/archive");
        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json.readTree(gone.body()).path("title").asText()).isEqualTo("The print file was purged after the dispatch");
        assertThat(json.readTree(gone.body()).path("archiveSha256").asText()).isEqualTo(sha256);
        assertThat(gone.body()).doesNotContain(token);
        JsonNode kept = json.readTree(privacy.get("/api/obligations/" + obligationId + "/letters").body());
        assertThat(kept.path("status").asText()).isEqualTo("DONE");
        assertThat(kept.path("total").asInt()).isEqualTo(12);
        assertThat(kept.path("archiveSha256").asText()).isEqualTo(sha256);
        assertThat(kept.path("manifestSha256").asText()).isEqualTo(manifestSha256);
        assertThat(kept.path("purgedAt").isTextual()).isTrue();
        assertThat(obligations.findById(obligationId).orElseThrow().toView().proof()).contains("USPS manifest 7", sha256, manifestSha256);
        // Purging again (another node, the next run) changes nothing.
        documents.purgeDispatchedLetters(sentAt.toInstant().plus(purgeAfter).plusSeconds(60));
        assertThat(json.readTree(privacy.get("/api/obligations/" + obligationId + "/letters").body()).path("purgedAt")).isEqualTo(kept.path("purgedAt"));
    }

    /** The bytes of a file, and of every entry inside it when it can be read as a ZIP, as text. */
    private static String plaintextOf(java.nio.file.Path file) throws java.io.IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        var text = new StringBuilder(new String(bytes, StandardCharsets.UTF_8));
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (java.io.IOException | IllegalArgumentException notAZip) {
            // Not a ZIP: its bytes alone are what a reader of the disk gets.
        }
        return text.toString();
    }

    private Map<String, Obligation> duties(long incidentId) {
        var duties = new java.util.HashMap<String, Obligation>();
        // The duties the plan holds now: one the plan dropped (HHS's annual log once 500 are affected) waits to go.
        obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream().filter(Obligation::isInPlan)
                .forEach(o -> duties.put(o.recipient() + "/" + o.jurisdiction(), o));
        return duties;
    }

    private java.net.http.HttpResponse<String> completeAsPrivacy(WebClient privacy, String processInstanceId, Map<String, Object> variables) throws Exception {
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        var body = json.createObjectNode();
        var vars = body.putObject("variables");
        variables.forEach((name, value) -> vars.putObject(name).putPOJO("value", value));
        return privacy.postJson("/engine-rest/task/" + taskId + "/complete", json.writeValueAsString(body));
    }
}
