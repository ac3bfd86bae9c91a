package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.EngineJobs;
import org.vigil.VigilSpringTest;
import org.vigil.accessreview.AccessReviewApi.PhiSystem;

/**
 * A campaign over 5,000 accounts and 50 reviewers is created and closed on MariaDB. Prints how long each phase took
 * (and writes it to target/access-review-scale.txt); the figures are reported, never asserted.
 */
@VigilSpringTest
class AccessReviewScaleIT {

    static final int ACCOUNTS = 5_000;
    static final int REVIEWERS = 50;
    static final int SYSTEMS = 5;

    @Autowired PhiSystemRegister register;
    @Autowired SnapshotImports imports;
    @Autowired ReviewCampaigns campaigns;
    @Autowired ReviewDecisions decisions;
    @Autowired ReviewFigures reviewFigures;
    @Autowired CampaignClosing closing;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Clock clock;

    @Test
    void aCampaignOverFiveThousandAccountsAndFiftyReviewersIsCreatedAndClosed() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        LocalDate today = LocalDate.now(clock);
        List<String> managers = new ArrayList<>();
        for (int m = 0; m < REVIEWERS; m++) {
            managers.add("m" + run + "-" + m);
        }
        List<String> systems = new ArrayList<>();
        for (int s = 0; s < SYSTEMS; s++) {
            String system = "scale-" + run + "-" + s;
            systems.add(system);
            // Owners and deputies are among the 50 managers, so the campaign has exactly 50 reviewers.
            register.saveSystem(new PhiSystem(system, "Scale system " + s, managers.get(s), managers.get(SYSTEMS + s), "phi"), "test");
        }
        var roster = new StringBuilder("person,manager,status,terminatedOn\n");
        managers.forEach(m -> roster.append(m).append(",ciso,ACTIVE,\n"));
        var snapshot = new StringBuilder("system,account,person,manager,entitlement,privileged,lastLogin\n");
        for (int i = 0; i < ACCOUNTS; i++) {
            String person = "p" + run + "-" + i;
            String manager = managers.get(i % REVIEWERS);
            roster.append(person).append(',').append(manager).append(",ACTIVE,\n");
            boolean privileged = i % 20 == 0;
            snapshot.append(systems.get(i % SYSTEMS)).append(",acct-").append(i).append(',').append(person).append(',')
                    .append(manager).append(privileged ? ",admin,true," : ",user,false,")
                    .append(today.minusDays(i % 120)).append('\n');
        }
        Map<String, Duration> phases = new LinkedHashMap<>();
        long total = System.nanoTime();

        long t = System.nanoTime();
        imports.importSnapshot(SnapshotKind.ROSTER, "text/csv", roster.toString().getBytes(StandardCharsets.UTF_8), "test", "test");
        imports.importSnapshot(SnapshotKind.ENTITLEMENTS, "text/csv", snapshot.toString().getBytes(StandardCharsets.UTF_8), "test", "test");
        phases.put("import roster and 5,000 entitlements", since(t));

        t = System.nanoTime();
        ProcessInstance instance = runtime.createMessageCorrelation(AccessReviewProcess.Message_AccessReviewRequested)
                .setVariables(Map.of(AccessReviewVariables.STARTED_BY.name(), "manager", AccessReviewVariables.SYSTEM_IDS.name(),
                        String.join(",", systems)))
                .correlateStartMessage();
        EngineJobs.runAt(management, instance.getId(), AccessReviewProcess.Task_OpenCampaign);
        phases.put("open the campaign (freeze, flag, assign, 50 review tasks)", since(t));
        long campaignId = campaigns.campaignOfProcess(instance.getId());
        var opened = reviewFigures.figures(campaignId);
        assertThat(opened.reviewers()).isEqualTo(REVIEWERS);
        assertThat(opened.items()).isEqualTo(ACCOUNTS + ACCOUNTS / 20);

        t = System.nanoTime();
        List<Task> reviewTasks = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(AccessReviewProcess.Task_ReviewAccess).list();
        assertThat(reviewTasks).hasSize(REVIEWERS);
        for (Task task : reviewTasks) {
            // Each reviewer revokes one regular account and keeps the rest in bulk; the last one leaves theirs undecided.
            if (task.getAssignee().equals(managers.get(REVIEWERS - 1))) {
                tasks.complete(task.getId());
                continue;
            }
            long first = decisions.items(campaignId, task.getAssignee()).stream().filter(i -> !i.privileged()).findFirst().orElseThrow().id();
            tasks.complete(task.getId(), Map.of("decisions", first + " revoke No longer needed",
                    "bulkDecision", "keep", "bulkScope", "all", "bulkReason", "Confirmed with the team"));
        }
        EngineJobs.runAt(management, instance.getId(), AccessReviewProcess.Task_RequestDeprovisioning);
        phases.put("50 reviewers decide (bulk) and revocations start", since(t));

        t = System.nanoTime();
        EngineJobs.runAt(management, instance.getId(), AccessReviewProcess.Task_CloseReviews);
        tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(AccessReviewProcess.Task_SignOffSystem).list()
                .forEach(task -> tasks.complete(task.getId(), Map.of("attested", true)));
        EngineJobs.runAt(management, instance.getId(), AccessReviewProcess.Task_PublishReport);
        phases.put("close, 5 sign-offs, report", since(t));
        Duration overall = since(total);

        var closed = reviewFigures.figures(campaignId);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(closed.exceptions()).isPositive();
        assertThat(closed.revocations()).isEqualTo(REVIEWERS - 1);
        String report = closing.report(campaignId);
        assertThat(report.split("<tr>", -1).length - 1).isGreaterThan((int) closed.items());

        var lines = new StringBuilder("Access-review campaign, " + ACCOUNTS + " accounts (" + closed.items() + " items), "
                + REVIEWERS + " reviewers, MariaDB\n");
        phases.forEach((phase, took) -> lines.append(String.format("  %-60s %6d ms%n", phase, took.toMillis())));
        lines.append(String.format("  %-60s %6d ms%n", "total", overall.toMillis()));
        lines.append(String.format("  report: %d KiB%n", report.length() / 1024));
        System.out.print(lines);
        Files.writeString(Path.of("target", "access-review-scale.txt"), lines);
    }

    private static Duration since(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos);
    }
}
