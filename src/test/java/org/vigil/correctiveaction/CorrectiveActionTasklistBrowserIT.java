package org.vigil.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.HeadlessChromium;
import org.vigil.Tasklist;
import org.vigil.VigilSpringTest;

/**
 * A corrective action taken through Camunda Tasklist in headless Chromium: IT operations corrects, finds the cause
 * and plans with the due date the form prefills, implements with evidence; after the waiting period (fired here) the
 * CISO checks it effective and it closes. Screenshots under target/screenshots/corrective-action/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class CorrectiveActionTasklistBrowserIT {

    static final String DESCRIPTION = "A USB stick with a clinic's appointment list was found in the printer room";

    @LocalServerPort int port;
    @Autowired CorrectiveActions actions;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void theOwnerGroupCorrectsAnalysesPlansAndImplementsAndTheCisoClosesIt(ChromeDriver browser) throws Exception {
        var tasklist = new Tasklist(browser, port, Path.of("target", "screenshots", "corrective-action"));
        long id = actions.raise(new RaiseAction(new ActionSource(ActionSource.MANUAL, "manual:" + UUID.randomUUID()), "major",
                "it-operations", DESCRIPTION, "ciso", null, false));
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(CorrectiveActionProcess.businessKey(id))
                .singleResult().getId();
        var dueAt = actions.summary(id).orElseThrow().dueAt();

        tasklist.logIn("sysadmin");
        Task correct = tasklist.taskAt(tasks, instance, CorrectiveActionProcess.Task_ImmediateCorrection);
        tasklist.openTask(correct.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Correct at once: action CA-" + id + " (major)");
        assertThat(tasklist.formText()).contains(DESCRIPTION);
        tasklist.claim();
        tasklist.chooseOutsideRows("Corrected at once?", "Yes, corrected");
        tasklist.fill("What was corrected", "Stick wiped and locked away; printer room locked");
        tasklist.screenshot("it-operations-correct");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, correct);

        Task analyse = tasklist.taskAt(tasks, instance, CorrectiveActionProcess.Task_AnalyseRootCause);
        tasklist.openTask(analyse.getId());
        assertThat(tasklist.formText()).contains("Stick wiped and locked away");
        tasklist.claim();
        tasklist.chooseSelect("Method", "Five whys");
        tasklist.fill("Root cause", "USB ports open on the front-desk PCs");
        tasklist.chooseOutsideRows("Similar nonconformities elsewhere?", "Yes");
        tasklist.fill("Where", "The billing office PCs");
        tasklist.screenshot("it-operations-analyse");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, analyse);

        // The plan's due date comes prefilled from the severity policy: completing without touching it keeps it.
        Task plan = tasklist.taskAt(tasks, instance, CorrectiveActionProcess.Task_PlanAction);
        tasklist.openTask(plan.getId());
        assertThat(tasklist.formText()).contains("USB ports open on the front-desk PCs");
        tasklist.claim();
        tasklist.fill("Action plan", "Block USB storage by policy on every PC");
        tasklist.fill("Owner of the action", "sysadmin");
        tasklist.screenshot("it-operations-plan");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, plan);
        var planned = actions.summary(id).orElseThrow();
        assertThat(planned.status()).isEqualTo("PLANNED");
        assertThat(planned.owner()).isEqualTo("sysadmin");
        assertThat(planned.dueAt()).isEqualTo(dueAt);

        Task implement = tasklist.taskAt(tasks, instance, CorrectiveActionProcess.Task_ImplementAction);
        assertThat(implement.getAssignee()).isEqualTo("sysadmin");
        tasklist.openTask(implement.getId());
        tasklist.fill("Evidence", "GPO 'Deny removable storage' applied to all PCs");
        tasklist.fill("Links", "https://tickets.example/IT-4711");
        tasklist.screenshot("it-operations-implement");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, implement);

        EngineJobs.runAt(management, instance, CorrectiveActionProcess.Timer_EffectivenessCheckDue);
        tasklist.logIn("ciso");
        Task check = tasklist.taskAt(tasks, instance, CorrectiveActionProcess.Task_CheckEffectiveness);
        tasklist.openTask(check.getId());
        assertThat(tasklist.formText()).contains("GPO 'Deny removable storage' applied to all PCs", "https://tickets.example/IT-4711");
        tasklist.claim();
        tasklist.chooseOutsideRows("Is the action effective?", "Effective: close the action");
        tasklist.fill("What the check found", "Spot check of ten PCs: USB storage refused");
        tasklist.screenshot("ciso-check");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, check);
        EngineJobs.runAt(management, instance, CorrectiveActionProcess.Task_CloseAction);

        assertThat(actions.summary(id).orElseThrow().status()).isEqualTo("CLOSED");
    }
}
