package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.accessreview.AccessReviewProcess;
import org.vigil.accessreview.AccessReviewVariables;
import org.vigil.accessreview.AccessRevocationProcess;
import org.vigil.accessreview.AccessRevocationVariables;
import org.vigil.breach.BreachResponseProcess;
import org.vigil.breach.BreachResponseVariables;
import org.vigil.breach.NotificationObligationProcess;
import org.vigil.breach.NotificationObligationVariables;
import org.vigil.breach.PlannedBreach;

/**
 * Who may start and steer which process, as the demo user of each group tries it through the engine's REST API:
 * every process definition x every group x {start, complete a task with a variable its form does not offer,
 * correlate a message}. The expected answers are the start rights of seeds/identity/groups-and-grants.yaml.
 */
@VigilSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessSteeringIT {

    static final ObjectMapper json = new ObjectMapper();

    /** The demo user of each group. */
    static final Map<String, String> USERS = new LinkedHashMap<>();
    static {
        USERS.put("staff", "staff");
        USERS.put("privacy-office", "privacy");
        USERS.put("ciso", "ciso");
        USERS.put("managers", "manager");
        USERS.put("auditors", "auditor");
        USERS.put("it-operations", "sysadmin");
        USERS.put("camunda-admin", "admin");
    }

    /** The start rights as the seeds give them; administrators start what anyone may start. */
    static final Map<String, Set<String>> STARTERS = Map.of(
            BreachResponseProcess.KEY, Set.of("staff", "privacy-office", "ciso", "managers", "auditors", "it-operations", "camunda-admin"),
            "isms-follow-up", Set.of("privacy-office", "ciso", "managers", "camunda-admin"),
            // Started by Vigil only (or, for the access review, through POST /api/access-reviews/campaigns).
            AccessReviewProcess.KEY, Set.of(),
            NotificationObligationProcess.KEY, Set.of(),
            AccessRevocationProcess.KEY, Set.of(),
            // Started by Vigil when a mail's attempts ran out.
            "mail-delivery-failed", Set.of(),
            // Started by Vigil when something raises an action (or through POST /api/corrective-actions).
            org.vigil.correctiveaction.CorrectiveActionProcess.KEY, Set.of());

    /** One open task per process, who works on it, and the variable that binds its instance to Vigil's record. */
    record OpenTask(String processKey, String taskId, String processInstanceId, Set<String> workers, String bindingVariable) {}

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired org.vigil.correctiveaction.CorrectiveActions correctiveActions;

    final Map<String, OpenTask> openTasks = new LinkedHashMap<>();
    final List<String> started = new ArrayList<>();

    @BeforeAll
    void oneOpenTaskInEveryProcess() throws Exception {
        // Breach response, waiting at triage; a second incident planned through to its notification obligations.
        long incident = report("Laptop stolen from a car");
        String breach = breachOf(incident);
        openTasks.put(BreachResponseProcess.KEY, open(BreachResponseProcess.KEY, breach, Set.of("privacy-office"),
                BreachResponseVariables.INCIDENT_ID.name()));
        long planned = report("Misdirected fax");
        PlannedBreach.plan(planned, "US-TX: 600", runtime, tasks, management);
        started.add(breachOf(planned));
        String obligation = runtime.createProcessInstanceQuery().processDefinitionKey(NotificationObligationProcess.KEY)
                .variableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), planned).list().get(0).getId();
        openTasks.put(NotificationObligationProcess.KEY, open(NotificationObligationProcess.KEY, obligation, Set.of("privacy-office"),
                NotificationObligationVariables.OBLIGATION_ID.name()));

        // An access review of the demo systems, a revoke decision, and the revocation it starts.
        String review = demoAccessReview();
        openTasks.put(AccessReviewProcess.KEY, open(AccessReviewProcess.KEY, review, Set.of("managers", "ciso"),
                AccessReviewVariables.CAMPAIGN_ID.name()));
        openTasks.put(AccessRevocationProcess.KEY, openRevocation(review));

        // A mail given up: IT operations decide whether to send it again (the engine starts it as Vigil would).
        String failedMail = runtime.startProcessInstanceByKey("mail-delivery-failed", "mail-999999", Map.of("mailId", 999_999L)).getId();
        started.add(failedMail);
        openTasks.put("mail-delivery-failed", open("mail-delivery-failed", failedMail, Set.of("it-operations"), "mailId"));

        // A corrective action, as an audit or a person raises it: IT operations corrects it at once.
        long action = correctiveActions.raise(new org.vigil.correctiveaction.RaiseAction(new org.vigil.correctiveaction.ActionSource(
                org.vigil.correctiveaction.ActionSource.MANUAL, "manual:" + java.util.UUID.randomUUID()), "minor", "it-operations",
                "Steering test action", "ciso", null, false));
        String correction = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(org.vigil.correctiveaction.CorrectiveActionProcess.businessKey(action)).singleResult().getId();
        started.add(correction);
        openTasks.put(org.vigil.correctiveaction.CorrectiveActionProcess.KEY, open(org.vigil.correctiveaction.CorrectiveActionProcess.KEY,
                correction, Set.of("it-operations"), org.vigil.correctiveaction.CorrectiveActionVariables.ACTION_ID.name()));

        String followUp = runtime.startProcessInstanceByKey("isms-follow-up",
                Map.of("topic", "control-check", "candidateGroup", "privacy-office", "dueDate", "2030-06-30")).getId();
        started.add(followUp);
        openTasks.put("isms-follow-up", open("isms-follow-up", followUp, Set.of("privacy-office"), "candidateGroup"));
    }

    @AfterAll
    void removeWhatThisTestStarted() {
        for (String instance : started) {
            if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
                runtime.deleteProcessInstance(instance, "test done", true);
            }
        }
    }

    static Stream<Arguments> processesAndGroups() {
        return STARTERS.keySet().stream().sorted().flatMap(process -> USERS.keySet().stream().map(group -> Arguments.of(process, group)));
    }

    @ParameterizedTest(name = "{1} starting {0}")
    @MethodSource("processesAndGroups")
    void onlyTheGroupsTheSeedsNameStartAProcessAndOnlyThroughItsStartForm(String process, String group) throws Exception {
        var response = as(group).postJson("/engine-rest/process-definition/key/" + process + "/submit-form",
                variables(startForm(process)));

        if (STARTERS.get(process).contains(group)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            started.add(json.readTree(response.body()).path("id").asText());
        } else {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "{1} completing {0} with its binding variable")
    @MethodSource("processesAndGroups")
    void aTaskCompletionThatWritesAVariableItsFormDoesNotOfferIsRefused(String process, String group) throws Exception {
        OpenTask task = openTasks.get(process);
        Object before = runtime.getVariable(task.processInstanceId(), task.bindingVariable());

        var response = as(group).postJson("/engine-rest/task/" + task.taskId() + "/complete",
                variables(Map.of(task.bindingVariable(), before instanceof Number ? 999_999 : "forged")));

        if (task.workers().contains(group) || group.equals("camunda-admin")) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains(task.bindingVariable());
        } else {
            assertThat(response.statusCode()).as(response.body()).isIn(403, 404);
        }
        assertThat(tasks.createTaskQuery().taskId(task.taskId()).count()).as("the task is still open").isEqualTo(1);
        assertThat(runtime.getVariable(task.processInstanceId(), task.bindingVariable())).isEqualTo(before);
    }

    @ParameterizedTest(name = "{1} correlating a message to {0}")
    @MethodSource("processesAndGroups")
    void messagesAndSignalsAreForAdministratorsOnly(String process, String group) throws Exception {
        OpenTask task = openTasks.get(process);
        String message = switch (process) {
            case AccessReviewProcess.KEY -> AccessReviewProcess.Message_AccessReviewRequested;
            case BreachResponseProcess.KEY -> BreachResponseProcess.Message_ObligationsSettled;
            default -> "AnyMessage";
        };
        String body = group.equals("camunda-admin")
                // An administrator passes the guard; the engine then finds nothing waiting for this message.
                ? "{\"messageName\": \"NoSuchMessage\", \"processInstanceId\": \"" + task.processInstanceId() + "\"}"
                : "{\"messageName\": \"" + message + "\", \"processVariables\": {\"startedBy\": {\"value\": \"ciso\"}}}";

        var correlation = as(group).postJson("/engine-rest/message", body);
        var signal = as(group).postJson("/engine-rest/signal", "{\"name\": \"" + message + "\"}");

        if (group.equals("camunda-admin")) {
            assertThat(correlation.statusCode()).as(correlation.body()).isEqualTo(400);
            assertThat(correlation.body()).doesNotContain("started only by Vigil");
        } else {
            assertThat(correlation.statusCode()).as(correlation.body()).isEqualTo(403);
            assertThat(signal.statusCode()).as(signal.body()).isEqualTo(403);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(task.processInstanceId()).count()).isEqualTo(1);
    }

    @Test
    void notEvenAnAdministratorStartsAProcessByItsMessageNorChangesAnInstancesVariables() throws Exception {
        var admin = as("camunda-admin");
        long reviews = runtime.createProcessInstanceQuery().processDefinitionKey(org.vigil.managementreview.ManagementReviewProcess.KEY).count();
        // The management review's start message, with a forged starter and a kind its API would refuse.
        var forgedStart = admin.postJson("/engine-rest/message", "{\"messageName\": \""
                + org.vigil.managementreview.ManagementReviewProcess.Message_ReviewRequested
                + "\", \"processVariables\": {\"startedBy\": {\"value\": \"ciso\"}, \"reviewKind\": {\"value\": \"weekly\"}}}");
        assertThat(forgedStart.statusCode()).as(forgedStart.body()).isEqualTo(403);
        assertThat(forgedStart.body()).contains("starts a process").contains("POST /api/management-reviews");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(org.vigil.managementreview.ManagementReviewProcess.KEY).count())
                .isEqualTo(reviews);

        OpenTask triage = openTasks.get(BreachResponseProcess.KEY);
        Object before = runtime.getVariable(triage.processInstanceId(), triage.bindingVariable());
        var put = admin.putJson("/engine-rest/process-instance/" + triage.processInstanceId() + "/variables/" + triage.bindingVariable(),
                "{\"value\": 999999, \"type\": \"Long\"}");
        var modify = admin.postJson("/engine-rest/process-instance/" + triage.processInstanceId() + "/variables",
                "{\"modifications\": {\"severity\": {\"value\": \"low\"}}}");
        var remove = admin.delete("/engine-rest/process-instance/" + triage.processInstanceId() + "/variables/" + triage.bindingVariable());
        var taskLocal = admin.putJson("/engine-rest/task/" + triage.taskId() + "/localVariables/severity", "{\"value\": \"low\"}");
        assertThat(List.of(put.statusCode(), modify.statusCode(), remove.statusCode(), taskLocal.statusCode()))
                .as(put.body()).containsOnly(403);
        assertThat(runtime.getVariable(triage.processInstanceId(), triage.bindingVariable())).isEqualTo(before);
        assertThat(tasks.createTaskQuery().processInstanceId(triage.processInstanceId()).count()).isEqualTo(1);
    }

    @Test
    void aStartCarriesOnlyItsStartFormsFieldsSoTheReporterIsWhoeverLoggedIn() throws Exception {
        Map<String, Object> forged = new LinkedHashMap<>(startForm(BreachResponseProcess.KEY));
        forged.put("reportedBy", "ciso");
        var refused = as("staff").postJson("/engine-rest/process-definition/key/breach-response/submit-form", variables(forged));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("reportedBy");

        var reported = as("staff").postJson("/engine-rest/process-definition/key/breach-response/start",
                variables(startForm(BreachResponseProcess.KEY)));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        String instance = json.readTree(reported.body()).path("id").asText();
        started.add(instance);
        assertThat(runtime.getVariable(instance, BreachResponseVariables.REPORTED_BY.name())).isEqualTo("staff");

        var instructions = as("camunda-admin").postJson("/engine-rest/process-definition/key/breach-response/start",
                """
                {"startInstructions": [{"type": "startBeforeActivity", "activityId": "%s"}], "skipCustomListeners": true}"""
                        .formatted(BreachResponseProcess.Task_ReviewPostIncident));
        assertThat(instructions.statusCode()).as("not even an administrator skips the intake").isEqualTo(403);

        String definition = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
        var restart = as("privacy-office").postJson("/engine-rest/process-definition/" + definition + "/restart",
                "{\"processInstanceIds\": [\"" + instance + "\"], \"instructions\": [{\"type\": \"startBeforeActivity\","
                        + " \"activityId\": \"" + BreachResponseProcess.Task_ReviewPostIncident + "\"}]}");
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(403);
    }

    @Test
    void aFieldOfTheRightNameMustHaveTheFormsTypeAndOneOfItsOptions() throws Exception {
        OpenTask triage = openTasks.get(BreachResponseProcess.KEY);
        var wrongType = as("privacy-office").postJson("/engine-rest/task/" + triage.taskId() + "/complete",
                variables(Map.of("patientDataInvolved", "yes")));
        assertThat(wrongType.statusCode()).as(wrongType.body()).isEqualTo(400);
        assertThat(wrongType.body()).contains("patientDataInvolved").contains("true or false");

        OpenTask followUp = openTasks.get("isms-follow-up");
        var notAnOption = as("privacy-office").postJson("/engine-rest/task/" + followUp.taskId() + "/complete",
                variables(Map.of("outcome", "carrier_pigeon")));
        assertThat(notAnOption.statusCode()).as(notAnOption.body()).isEqualTo(400);
        assertThat(notAnOption.body()).contains("outcome").doesNotContain("carrier_pigeon");
        assertThat(tasks.createTaskQuery().taskId(followUp.taskId()).count()).isEqualTo(1);
    }

    @Test
    void aTasksWorkersChangeNeitherItsVariablesNorTheTaskItselfBesideTheForm() throws Exception {
        OpenTask triage = openTasks.get(BreachResponseProcess.KEY);
        var privacy = as("privacy-office");

        var variables = privacy.postJson("/engine-rest/task/" + triage.taskId() + "/variables",
                "{\"modifications\": {\"incidentId\": {\"value\": 999999}}}");
        var local = privacy.putJson("/engine-rest/task/" + triage.taskId() + "/localVariables/severity", "{\"value\": \"low\"}");
        var instance = privacy.postJson("/engine-rest/process-instance/" + triage.processInstanceId() + "/variables",
                "{\"modifications\": {\"incidentId\": {\"value\": 999999}}}");
        var dueDate = privacy.putJson("/engine-rest/task/" + triage.taskId(), "{\"name\": \"Nothing to do\", \"due\": \"2099-01-01T00:00:00.000+0000\"}");

        assertThat(List.of(variables.statusCode(), local.statusCode(), instance.statusCode(), dueDate.statusCode())).containsOnly(403);
        assertThat(runtime.getVariable(triage.processInstanceId(), triage.bindingVariable())).isNotEqualTo(999_999);
        assertThat(tasks.createTaskQuery().taskId(triage.taskId()).singleResult().getName())
                .isEqualTo("Triage incident " + runtime.getVariable(triage.processInstanceId(), BreachResponseVariables.INCIDENT_ID.name()));

        // Claiming and handing the task on stay possible.
        assertThat(privacy.postJson("/engine-rest/task/" + triage.taskId() + "/claim", "{\"userId\": \"privacy\"}").statusCode()).isEqualTo(204);
        assertThat(privacy.postJson("/engine-rest/task/" + triage.taskId() + "/unclaim", "{}").statusCode()).isEqualTo(204);
    }

    @Test
    void tasklistsOwnApiHoldsTheSameLine() throws Exception {
        var tasklist = new WebClient(port);
        assertThat(tasklist.webappLogin("tasklist", "privacy", "demo").statusCode()).isEqualTo(200);
        // The session's CSRF token comes with the first page after the login, as in the browser.
        assertThat(tasklist.get("/camunda/api/engine/engine/default/filter").statusCode()).isEqualTo(200);
        OpenTask triage = openTasks.get(BreachResponseProcess.KEY);

        var forged = tasklist.webappPostJson("/camunda/api/engine/engine/default/task/" + triage.taskId() + "/submit-form",
                variables(Map.of("incidentId", 999_999)));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("incidentId");

        var internal = tasklist.webappPostJson("/camunda/api/engine/engine/default/process-definition/key/notification-obligation/submit-form",
                variables(Map.of("obligationId", 1)));
        assertThat(internal.statusCode()).as(internal.body()).isEqualTo(403);

        JsonNode startable = json.readTree(tasklist.get(
                "/camunda/api/engine/engine/default/process-definition?latest=true&active=true&startableInTasklist=true"
                        + "&startablePermissionCheck=true").body());
        assertThat(startable.findValuesAsText("key")).containsExactlyInAnyOrder(BreachResponseProcess.KEY, "isms-follow-up");
    }

    @Test
    void onlyManagersAndTheCisoStartAnAccessReviewAndItRecordsWhoDid() throws Exception {
        for (String group : USERS.keySet()) {
            if (!Set.of("managers", "ciso", "camunda-admin").contains(group)) {
                assertThat(as(group).postJson("/api/access-reviews/campaigns", "{\"systems\": [\"ehr-gateway\"]}").statusCode())
                        .as(group).isEqualTo(403);
            }
        }
        var byCiso = as("ciso").postJson("/api/access-reviews/campaigns", "{\"systems\": [\"ehr-gateway\"]}");
        assertThat(byCiso.statusCode()).as(byCiso.body()).isEqualTo(202);
        String instance = json.readTree(byCiso.body()).path("processInstanceId").asText();
        started.add(instance);
        assertThat(runtime.getVariable(instance, AccessReviewVariables.STARTED_BY.name())).isEqualTo("ciso");
    }

    // ------------------------------------------------------------------ fixtures

    private WebClient as(String group) {
        return new WebClient(port).as(USERS.get(group), "demo");
    }

    private long report(String title) throws Exception {
        var response = as("staff").postJson("/api/incidents", """
                {"title": "%s", "discoveredAt": "%s", "affectedEstimate": {"US-TX": 20}}
                """.formatted(title, now()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private String breachOf(long incidentId) {
        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(BreachResponseProcess.KEY)
                .variableValueEquals(BreachResponseVariables.INCIDENT_ID.name(), incidentId).singleResult().getId();
        started.add(instance);
        return instance;
    }

    private OpenTask open(String process, String instance, Set<String> workers, String bindingVariable) {
        Task task = tasks.createTaskQuery().processInstanceId(instance).active().list().get(0);
        return new OpenTask(process, task.getId(), instance, workers, bindingVariable);
    }

    private String demoAccessReview() throws Exception {
        var yaml = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        byte[] roster = json.writeValueAsBytes(yaml.readTree(new ClassPathResource("seeds/demo/access-review-roster.yaml")
                .getInputStream()).path("rows"));
        var imported = as("it-operations").postJson("/api/access-reviews/snapshots?kind=roster", new String(roster, StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
        var response = as("managers").postJson("/api/access-reviews/campaigns", "{\"systems\": [\"ehr-gateway\", \"claims-db\", \"support-desk\"]}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String instance = json.readTree(response.body()).path("processInstanceId").asText();
        started.add(instance);
        EngineJobs.runAllOf(management, instance);
        return instance;
    }

    /** The manager revokes one account; the revocation process waits for IT operations. */
    private OpenTask openRevocation(String review) throws Exception {
        long campaignId = ((Number) runtime.getVariable(review, AccessReviewVariables.CAMPAIGN_ID.name())).longValue();
        JsonNode items = json.readTree(as("managers").get("/api/access-reviews/campaigns/" + campaignId + "/items").body());
        long item = items.get(0).path("id").asLong();
        var decided = as("managers").postJson("/api/access-reviews/campaigns/" + campaignId + "/decisions",
                "{\"decisions\": [{\"item\": " + item + ", \"decision\": \"revoke\", \"reason\": \"No longer needed\"}]}");
        assertThat(decided.statusCode()).as(decided.body()).isEqualTo(200);
        var managerTask = tasks.createTaskQuery().processInstanceId(review).taskAssignee("manager").singleResult();
        tasks.complete(managerTask.getId());
        EngineJobs.runAllOf(management, review);
        var revocation = runtime.createProcessInstanceQuery().processDefinitionKey(AccessRevocationProcess.KEY).active().list().stream()
                .filter(instance -> campaignId
                        == ((Number) runtime.getVariable(instance.getId(), AccessRevocationVariables.CAMPAIGN_ID.name())).longValue())
                .findFirst().orElseThrow();
        started.add(revocation.getId());
        return open(AccessRevocationProcess.KEY, revocation.getId(), Set.of("it-operations"),
                AccessRevocationVariables.REVOCATION_ID.name());
    }

    /** What each start form would submit. */
    private static Map<String, Object> startForm(String process) {
        return switch (process) {
            case BreachResponseProcess.KEY -> Map.of("phiTitle", "Phishing e-mail opened", "discoveredAt", now(),
                    "affectedEstimate", "US-CA: 3");
            case "isms-follow-up" -> Map.of("topic", "control-check", "candidateGroup", "privacy-office", "dueDate", "2030-06-30");
            default -> Map.of();
        };
    }

    private static String variables(Map<String, Object> variables) throws Exception {
        var body = json.createObjectNode();
        var values = body.putObject("variables");
        variables.forEach((name, value) -> values.putObject(name).putPOJO("value", value));
        return json.writeValueAsString(body);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
