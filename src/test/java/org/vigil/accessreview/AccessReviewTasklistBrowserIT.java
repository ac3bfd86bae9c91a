package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.EngineJobs;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * A quarterly access review walked through Camunda Tasklist itself, in Debian's headless Chromium, each task by the
 * demo user of its group: the manager and the CISO review their accounts row by row and in bulk, IT operations
 * (sysadmin) removes the revoked access, the CISO verifies the removal and, as the system's owner, signs the review
 * off. Each step is kept as a screenshot under target/screenshots/access-review/. The asynchronous steps between the
 * tasks run as the job executor would ({@link EngineJobs}).
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class AccessReviewTasklistBrowserIT {

    static final ObjectMapper json = new ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "access-review");

    @LocalServerPort int port;
    @Autowired AccessReviewStore store;
    @Autowired ReviewDecisions decisions;
    @Autowired ManagementService management;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired Clock clock;
    ChromeDriver browser;
    AccessReviewFixture fixture;
    int step;

    @BeforeEach
    void aSystemWithItsRosterAndSnapshot(ChromeDriver browser) throws Exception {
        this.browser = browser;
        fixture = new AccessReviewFixture(LocalDate.now(clock));
        assertThat(client("ciso").putJson("/api/access-reviews/systems/" + fixture.system,
                "{\"name\": \"Test system\", \"owner\": \"ciso\", \"deputy\": \"manager\", \"classification\": \"phi-restricted\"}")
                .statusCode()).isEqualTo(200);
        assertThat(client("sysadmin").post("/api/access-reviews/snapshots?kind=roster", "text/csv", fixture.roster()).statusCode())
                .isEqualTo(201);
        assertThat(client("sysadmin").post("/api/access-reviews/snapshots", "text/csv", fixture.snapshot()).statusCode())
                .isEqualTo(201);
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void aCampaignIsReviewedRemovedVerifiedAndSignedOffInTasklist() throws Exception {
        var started = client("manager").postJson("/api/access-reviews/campaigns", "{\"systems\": [\"" + fixture.system + "\"]}");
        assertThat(started.statusCode()).isEqualTo(202);
        String instance = json.readTree(started.body()).path("processInstanceId").asText();
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_OpenCampaign);
        long campaignId = store.campaignOfProcess(instance).orElseThrow().id();

        // ---- the manager reviews: three accounts, flagged ones first
        Task managerTask = reviewTask(instance, "manager");
        logIn("manager");
        openTask(managerTask.getId());
        assertThat(cardTitle()).isEqualTo("Review access");
        assertThat(formText()).contains("Campaign " + campaignId).contains("reviewer manager");
        assertThat(values("Account")).containsExactly("sysadmin", fixture.terminated, "staff");
        assertThat(values("Risk flags")).containsExactly("PRIVILEGED", "TERMINATED", "none");
        assertThat(values("Entitlement")).containsExactly("admin (privileged)", "read", "read");
        assertThat(values("System")).containsOnly(fixture.system);
        assertThat(pageText()).doesNotContain("/api/access-reviews");
        screenshot("manager-review-form");

        // Revoke without a reason: refused, naming the field's label and the account, and nothing is decided.
        choose(1, "Revoke");
        save();
        complete();
        waitForText("'Reason' of account " + fixture.terminated + " on " + fixture.system + ": required to revoke access");
        screenshot("manager-review-refused-without-reason");
        assertThat(decisions.items(campaignId, "manager")).allSatisfy(item -> assertThat(item.decision()).isNull());

        typeInRow(1, "Left the company");
        choose(0, "Keep");
        typeInRow(0, "On-call administrator");
        chooseOutsideRows("Bulk decision for the items left undecided", "Keep");
        screenshot("manager-review-decided");
        save();
        complete();
        waitUntilDone(managerTask);
        screenshot("manager-review-completed");
        var managerItems = decisions.items(campaignId, "manager");
        assertThat(AccessReviewProcessFixture.itemOf(managerItems, fixture.terminated).decision()).isEqualTo("REVOKE");
        assertThat(AccessReviewProcessFixture.itemOf(managerItems, "sysadmin").decision()).isEqualTo("KEEP");
        assertThat(AccessReviewProcessFixture.itemOf(managerItems, "staff").decision()).isEqualTo("KEEP");
        assertThat(runtime.getVariable(instance, AccessReviewVariables.CAMPAIGN_ID.name()))
                .as("the campaign's id is still the number it was").isEqualTo(campaignId);
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);

        // ---- the CISO reviews in bulk, with a reason for the flagged accounts
        Task cisoTask = reviewTask(instance, "ciso");
        logIn("ciso");
        openTask(cisoTask.getId());
        assertThat(values("Account")).contains("orphan-7", "manager", "sysadmin");
        chooseOutsideRows("Bulk decision for the items left undecided", "Keep");
        chooseSelect("Applies to", "All undecided items");
        type(browser, "Reason for the bulk decision", "Reviewed with the system's team");
        screenshot("ciso-review-bulk");
        complete();
        waitUntilDone(cisoTask);
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_RequestDeprovisioning);

        // ---- IT operations removes the revoked access: the card and the form name system, account and entitlement
        var revocation = store.revocations(campaignId).get(0);
        Task deprovision = tasks.createTaskQuery().processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id()))
                .singleResult();
        logIn("sysadmin");
        openTask(deprovision.getId());
        assertThat(cardTitle()).isEqualTo("Remove access: " + fixture.terminated + " on " + fixture.system + " (read)");
        assertThat(formText()).contains(fixture.system).contains(fixture.terminated).contains("read")
                .contains("Revocation " + revocation.id());
        claim();
        screenshot("sysadmin-deprovision-form");
        complete();
        // Refused: by the form (the box is required) or, if the browser sends false, by Vigil naming the field's label.
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> pageText().contains("Field is required")
                || pageText().contains("'The access is removed' (removed): check it once the entitlement is removed"));
        assertThat(tasks.createTaskQuery().taskId(deprovision.getId()).count()).as("an unchecked box completes nothing").isOne();
        screenshot("sysadmin-deprovision-refused-unchecked");
        check("The access is removed");
        complete();
        waitUntilDone(deprovision);
        screenshot("sysadmin-deprovision-completed");
        assertThat(store.revocation(revocation.id()).orElseThrow().deprovisionedBy()).isEqualTo("sysadmin");
        assertThat(runtime.getVariable(deprovision.getProcessInstanceId(), AccessRevocationVariables.REVOCATION_ID.name()))
                .as("the revocation's id is still the number it was").isEqualTo(revocation.id());

        // ---- the CISO verifies the removal
        Task verify = tasks.createTaskQuery().processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id()))
                .singleResult();
        logIn("ciso");
        openTask(verify.getId());
        assertThat(cardTitle()).isEqualTo("Verify the removal: " + fixture.terminated + " on " + fixture.system + " (read)");
        assertThat(formText()).contains(fixture.terminated).contains(fixture.system);
        claim();
        check("I checked: the access is gone");
        screenshot("ciso-verify-form");
        complete();
        waitUntilDone(verify);
        assertThat(store.revocation(revocation.id()).orElseThrow().verification()).isEqualTo("HAND");

        // ---- both reviews are done and the reviews close: no second de-provisioning of the verified removal
        management.createJobQuery().processInstanceId(instance).timers()
                .activityId(AccessReviewProcess.BoundaryEvent_ReviewWindowClosed).list()
                .forEach(job -> management.executeJob(job.getId()));
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_CloseReviews);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AccessRevocationProcess.KEY)
                .processInstanceBusinessKey(AccessRevocationProcess.businessKey(revocation.id())).count()).isOne();

        // ---- the system's owner signs off, seeing every account with its decision
        Task signOff = tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(AccessReviewProcess.Task_SignOffSystem).singleResult();
        openTask(signOff.getId());
        assertThat(cardTitle()).isEqualTo("Sign off the review of the system");
        String table = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.findElement(By.cssSelector(".fjs-table")).getText());
        assertThat(table).contains("orphan-7", fixture.terminated, "revoke", "Left the company", "keep");
        assertThat(formText()).contains("system " + fixture.system);
        screenshot("ciso-sign-off-form");
        check("I confirm the review of this system");
        complete();
        waitUntilDone(signOff);
        EngineJobs.runAt(management, instance, AccessReviewProcess.Task_PublishReport);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        assertThat(store.campaign(campaignId).orElseThrow().status()).isEqualTo(CampaignStates.CLOSED);

        // ---- the auditor has no task of the review, and reads the report
        logIn("auditor");
        browser.get(tasklist());
        screenshot("auditor-tasklist");
        assertThat(client("auditor").get("/api/access-reviews/campaigns/" + campaignId + "/report").body())
                .contains(fixture.terminated).contains("Left the company");
    }

    // ------------------------------------------------------------------------------------------- Tasklist

    private String tasklist() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    private void logIn(String user) {
        // Cookies go with the page's site; then a full load, as a change of the hash alone would keep the last page.
        browser.get(tasklist());
        browser.manage().deleteAllCookies();
        browser.get("about:blank");
        browser.get(tasklist());
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        var form = wait.until(driver -> driver.findElement(By.cssSelector("form[name=signinForm]")));
        form.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        form.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.findElements(By.cssSelector("form[name=signinForm]")).isEmpty()
                && !driver.findElements(By.cssSelector(".task-filters")).isEmpty());
    }

    private void openTask(String taskId) {
        // A full load, so that nothing of the task before is still on the page.
        browser.get("about:blank");
        browser.get(tasklist() + "#/?task=" + taskId);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> !driver.findElements(By.cssSelector(".task-card h2.task")).isEmpty()
                && !driver.findElements(By.cssSelector(".fjs-container")).isEmpty());
    }

    private String cardTitle() {
        return browser.findElement(By.cssSelector(".task-card h2.task")).getText().strip();
    }

    private String formText() {
        return browser.findElement(By.cssSelector(".fjs-container")).getText();
    }

    private String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /**
     * The fields of a dynamic list's rows, in order: form-js wraps a row in an element of its own only where rows may
     * be added and removed, which the review's list does not allow.
     */
    private List<WebElement> fields(String type, String label) {
        return browser.findElements(By.xpath("//div[contains(@class,'fjs-form-field-" + type + "')]"
                + "[.//label[normalize-space(.)='" + label + "']]"));
    }

    private List<String> values(String label) {
        return fields("textfield", label).stream()
                .map(field -> field.findElement(By.tagName("input")).getDomProperty("value")).toList();
    }

    /** Clicks the option {@code option} of the decision of row {@code row} (radio buttons). */
    private void choose(int row, String option) {
        click(fields("radio", "Decision").get(row).findElement(By.xpath(".//label[normalize-space(.)='" + option + "']")));
    }

    private void typeInRow(int row, String reason) {
        var input = fields("textfield", "Reason").get(row).findElement(By.tagName("input"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(reason);
    }

    /** The input of the field labelled {@code label} inside {@code scope} (a row, or the whole page). */
    private static WebElement input(SearchContext scope, String type, String label) {
        return scope.findElement(By.xpath(".//div[contains(@class,'fjs-form-field-" + type + "')]"
                + "[.//label[starts-with(normalize-space(.),'" + label + "')]]//" + (type.equals("textarea") ? "textarea" : "input")));
    }

    private void type(SearchContext scope, String label, String text) {
        var field = input(scope, "textfield", label);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    private void chooseOutsideRows(String groupLabel, String option) {
        click(browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-radio')][.//label[starts-with(normalize-space(.),'"
                + groupLabel + "')]]//label[normalize-space(.)='" + option + "']")));
    }

    /** form-js's select is a list that opens on a click, not a native select. */
    private void chooseSelect(String label, String optionStartingWith) {
        var field = browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with(normalize-space(.),'"
                + label + "')]]"));
        click(field.findElement(By.cssSelector(".fjs-input-group")));
        click(new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> field.findElement(By.xpath(
                ".//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.),'" + optionStartingWith + "')]"))));
    }

    private void check(String label) {
        click(browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-checkbox')][.//label[contains(normalize-space(.),'"
                + label + "')]]//input[@type='checkbox']")));
    }

    private void claim() {
        var claim = browser.findElements(By.cssSelector("button.claim"));
        if (!claim.isEmpty()) {
            click(claim.get(0));
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> driver.findElements(By.cssSelector("button.claim")).isEmpty());
        }
    }

    /**
     * Tasklist 7.24 keeps Complete disabled after a change inside a form-js dynamic list (form-js leaves an empty
     * error entry for the row, which Tasklist counts as an error) until the form is validated again: Save does that.
     */
    private void save() {
        click(browser.findElement(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@class,'btn-default')]")));
    }

    private void complete() {
        By completeButton = By.xpath("//div[contains(@class,'form-actions')]//button[contains(@class,'btn-primary')]");
        var button = new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(completeButton));
        if (!button.isEnabled()) {
            save();
        }
        click(new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            var enabled = driver.findElement(completeButton);
            return enabled.isEnabled() ? enabled : null;
        }));
    }

    /** Clicks an element scrolled to the middle of the window, clear of Tasklist's banner and footer. */
    private void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            // Under a notification Tasklist keeps on the page (a refusal shown before): clicked as the user would after closing it.
            browser.executeScript("arguments[0].click();", element);
        }
    }

    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> pageText().contains(text));
    }

    private void waitUntilDone(Task task) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver ->
                tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    private Task reviewTask(String instance, String reviewer) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(AccessReviewProcess.Task_ReviewAccess)
                .taskAssignee(reviewer).singleResult();
    }

    private void screenshot(String name) throws Exception {
        step++;
        Files.write(SCREENSHOTS.resolve("%02d-%s.png".formatted(step, name)), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }
}
