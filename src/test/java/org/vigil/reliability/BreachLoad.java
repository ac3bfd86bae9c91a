package org.vigil.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A bounded load through Vigil's public APIs, as its users and client systems make it, recording in a {@link Ledger}
 * what Vigil acknowledged:
 * <ul>
 *   <li><b>timers</b>: reports of a breach of EU residents discovered almost 72 hours ago, so the GDPR authority's
 *       deadline (planned at once, provisionally) falls due during the run, whether a node is up then or not;</li>
 *   <li><b>walks</b>: reports of Texans' breaches taken through triage (privacy office), containment (IT operations),
 *       the upload of the affected people, investigation and risk assessment to the plan, then the notice to
 *       individuals prepared and approved (its letter batch), and its dispatch recorded once the letters are done;</li>
 *   <li><b>reads</b>: the SLA dashboard as a manager.</li>
 * </ul>
 * Every step reads where the incident stands before acting, so a step whose answer was lost to a kill is neither
 * repeated blindly nor skipped: the load goes on from what Vigil actually stored. Requests go to whichever node is up.
 */
final class BreachLoad {

    static final ObjectMapper json = new ObjectMapper();
    private static final int PEOPLE = 30;

    private final Supplier<List<String>> bases;
    private final Ledger ledger;
    private final Random random;
    private final Instant timersUntil;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, task -> {
        var thread = new Thread(task, "breach-load");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Future<?>> running = new ArrayList<>();

    /**
     * @param bases       the base URLs of the nodes that are up at the moment of each request
     * @param timersUntil deadlines of timer reports fall between a few seconds from their report and this
     */
    BreachLoad(Supplier<List<String>> bases, Ledger ledger, long seed, Instant timersUntil) {
        this.bases = bases;
        this.ledger = ledger;
        this.random = new Random(seed);
        this.timersUntil = timersUntil;
    }

    void start(int walkers) {
        running.add(workers.submit(this::reportTimers));
        for (int i = 0; i < walkers; i++) {
            running.add(workers.submit(this::walkBreaches));
        }
        running.add(workers.submit(this::readDashboard));
    }

    /** Asks the workers to finish what they are at (a walk ends at its next step) and waits for them. */
    void stop() throws Exception {
        stopping.set(true);
        for (var worker : running) {
            worker.get(10, java.util.concurrent.TimeUnit.MINUTES);
        }
        workers.shutdown();
    }

    private void reportTimers() {
        while (!stopping.get()) {
            long secondsLeft = Duration.between(Instant.now(), timersUntil).toSeconds();
            if (secondsLeft < 20) {
                return;
            }
            // The deadline 72 hours after discovery falls between 15 s from now and the end of the timer window.
            long dueIn = 15 + (long) (random.nextDouble() * (secondsLeft - 15));
            String discovered = OffsetDateTime.now(ZoneOffset.UTC).minusHours(72).plusSeconds(dueIn).truncatedTo(ChronoUnit.SECONDS).toString();
            report("{\"US-TX\": 2, \"EU-DE\": 3}", discovered).ifPresent(ledger.timerIncidents::add);
            pause(1500);
        }
    }

    private void walkBreaches() {
        while (!stopping.get()) {
            String discovered = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS).toString();
            var incident = report("{\"US-TX\": " + PEOPLE + "}", discovered);
            if (incident.isEmpty()) {
                return;
            }
            try {
                walk(incident.get());
            } catch (Stopped stopped) {
                return;
            }
        }
    }

    private void readDashboard() {
        String[] paths = {"/api/sla/summary", "/api/sla/overdue", "/api/sla/at-risk?days=7"};
        int i = 0;
        while (!stopping.get()) {
            send("manager", "GET", paths[i++ % paths.length], null, null).filter(response -> response.statusCode() == 200)
                    .ifPresent(ok -> ledger.reads.incrementAndGet());
            pause(700);
        }
    }

    /** Reports an incident under a fresh external reference, again under the same one until Vigil answers; its id. */
    private Optional<Long> report(String estimate, String discoveredAt) {
        String reference = "CRASH-" + runId + "-" + sequence.incrementAndGet();
        String body = """
                {"externalReference": "%s", "title": "Crash test incident", "description": "Generated by the crash test",
                 "occurredAt": "%s", "discoveredAt": "%s", "dataCategories": ["name", "diagnosis"], "affectedEstimate": %s}"""
                .formatted(reference, OffsetDateTime.parse(discoveredAt).minusDays(1), discoveredAt, estimate);
        while (!stopping.get()) {
            var answer = send("sysadmin", "POST", "/api/incidents", "application/json", body);
            if (answer.isPresent() && (answer.get().statusCode() == 201 || answer.get().statusCode() == 200)) {
                long id = read(answer.get()).path("id").asLong();
                ledger.reports.put(reference, id);
                return Optional.of(id);
            }
            pause(1000);
        }
        return Optional.empty();
    }

    /** One Texan breach from triage to the recorded dispatch of its individual notices. */
    private void walk(long incidentId) {
        String breach = "incident-" + incidentId;
        complete(breach, "privacy", "Task_TriageIncident", Map.of("patientDataInvolved", true, "patientCareAffected", false,
                "medicalDeviceInvolved", false, "insiderSuspected", false, "estimatedAffected", PEOPLE));
        complete(breach, "sysadmin", "Task_ContainIncident", Map.of("containedAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString(), "actIsolated", true));
        upload(incidentId);
        complete(breach, "privacy", "Task_InvestigateIncident", Map.of("affectedCounts", "US-TX: " + PEOPLE, "dataName", true,
                "dataDiagnosis", true, "role", "covered_entity", "lawEnforcementForm", "none"));
        var risk = new HashMap<String, Object>(Map.of("hipaaException", "none", "riskConclusion", "not_low_probability"));
        for (String factor : List.of("factorNature", "factorRecipient", "factorAcquired", "factorMitigation")) {
            risk.put(factor, "medium");
            risk.put("phi" + Character.toUpperCase(factor.charAt(0)) + factor.substring(1) + "Rationale", "Rationale for " + factor);
        }
        complete(breach, "privacy", "Task_AssessRisk", risk);
        // The plan is made by the job executor after the assessment.
        JsonNode incident = await("incident " + incidentId + " notifying", () -> get("privacy", "/api/incidents/" + incidentId)
                .filter(found -> found.path("status").asText().equals("NOTIFYING")));
        for (JsonNode obligation : incident.path("obligations")) {
            if (obligation.path("recipient").asText().equals("individuals")
                    && List.of("OPEN", "PREPARED", "APPROVED").contains(obligation.path("status").asText())) {
                notifyIndividuals(obligation.path("id").asLong());
            }
        }
    }

    private void notifyIndividuals(long obligationId) {
        String notice = "obligation-" + obligationId;
        complete(notice, "privacy", "Task_PrepareNotice", Map.of("phiNoticeWhatHappened", "Lab results were e-mailed to a wrong address.",
                "phiNoticeSteps", "Tell us if you receive mail about results that are not yours.",
                "phiNoticeWhatWeAreDoing", "We retrained staff and added an address check."));
        if (complete(notice, "privacy", "Task_ApproveNotice", Map.of("noticeApproved", true))) {
            ledger.approvedLetters.add(obligationId);
        }
        await("letters of obligation " + obligationId, () -> get("privacy", "/api/obligations/" + obligationId + "/letters")
                .filter(batch -> batch.path("status").asText().equals("DONE")));
        String proof = "USPS-" + runId + "-" + obligationId;
        if (complete(notice, "privacy", "Task_RecordDispatch", Map.of("sentAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString(),
                "channel", "first_class_mail", "proof", proof))) {
            ledger.dispatches.put(obligationId, proof);
        }
    }

    private void upload(long incidentId) {
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\n");
        for (int i = 1; i <= PEOPLE; i++) {
            csv.append("Person ").append(incidentId).append('-').append(i).append(",\"").append(i).append(" Elm Street\nAustin, TX\",,US-TX,true\n");
        }
        while (true) {
            var answer = send("privacy", "POST", "/api/incidents/" + incidentId + "/affected-individuals", "text/csv", csv.toString());
            if (answer.isPresent() && answer.get().statusCode() == 200) {
                ledger.uploads.put(incidentId, PEOPLE);
                return;
            }
            if (answer.isPresent() && answer.get().statusCode() < 500) {
                throw new IllegalStateException("Upload for incident " + incidentId + " refused: " + answer.get().statusCode() + " " + answer.get().body());
            }
            checkNotStopping();
            pause(1000);
        }
    }

    /**
     * Completes the open task {@code taskKey} of the process with that business key as {@code user}. Returns whether
     * this call's completion was acknowledged; false when the task was found done already (an earlier attempt whose
     * answer was lost completed it).
     */
    private boolean complete(String businessKey, String user, String taskKey, Map<String, Object> variables) {
        int refusals = 0;
        while (true) {
            checkNotStopping();
            var task = await(taskKey + " of " + businessKey, () -> openTask(businessKey, user));
            if (task.path("taskDefinitionKey").asText().equals("none")) {
                return false;
            }
            if (!task.path("taskDefinitionKey").asText().equals(taskKey)) {
                // Already past this step: an earlier attempt completed it.
                return false;
            }
            var body = json.createObjectNode();
            var values = body.putObject("variables");
            variables.forEach((name, value) -> values.putObject(name).putPOJO("value", value));
            String taskId = task.path("id").asText();
            var answer = send(user, "POST", "/engine-rest/task/" + taskId + "/complete", "application/json", body.toString());
            if (answer.isPresent() && answer.get().statusCode() == 204) {
                ledger.completedTasks.put(taskId, taskKey);
                return true;
            }
            if (answer.isPresent() && answer.get().statusCode() == 400) {
                // A valid completion refused: counted and shown; tried again from the state, three refusals end the run.
                ledger.refusals.add(taskKey + " of " + businessKey + ": " + answer.get().body());
                if (++refusals == 3) {
                    throw new IllegalStateException(taskKey + " of " + businessKey + " refused three times: " + answer.get().body());
                }
            }
            pause(1000);
        }
    }

    /**
     * The open task of a process as {@code user} sees it; a node "none" when the process has moved on to a task of
     * someone else or to none. Empty while that cannot be told (no node answers, or a job has yet to run).
     */
    private Optional<JsonNode> openTask(String businessKey, String user) {
        var tasks = get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
        if (tasks.isEmpty()) {
            return Optional.empty();
        }
        for (JsonNode task : tasks.get()) {
            if (!task.path("taskDefinitionKey").asText().equals("Task_FollowUpMissedNotice")) {
                return Optional.of(task);
            }
        }
        // No task of this user's: the process is between tasks (a job to run) or at someone else's.
        var others = get(user.equals("privacy") ? "sysadmin" : "privacy", "/engine-rest/task?processInstanceBusinessKey=" + businessKey);
        if (others.isPresent() && others.get().size() > 0) {
            return Optional.of(json.createObjectNode().put("taskDefinitionKey", "none"));
        }
        return Optional.empty();
    }

    private Optional<JsonNode> get(String user, String path) {
        return send(user, "GET", path, null, null).filter(response -> response.statusCode() == 200).map(BreachLoad::read);
    }

    /** Waits until {@code probe} gives a value; at most five minutes (a node's restart and its jobs' lock expiry). */
    private JsonNode await(String what, Supplier<Optional<JsonNode>> probe) {
        long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (System.nanoTime() < until) {
            checkNotStopping();
            var value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            pause(500);
        }
        throw new IllegalStateException("Gave up waiting for " + what);
    }

    /** One request to a node that is up; empty when none answered (then the outcome is unknown). */
    private Optional<HttpResponse<String>> send(String user, String method, String path, String contentType, String body) {
        var up = bases.get();
        if (up.isEmpty()) {
            ledger.unanswered.incrementAndGet();
            pause(500);
            return Optional.empty();
        }
        String base = up.get(random.nextInt(up.size()));
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                ledger.unanswered.incrementAndGet();
            }
            return Optional.of(response);
        } catch (IOException e) {
            ledger.unanswered.incrementAndGet();
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + response.body(), e);
        }
    }

    private void checkNotStopping() {
        if (stopping.get()) {
            throw new Stopped();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** The run is over: the walk ends where it is. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
