package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.vigil.EngineJobs;
import org.vigil.RunningVigil;
import org.vigil.VigilSpringTest;

/**
 * The breach record under random sequences of what the privacy office does after the plan is made (counts corrected,
 * people out of reach, partial and complete lists, notices sent, changes of plan confirmed or refused, plans made
 * again), on the real engine and database. After every step: the open obligations are exactly the plan's duties less
 * those sent, plus those waiting for (or kept by) a decision; every open obligation's task and timers sit at its
 * deadline; no obligation changes its rule; nothing is withdrawn without a confirmation (issue 13, "Done when").
 */
@VigilSpringTest
class BreachRecordProperties {

    static final List<String> STATES = List.of("US-TX", "US-CA", "US-NY");
    static final ObjectMapper json = new ObjectMapper();

    static RunningVigil vigil;
    static RuntimeService runtime;
    static TaskService tasks;
    static ManagementService management;
    static ObligationRepository obligations;
    static NotificationPlanning planning;

    @BeforeContainer
    static void start() {
        vigil = RunningVigil.of(BreachRecordProperties.class);
        runtime = vigil.context().getBean(RuntimeService.class);
        tasks = vigil.context().getBean(TaskService.class);
        management = vigil.context().getBean(ManagementService.class);
        obligations = vigil.context().getBean(ObligationRepository.class);
        planning = vigil.context().getBean(NotificationPlanning.class);
    }

    @Property(tries = 12)
    void theRecordFollowsThePlanAndOnlyAConfirmationWithdraws(@ForAll("workOnARecord") ActionChain<Record> chain) {
        chain.withInvariant("open obligations are the plan's duties less the sent, plus those awaiting or kept by a decision",
                        Record::checkObligationsMatchThePlan)
                .withInvariant("tasks and timers sit at the deadline", Record::checkTasksAndTimersFollowTheDeadline)
                .withInvariant("no obligation changes its rule", Record::checkRulesNeverChange)
                .withInvariant("nothing is withdrawn without a confirmation", Record::checkWithdrawnOnlyByConfirmation)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Record>> workOnARecord() {
        return ActionChain.startWith(Record::planned)
                .withAction(3, new CorrectCounts())
                .withAction(1, new PeopleOutOfReach())
                .withAction(3, new UploadList())
                .withAction(2, new SendANotice())
                .withAction(3, new DecideTheChangeOfPlan())
                .withAction(1, new PlanAgain())
                .withMaxTransformations(7);
    }

    // ------------------------------------------------------------------ the actions

    static class CorrectCounts implements Action.Independent<Record> {
        @Override
        public Arbitrary<Transformer<Record>> transformer() {
            return counts().map(counts -> Transformer.mutate("counts " + counts, record -> record.post("/facts",
                    "application/json", "{\"affectedCounts\": " + write(counts) + "}")));
        }
    }

    static class PeopleOutOfReach implements Action.Independent<Record> {
        @Override
        public Arbitrary<Transformer<Record>> transformer() {
            return Arbitraries.of(0, 4, 12).map(count -> Transformer.mutate(count + " out of reach", record -> record.post("/facts",
                    "application/json", "{\"contactInfoOutOfDateCount\": " + count + "}")));
        }
    }

    static class UploadList implements Action.Independent<Record> {
        @Override
        public Arbitrary<Transformer<Record>> transformer() {
            return Combinators.combine(Arbitraries.of(STATES), Arbitraries.of(20, 50, 300, 600), Arbitraries.of(true, false))
                    .as((state, count, complete) -> Transformer.mutate((complete ? "complete" : "partial") + " list of " + count
                            + " in " + state, record -> record.post("/affected-individuals?complete=" + complete, "text/csv",
                                    people(state, count))));
        }
    }

    static class PlanAgain implements Action.Independent<Record> {
        @Override
        public Arbitrary<Transformer<Record>> transformer() {
            return Arbitraries.just(Transformer.mutate("plan again", record -> record.post("/replan", "application/json", "")));
        }
    }

    /** Prepares, approves and records one open notice to a regulator or the media, as the privacy office does in Tasklist. */
    static class SendANotice implements Action.Dependent<Record> {
        @Override
        public boolean precondition(Record record) {
            return !record.sendable().isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Record>> transformer(Record record) {
            return Arbitraries.of(record.sendable()).map(id -> Transformer.mutate("send obligation " + id, r -> r.send(id)));
        }
    }

    /** Decides the open change of plan: withdraw all, keep all, or keep some. */
    static class DecideTheChangeOfPlan implements Action.Dependent<Record> {
        @Override
        public boolean precondition(Record record) {
            return record.confirmationTask() != null;
        }

        @Override
        public Arbitrary<Transformer<Record>> transformer(Record record) {
            return Arbitraries.of("withdraw", "keep", "choose")
                    .map(decision -> Transformer.mutate("decide: " + decision, r -> r.decide(decision)));
        }
    }

    // ------------------------------------------------------------------ the record and its checks

    static final class Record {
        final long incidentId;
        final Map<Long, String> rules = new HashMap<>();
        final Set<Long> withdrawnAtStart;
        final Set<Long> withdrawnByConfirmation = new HashSet<>();

        private Record(long incidentId) {
            this.incidentId = incidentId;
            all().forEach(o -> rules.put(o.id(), o.ruleId()));
            withdrawnAtStart = all().stream().filter(o -> o.status() == ObligationStatus.WITHDRAWN).map(Obligation::id)
                    .collect(Collectors.toSet());
        }

        /** A breach of 300 Texans and 40 Californians, from the report to its plan. */
        static Record planned() {
            var response = vigil.send("staff", "POST", "/api/incidents", "application/json", ("""
                    {"title": "Portal misconfiguration", "occurredAt": "%s", "discoveredAt": "%s", "dataCategories": ["name", "diagnosis"],
                     "affectedEstimate": {"US-TX": 300, "US-CA": 40}}""".formatted(
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(3).truncatedTo(ChronoUnit.SECONDS),
                    OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS))).getBytes(StandardCharsets.UTF_8));
            try {
                long incidentId = json.readTree(response.body()).path("id").asLong();
                PlannedBreach.plan(incidentId, "US-TX: 300, US-CA: 40", runtime, tasks, management);
                return new Record(incidentId);
            } catch (Exception e) {
                throw new IllegalStateException(response.body(), e);
            }
        }

        void post(String path, String contentType, String body) {
            var response = vigil.send("privacy", "POST", "/api/incidents/" + incidentId + path, contentType,
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(path + ": " + response.body()).isLessThan(300);
            all().forEach(o -> rules.putIfAbsent(o.id(), o.ruleId()));
        }

        List<Long> sendable() {
            return all().stream().filter(o -> o.isOpen() && o.isInPlan() && o.holdUntil() == null)
                    .filter(o -> o.recipient().startsWith("state_ag:") || o.recipient().equals("media"))
                    .filter(o -> openTask(o) != null && openTask(o).getTaskDefinitionKey().equals(NotificationObligationProcess.Task_PrepareNotice))
                    .map(Obligation::id).toList();
        }

        void send(long obligationId) {
            var obligation = obligations.findById(obligationId).orElseThrow();
            var notice = new LinkedHashMap<String, Object>(Map.of("phiNoticeWhatHappened", "A portal setting exposed records",
                    "phiNoticeSteps", "Watch your statements", "phiNoticeWhatWeAreDoing", "We closed the setting",
                    "noticeRecipientOffice", "Consumer Protection Division"));
            tasks.complete(openTask(obligation).getId(), notice);
            tasks.complete(openTask(obligation).getId(), Map.of("noticeApproved", true));
            String noticeProcess = openTask(obligation).getProcessInstanceId();
            tasks.complete(openTask(obligation).getId(), Map.of("sentAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).toString(),
                    "channel", obligation.recipient().equals("media") ? "press_release" : "regulator_portal", "proof", "receipt"));
            // The plan made again once the dispatch is saved (Task_PlanAgainAfterSending), as the job executor would.
            EngineJobs.runAllOf(management, noticeProcess);
            assertThat(obligations.findById(obligationId).orElseThrow().isSent()).isTrue();
            all().forEach(o -> rules.putIfAbsent(o.id(), o.ruleId()));
        }

        org.camunda.bpm.engine.task.Task confirmationTask() {
            return tasks.createTaskQuery().processInstanceBusinessKey(BreachResponseProcess.businessKey(incidentId))
                    .taskDefinitionKey(BreachResponseProcess.Task_ConfirmPlanChange).singleResult();
        }

        void decide(String decision) {
            var task = confirmationTask();
            Set<Long> shown = ids((String) tasks.getVariableLocal(task.getId(), PlanChangeTaskListener.SHOWN));
            Set<Long> kept = switch (decision) {
                case "keep" -> shown;
                case "choose" -> shown.stream().limit(shown.size() / 2).collect(Collectors.toSet());
                default -> Set.of();
            };
            var variables = new HashMap<String, Object>(Map.of(PlanChangeTaskListener.DECISION, decision));
            if (decision.equals("choose")) {
                variables.put(PlanChangeTaskListener.KEEP, kept.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            var body = json.createObjectNode();
            var values = body.putObject("variables");
            variables.forEach((name, value) -> values.putObject(name).putPOJO("value", value));
            var response = vigil.send("privacy", "POST", "/engine-rest/task/" + task.getId() + "/complete", "application/json",
                    body.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
            shown.stream().filter(id -> !kept.contains(id)).forEach(withdrawnByConfirmation::add);
        }

        void checkObligationsMatchThePlan() {
            var plan = planning.planFor(incidentId);
            Set<String> planned = plan.duties().stream().map(d -> d.ruleId() + "/" + d.jurisdiction()).collect(Collectors.toSet());
            var all = all();
            for (String duty : planned) {
                assertThat(all).as("an obligation for the plan's duty " + duty)
                        .anySatisfy(o -> assertThat(o.ruleId() + "/" + o.jurisdiction()).isEqualTo(duty));
            }
            for (var o : all) {
                String key = o.ruleId() + "/" + o.jurisdiction();
                if (planned.contains(key)) {
                    assertThat(o.isSent() || (o.isOpen() && o.isInPlan())).as(key + " is owed or sent, " + o.status()).isTrue();
                } else if (o.isOpen()) {
                    assertThat(o.withdrawalProposed() || o.kept()).as(key + " is open outside the plan only while a decision is due or"
                            + " after it was kept").isTrue();
                }
            }
        }

        void checkTasksAndTimersFollowTheDeadline() {
            for (var o : all()) {
                if (!o.isOpen() || o.processInstanceId() == null) {
                    continue;
                }
                Instant deadline = o.targetDeadline().truncatedTo(ChronoUnit.SECONDS);
                Instant reminder = (o.reminderAt() != null ? o.reminderAt() : o.targetDeadline()).truncatedTo(ChronoUnit.SECONDS);
                var task = openTask(o);
                if (task != null) {
                    assertThat(task.getDueDate().toInstant()).as("task due of " + o.ruleId()).isEqualTo(deadline);
                    assertThat(task.getFollowUpDate().toInstant()).as("task follow-up of " + o.ruleId()).isEqualTo(reminder);
                }
                for (var job : management.createJobQuery().processInstanceId(o.processInstanceId()).timers().list()) {
                    String activity = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
                    Instant expected = switch (activity) {
                        case NotificationObligationProcess.BoundaryEvent_DeadlinePassed -> deadline;
                        case NotificationObligationProcess.BoundaryEvent_EscalationDue -> o.escalationAt().truncatedTo(ChronoUnit.SECONDS);
                        case NotificationObligationProcess.BoundaryEvent_ReminderDue -> reminder;
                        default -> job.getDuedate().toInstant();
                    };
                    assertThat(job.getDuedate().toInstant()).as(activity + " of " + o.ruleId()).isEqualTo(expected);
                }
            }
        }

        void checkRulesNeverChange() {
            for (var o : all()) {
                assertThat(o.ruleId()).as("rule of obligation " + o.id()).isEqualTo(rules.get(o.id()));
            }
        }

        void checkWithdrawnOnlyByConfirmation() {
            for (var o : all()) {
                if (o.status() == ObligationStatus.WITHDRAWN && !withdrawnAtStart.contains(o.id())) {
                    assertThat(withdrawnByConfirmation).as("obligation " + o.id() + " (" + o.ruleId() + ") withdrawn").contains(o.id());
                }
            }
        }

        private List<Obligation> all() {
            return obligations.findByIncidentIdOrderByTargetDeadline(incidentId);
        }

        private org.camunda.bpm.engine.task.Task openTask(Obligation o) {
            return o.processInstanceId() == null ? null : tasks.createTaskQuery().processInstanceId(o.processInstanceId())
                    .taskDefinitionKeyIn(NotificationObligationProcess.Task_PrepareNotice, NotificationObligationProcess.Task_ApproveNotice,
                            NotificationObligationProcess.Task_RecordDispatch).singleResult();
        }

        @Override
        public String toString() {
            return "incident " + incidentId;
        }
    }

    // ------------------------------------------------------------------ data

    static Arbitrary<Map<String, Integer>> counts() {
        return Arbitraries.maps(Arbitraries.of(STATES), Arbitraries.of(5, 60, 300, 600)).ofMinSize(1).ofMaxSize(3);
    }

    static String people(String state, int count) {
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\n");
        for (int i = 1; i <= count; i++) {
            csv.append("Person ").append(i).append(",\"").append(i).append(" Main Street\",,").append(state).append(",true\n");
        }
        return csv.toString();
    }

    static String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<Long> ids(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return java.util.Arrays.stream(text.split(",")).map(String::strip).map(Long::valueOf).collect(Collectors.toSet());
    }
}
