package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What DESIGN.md asks of every model in processes/, checked on the files as they are. */
class ModelRulesTest {

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            List<Path> bpmn = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(bpmn).as("models in processes/").isNotEmpty();
            return bpmn.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void processIdEqualsFileNameAndHistoryIsKept(Path file) {
        Process process = executableProcess(Bpmn.readModelFromFile(file.toFile()));
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getName()).as("human name").isNotBlank();
        assertThat(process.getCamundaHistoryTimeToLiveString()).as("history time to live").isNotBlank();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskHasGroupDueFollowUpAndADeployedForm(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = file.getFileName() + "#" + task.getId();
            assertThat(task.getName()).as(where + " name").isNotBlank();
            assertThat(task.getCamundaCandidateGroups()).as(where + " candidate groups").isNotBlank();
            assertThat(task.getCamundaAssignee()).as(where + " hard-coded assignee").isNull();
            assertThat(task.getCamundaDueDate()).as(where + " due date").isNotBlank();
            assertThat(task.getCamundaFollowUpDate()).as(where + " follow-up date").isNotBlank();
            assertFormIsDeployedWithTheModel(where, task.getCamundaFormRef(), task.getCamundaFormRefBinding());
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                assertFormIsDeployedWithTheModel(file.getFileName() + "#" + start.getId(),
                        start.getCamundaFormRef(), start.getCamundaFormRefBinding());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void serviceTasksCallADelegateBeanBehindASavePoint(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String where = file.getFileName() + "#" + task.getId();
            assertThat(task.getCamundaDelegateExpression()).as(where + " delegate expression").matches("\\$\\{[a-z][A-Za-z]*Delegate}");
            assertThat(task.isCamundaAsyncBefore()).as(where + " asyncBefore").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void divergingGatewaysHaveADefaultFlow(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() > 1) {
                assertThat(gateway.getDefault()).as(file.getFileName() + "#" + gateway.getId() + " default flow").isNotNull();
            }
        }
    }

    /** The models whose Tasklist cards must tell one task from another of the same step (issue 15). */
    static final Set<String> MODELS_WITH_CARD_NAMES = Set.of("breach-response.bpmn", "notification-obligation.bpmn", "isms-follow-up.bpmn",
            "mail-delivery-failed.bpmn", "internal-audit.bpmn", "risk-assessment.bpmn");

    /**
     * Nine "Prepare the notice" cards of one incident are told apart only by what their names say: each user task's
     * name carries an expression (the incident, whom the notice goes to, the deadline), and none reads a PHI field.
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskNameSaysWhichRecordItIsAbout(Path file) {
        if (!MODELS_WITH_CARD_NAMES.contains(file.getFileName().toString())) {
            return;
        }
        for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
            String where = file.getFileName() + "#" + task.getId();
            assertThat(task.getName()).as(where + " name").contains("${");
            assertThat(task.getName().toLowerCase(java.util.Locale.ROOT)).as(where + " name reads no PHI field").doesNotContain("phi");
            String documentation = task.getDocumentations().stream().map(d -> d.getTextContent()).reduce("", String::concat);
            assertThat(documentation.toLowerCase(java.util.Locale.ROOT)).as(where + " documentation reads no PHI field")
                    .doesNotContainPattern("[$#]\\{[^}]*phi");
        }
    }

    /** What Tasklist cards may show: ids, codes and words made from codes. */
    static final Set<String> CARD_VARIABLES = Set.of("incidentId", "obligationId", "campaignId", "revocationId", "systemId",
            "severity", "category", "noticeRecipient", "jurisdiction");

    @org.junit.jupiter.api.Test
    void theSharedTaskFiltersShowNoPhiOnTheCards() throws IOException {
        var variables = new ObjectMapper(new YAMLFactory()).readTree(Path.of("seeds/identity/groups-and-grants.yaml").toFile())
                .path("taskFilters").path("variables");
        assertThat(variables.size()).as("taskFilters.variables").isPositive();
        for (var variable : variables) {
            assertThat(variable.path("label").asText()).as("label of " + variable).isNotBlank();
            assertThat(variable.path("name").asText()).as("a card variable that is never PHI").isIn(CARD_VARIABLES);
        }
    }

    /** The variables that bind an instance to Vigil's record, and who did what: never a field a person submits. */
    static final Set<String> BINDING_VARIABLES = Set.of("incidentId", "obligationId", "campaignId", "revocationId", "reviewer",
            "systemId", "reportedBy", "startedBy", "severity", "category", "classification", "noticeRecipient", "jurisdiction",
            "mailId", "auditId", "auditKind", "auditeeGroup", "actionId", "ownerGroup", "checkerGroup");

    @ParameterizedTest
    @MethodSource("models")
    void aProcessNoGroupMayStartIsNotOfferedInTasklist(Path file) throws IOException {
        Process process = executableProcess(Bpmn.readModelFromFile(file.toFile()));
        var starts = new ObjectMapper(new YAMLFactory()).readTree(Path.of("seeds/identity/groups-and-grants.yaml").toFile())
                .path("processStarts");
        if (!starts.has(process.getId())) {
            assertThat(process.isCamundaStartableInTasklist())
                    .as(process.getId() + " is started by Vigil only (not in processStarts): isStartableInTasklist=\"false\"").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void aTaskFormShowsTheRecordsIdsButNeverSubmitsThem(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            FormFields form = FormFields.parse(Files.readAllBytes(Path.of("forms", task.getCamundaFormRef() + ".form")), new com.fasterxml.jackson.databind.ObjectMapper());
            for (String binding : BINDING_VARIABLES) {
                assertThat(form.submittable(binding)).as(task.getCamundaFormRef() + ": " + binding
                        + " may be shown (\"disabled\": true), never submitted").isEmpty();
            }
        }
    }

    private static void assertFormIsDeployedWithTheModel(String where, String formRef, String binding) {
        assertThat(formRef).as(where + " form").isNotBlank();
        assertThat(binding).as(where + " formRefBinding").isEqualTo("deployment");
        Path form = Path.of("forms", formRef + ".form");
        assertThat(form).as(where + " form file").exists();
        try {
            assertThat(new ObjectMapper().readTree(form.toFile()).path("id").asText()).as(form + " id").isEqualTo(formRef);
        } catch (IOException e) {
            throw new AssertionError(form + " is not valid JSON: " + e.getMessage());
        }
    }

    private static Process executableProcess(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("no executable process"));
    }
}
