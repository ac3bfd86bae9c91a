package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.HeadlessChromium;
import org.vigil.Tasklist;
import org.vigil.VigilSpringTest;
import org.vigil.platform.CompanySettings;

/**
 * A breach walked through Camunda Tasklist itself, in Debian's headless Chromium, each task by the demo user of its
 * group: staff report it with the start form; the privacy office triages it reading what was reported; IT operations
 * contain it, attaching a log on the evidence page and saying what was done, without reading the report; the privacy
 * office investigates (the counts start from the estimate; a conditional field is marked required and the form says
 * so before the engine could), assesses the risk, prepares the HHS report (only the fields that report prints), and
 * the approver sends it back with a reason, which the next preparation shows beside the text written before.
 * Screenshots of each step under target/screenshots/breach-response/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class BreachResponseTasklistBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "breach-response");
    static final String TITLE = "Fax with lab results sent to the wrong clinic";
    static final String DESCRIPTION = "The front desk faxed two pages to a number one digit off.";

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired Incidents incidents;
    @Autowired ObligationRepository obligations;
    @Autowired IncidentEvidence evidence;
    @Autowired CompanySettings company;
    @Autowired Clock clock;
    ChromeDriver browser;
    Tasklist tasklist;

    @BeforeEach
    void openTasklist(ChromeDriver browser) throws Exception {
        this.browser = browser;
        tasklist = new Tasklist(browser, port, SCREENSHOTS);
    }

    @Test
    void aBreachIsReportedTriagedContainedInvestigatedAssessedAndItsHhsReportPreparedInTasklist() throws Exception {
        ZoneId zone = company.zone();
        LocalDateTime anHourAgo = LocalDateTime.now(clock.withZone(zone)).minusHours(1).truncatedTo(ChronoUnit.MINUTES);

        // ---- staff report it with the start form
        Set<String> before = Set.copyOf(runtime.createProcessInstanceQuery().processDefinitionKey(BreachResponseProcess.KEY).list()
                .stream().map(ProcessInstance::getId).toList());
        tasklist.logIn("staff");
        tasklist.click(browser.findElement(By.cssSelector(".start-process-action a")));
        tasklist.click(new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.findElement(By.xpath("//div[contains(@class,'modal-body')]//a[normalize-space(.)='PHI breach response']"))));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> !driver.findElements(By.cssSelector(".modal .fjs-container")).isEmpty());
        tasklist.fill("Short title", TITLE);
        tasklist.fill("What happened", DESCRIPTION);
        tasklist.enterDateTime("When it happened (if known)", anHourAgo.minusHours(2));
        tasklist.enterDateTime("When it was discovered", anHourAgo);
        tasklist.fill("Systems involved", "fax server\nEHR");
        tasklist.fill("First estimate of people affected", "US-TX: 20\nUS-NY: 5");
        tasklist.screenshot("staff-report-form");
        tasklist.click(browser.findElement(By.cssSelector(".modal-footer button.btn-primary")));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.findElements(By.cssSelector(".modal .fjs-container")).isEmpty());
        tasklist.screenshot("staff-reported");
        String breach = runtime.createProcessInstanceQuery().processDefinitionKey(BreachResponseProcess.KEY).list().stream()
                .map(ProcessInstance::getId).filter(id -> !before.contains(id)).findFirst().orElseThrow();
        long incidentId = (Long) runtime.getVariable(breach, BreachResponseVariables.INCIDENT_ID.name());
        assertThat(incidents.require(incidentId).reportedBy()).isEqualTo("staff");
        EngineJobs.runAllOf(management, breach);
        followUnderMyReports(incidentId);

        // ---- the privacy office triages it, reading what was reported; the estimate is already in its field
        Task triage = tasklist.taskAt(tasks, breach, BreachResponseProcess.Task_TriageIncident);
        tasklist.logIn("privacy");
        tasklist.openTask(triage.getId());
        assertThat(tasklist.cardTitle()).isEqualTo("Triage incident " + incidentId);
        assertThat(browser.findElement(By.cssSelector(".tasks-list")).getText()).as("the cards carry ids and codes, never the report")
                .contains("Triage incident " + incidentId).doesNotContain(TITLE, DESCRIPTION);
        assertThat(tasklist.formText()).contains(TITLE, DESCRIPTION, "fax server, EHR", "US-NY: 5, US-TX: 20", "staff");
        tasklist.claim();
        assertThat(tasklist.valueOf("People affected (first estimate)")).isEqualTo("25");
        tasklist.check("Patient data (PHI) may be involved");
        tasklist.screenshot("privacy-triage-form");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, triage);

        // ---- IT operations contain it: systems and evidence so far, not what the reporter wrote
        Task containment = tasklist.taskAt(tasks, breach, BreachResponseProcess.Task_ContainIncident);
        tasklist.logIn("sysadmin");
        tasklist.openTask(containment.getId());
        assertThat(tasklist.cardTitle()).startsWith("Contain incident " + incidentId + " (");
        assertThat(tasklist.formText()).contains("fax server, EHR", "none yet").doesNotContain(TITLE, DESCRIPTION);
        tasklist.screenshot("sysadmin-containment-form");
        tasklist.click(browser.findElement(By.linkText("evidence page of incident " + incidentId)));
        attachOnTheEvidencePage(incidentId);
        assertThat(evidence.list(incidentId)).extracting(IncidentEvidence.EvidenceView::uploadedBy).containsExactly("sysadmin");
        browser.get(tasklist.home());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> !driver.findElements(By.cssSelector(".task-filters")).isEmpty()
                || !driver.findElements(By.cssSelector("form[name=signinForm]")).isEmpty());
        if (!browser.findElements(By.cssSelector("form[name=signinForm]")).isEmpty()) {
            tasklist.logIn("sysadmin");
        }
        tasklist.openTask(containment.getId());
        assertThat(tasklist.formText()).contains("1 file: fax-log.txt");
        tasklist.claim();
        tasklist.check("Sessions and tokens revoked");
        tasklist.fill("What was done", "Fax line blocked; the clinic confirmed it shredded the pages");
        tasklist.enterDateTime("Contained at", anHourAgo.plusMinutes(30));
        tasklist.screenshot("sysadmin-containment-filled");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, containment);
        assertThat(incidents.require(incidentId).containmentSummary()).isEqualTo("Fax line blocked; the clinic confirmed it shredded the pages");

        // ---- the privacy office investigates: the counts start from the estimate; a conditional field is required
        Task investigation = tasklist.taskAt(tasks, breach, BreachResponseProcess.Task_InvestigateIncident);
        tasklist.logIn("privacy");
        tasklist.openTask(investigation.getId());
        tasklist.claim();
        assertThat(tasklist.valueOf("People affected per jurisdiction")).isEqualTo("US-NY: 5\nUS-TX: 20");
        tasklist.check("Names");
        tasklist.chooseSelect("Our role for this data", "Covered entity");
        tasklist.chooseSelect("Law-enforcement delay requested", "Oral statement");
        assertThat(tasklist.formText()).contains("Statement made at (date)\n*");
        tasklist.screenshot("privacy-investigation-statement-required");
        tasklist.complete();
        tasklist.waitForText("Field is required");
        assertThat(tasks.createTaskQuery().taskId(investigation.getId()).count()).as("the form refuses before the engine is asked").isOne();
        assertThat(tasklist.pageText()).doesNotContain("lawEnforcementStatementAt", "TaskListener");
        tasklist.screenshot("privacy-investigation-refused-by-the-form");
        tasklist.clearSelect("Law-enforcement delay requested");
        assertThat(tasklist.shows("Statement made at")).isFalse();
        tasklist.complete();
        tasklist.waitUntilDone(tasks, investigation);

        // ---- and assesses the risk
        Task assessment = tasklist.taskAt(tasks, breach, BreachResponseProcess.Task_AssessRisk);
        tasklist.openTask(assessment.getId());
        tasklist.claim();
        assertThat(tasklist.formText()).contains(TITLE);
        tasklist.chooseSelect("164.402(1) exception", "None applies");
        for (String factor : new String[] {"1. Nature", "2. The unauthorized", "3. Whether", "4. How far"}) {
            tasklist.chooseSelect(factor, "Medium");
        }
        for (int rationale = 0; rationale < 4; rationale++) {
            tasklist.fill("Rationale", rationale, "Rationale " + (rationale + 1));
        }
        tasklist.chooseOutsideRows("Conclusion", "Not a low probability of compromise: breach");
        tasklist.screenshot("privacy-risk-assessment");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, assessment);
        EngineJobs.runAllOf(management, breach);

        // ---- the HHS report: whom it goes to, which document, when due; only the fields that report prints
        var hhs = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(obligation -> obligation.recipient().startsWith("hhs") && obligation.isInPlan()).findFirst().orElseThrow();
        String notice = PlannedBreach.obligationProcess(runtime, hhs.id());
        Task prepare = tasklist.taskAt(tasks, notice, NotificationObligationProcess.Task_PrepareNotice);
        tasklist.openTask(prepare.getId());
        assertThat(tasklist.cardTitle()).startsWith("Prepare the notice: HHS, incident " + incidentId + ", due ");
        assertThat(tasklist.formText()).contains("Prepare the notice to HHS", "HHS breach report").containsPattern("due \\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} E[SD]T");
        assertThat(tasklist.shows("Type of breach")).isTrue();
        assertThat(tasklist.shows("What the affected people should do")).as("not a field of the HHS report").isFalse();
        assertThat(tasklist.shows("Likely consequences")).isFalse();
        tasklist.claim();
        tasklist.fill("What happened", "Two pages of lab results were faxed to a wrong number.");
        tasklist.fill("What we are doing", "We blocked the line and retrained the front desk.");
        tasklist.chooseSelect("Type of breach", "Unauthorized access/disclosure");
        tasklist.chooseSelect("Location of the breached information", "Paper/films");
        tasklist.fill("Safeguards in place before the breach", "Fax numbers checked against the directory.");
        tasklist.screenshot("privacy-prepare-hhs-report");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, prepare);

        // ---- the approver: the box starts ticked; unticked, a reason is asked for and sent with it
        Task approve = tasklist.taskAt(tasks, notice, NotificationObligationProcess.Task_ApproveNotice);
        tasklist.openTask(approve.getId());
        tasklist.claim();
        assertThat(tasklist.ticked("I have previewed this notice and approve its release")).isTrue();
        assertThat(tasklist.shows("What must change")).isFalse();
        tasklist.check("I have previewed this notice and approve its release");
        assertThat(tasklist.shows("What must change")).isTrue();
        tasklist.fill("What must change", "Say when the clinic confirmed the shredding");
        tasklist.screenshot("privacy-approve-send-back");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, approve);

        Task again = tasklist.taskAt(tasks, notice, NotificationObligationProcess.Task_PrepareNotice);
        tasklist.openTask(again.getId());
        assertThat(tasklist.formText()).contains("Sent back by the approver: Say when the clinic confirmed the shredding");
        assertThat(tasklist.valueOf("What happened")).isEqualTo("Two pages of lab results were faxed to a wrong number.");
        tasklist.screenshot("privacy-prepare-again");
        tasklist.claim();
        tasklist.fill("What happened", "Two pages of lab results were faxed to a wrong number; the clinic shredded them the same day.");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, again);

        // ---- approved as it starts (ticked), then its dispatch recorded
        Task approveAgain = tasklist.taskAt(tasks, notice, NotificationObligationProcess.Task_ApproveNotice);
        tasklist.openTask(approveAgain.getId());
        tasklist.claim();
        assertThat(tasklist.ticked("I have previewed this notice and approve its release")).as("ticked again after a send-back").isTrue();
        tasklist.complete();
        tasklist.waitUntilDone(tasks, approveAgain);
        Task dispatch = tasklist.taskAt(tasks, notice, NotificationObligationProcess.Task_RecordDispatch);
        tasklist.openTask(dispatch.getId());
        assertThat(tasklist.cardTitle()).startsWith("Record the dispatch: HHS, incident " + incidentId);
        assertThat(tasklist.formText()).contains("Record the dispatch of the notice to HHS", "HHS breach report");
        tasklist.claim();
        tasklist.enterDateTime("Sent at", LocalDateTime.now(clock.withZone(zone)).minusMinutes(10).truncatedTo(ChronoUnit.MINUTES));
        tasklist.chooseSelect("Channel", "Regulator portal");
        tasklist.fill("Proof", "HHS portal confirmation 2026-1234");
        tasklist.screenshot("privacy-record-dispatch");
        tasklist.complete();
        tasklist.waitUntilDone(tasks, dispatch);
        assertThat(obligations.findById(hhs.id()).orElseThrow().isSent()).isTrue();
    }

    /**
     * Vigil's pages keep a login of their own beside Tasklist's: their form appears the first time, and is filled in
     * as the user would; then the page shows {@code pageElement}.
     */
    private void logInToThePageIfAsked(String user, By pageElement) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                !driver.findElements(By.name("username")).isEmpty() || !driver.findElements(pageElement).isEmpty());
        if (!browser.findElements(By.name("username")).isEmpty()) {
            browser.findElement(By.name("username")).sendKeys(user);
            browser.findElement(By.name("password")).sendKeys("demo");
            browser.findElement(By.cssSelector("button[type=submit]")).click();
        }
    }

    /** Staff follow their report under "My reports" (the start form links there): its number and where it stands. */
    private void followUnderMyReports(long incidentId) throws Exception {
        browser.get("http://localhost:" + port + "/reports");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        logInToThePageIfAsked("staff", By.id("reports"));
        String mine = wait.until(driver -> {
            var items = driver.findElements(By.cssSelector("#reports li[data-incident]"));
            return items.isEmpty() ? null : items.get(0).getText();
        });
        assertThat(mine).contains("Incident " + incidentId + ": " + TITLE, "Received: the privacy office triages it");
        tasklist.screenshot("staff-my-reports");
    }

    /** The evidence page behind the pages' login: sysadmin attaches the fax log. */
    private void attachOnTheEvidencePage(long incidentId) throws Exception {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        logInToThePageIfAsked("sysadmin", By.id("evidence-upload"));
        wait.until(driver -> driver.findElement(By.id("incident-title")).getText().startsWith("Incident " + incidentId));
        Path log = Files.writeString(Files.createTempFile("fax-log", ".txt"), "14:02 sent to 555-0199\n");
        Path named = Files.move(log, log.resolveSibling("fax-log.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        browser.findElement(By.id("evidence-file")).sendKeys(named.toAbsolutePath().toString());
        browser.findElement(By.id("evidence-note")).sendKeys("Fax server's send log");
        browser.findElement(By.cssSelector("#evidence-upload button[type=submit]")).click();
        wait.until(driver -> driver.findElement(By.id("message")).getText().equals("Attached: fax-log.txt."));
        assertThat(browser.findElement(By.id("evidence")).getText()).contains("fax-log.txt", "by sysadmin");
        tasklist.screenshot("sysadmin-evidence-page");
    }
}
