package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;

/**
 * The notices page in headless Chromium: the privacy officer uploads the list, previews the letter, follows the batch;
 * and the page speaks in words (issue 15, point 6): recipients, missing facts and where to supply them, deadlines in the
 * company zone with its abbreviation, a preview only once it renders, a bad line of counts refused by its number.
 * Screenshots in {@code target/screenshots/notices/}.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class NoticesPageBrowserIT {

    @LocalServerPort int port;
    @Autowired Incidents incidents;
    @Autowired ObligationRepository obligations;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired IncidentRepository incidentRows;
    @Autowired org.vigil.platform.CompanySettings company;
    ChromeDriver browser;

    @BeforeEach
    void browser(ChromeDriver browser) {
        this.browser = browser;
    }

    @Test
    void thePrivacyOfficerUploadsTheListPreviewsTheLetterAndGetsThePrintFile() throws Exception {
        long incidentId = incidents.report(new IncidentReport(null, "Lost backup tape", null, OffsetDateTime.parse("2026-03-01T08:00:00-06:00"),
                OffsetDateTime.parse("2026-03-03T10:00:00-06:00"), "front desk", List.of(), List.of("name", "diagnosis"), Map.of("US-TX", 3)),
                "staff").incidentId();
        PlannedBreach.plan(incidentId, "US-TX: 3", runtime, tasks, management);
        var individuals = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(obligation -> obligation.recipient().equals("individuals")).findFirst().orElseThrow();
        String notice = PlannedBreach.obligationProcess(runtime, individuals.id());
        PlannedBreach.complete(tasks, notice, Map.of("phiNoticeWhatHappened", "A backup tape was lost in transit.",
                "phiNoticeSteps", "Watch your insurer's statements.", "phiNoticeWhatWeAreDoing", "We now encrypt every tape."));

        logIn("privacy");
        browser.get(url("/notices?incident=" + incidentId));
        // The page redraws its table after each change: an element read mid-redraw is looked up again.
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
        wait.until(driver -> driver.findElement(By.id("incident-title")).getText().contains("Lost backup tape"));

        upload("name,postal_address,email,jurisdiction,contact_valid\nAna Diaz,1 Elm St,,US-TX,true\nBo Park,2 Oak St,,Texas,true\n");
        wait.until(driver -> driver.findElement(By.id("problems")).getText().contains("line 3, jurisdiction"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("nothing was stored");

        Path evidence = Files.createTempFile("police-report", ".txt");
        Files.writeString(evidence, "Police report 2026-0042");
        browser.findElement(By.id("evidence-file")).sendKeys(evidence.toAbsolutePath().toString());
        browser.findElement(By.id("evidence-note")).sendKeys("Filed with the city police");
        browser.findElement(By.cssSelector("#evidence-upload button")).click();
        wait.until(driver -> driver.findElement(By.id("evidence")).getText().contains("Filed with the city police"));
        assertThat(browser.findElement(By.id("evidence")).getText()).contains(evidence.getFileName().toString(), "23 bytes, by privacy", "SHA-256");

        // A count by hand that is not a jurisdiction is refused with its field and line named.
        browser.findElement(By.id("facts-counts")).sendKeys("Texas: 3");
        browser.findElement(By.cssSelector("#facts button")).click();
        wait.until(driver -> driver.findElement(By.id("message")).getText().contains("affectedCounts"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("line 1", "Texas is not a jurisdiction code", "Nothing was saved");
        browser.findElement(By.id("facts-counts")).clear();

        upload(PlannedBreach.people(3, 0));
        wait.until(driver -> driver.findElement(By.id("counts")).getText().contains("US-TX: 3"));
        wait.until(driver -> driver.findElement(By.id("missing-" + individuals.id())).getText().contains("nothing"));

        String preview = "/notices/obligations/" + individuals.id() + "/notice?kind=individual-notice";
        wait.until(driver -> !driver.findElements(By.cssSelector("a[href='" + preview + "']")).isEmpty());
        PlannedBreach.complete(tasks, notice, Map.of("noticeApproved", true));
        browser.get(url("/notices?incident=" + incidentId));
        wait.until(driver -> !driver.findElements(By.linkText("print file (ZIP)")).isEmpty());
        wait.until(driver -> driver.findElement(By.id("letters-" + individuals.id())).getText().contains("3 of 3 (done)"));
        assertThat(browser.findElement(By.id("letters-" + individuals.id())).getText()).contains("SHA-256");
        screenshot("letters");

        browser.get(url(preview));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Dear Person 1,", "A backup tape was lost in transit.",
                "March 1, 2026", "We now encrypt every tape.");
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();

        logIn("manager");
        browser.get(url("/notices/obligations/" + individuals.id() + "/notice"));
        assertThat(browser.getPageSource()).doesNotContain("Dear Person 1");
    }

    @Test
    void thePageSpeaksInWordsAndRefusesABadLineOfCountsByItsNumber() throws Exception {
        long incidentId = incidents.report(new IncidentReport(null, "Misdirected fax", null, OffsetDateTime.parse("2026-03-01T08:00:00-05:00"),
                OffsetDateTime.parse("2026-03-02T09:00:00-05:00"), "front desk", List.of(), List.of("name", "diagnosis"),
                Map.of("US-TX", 3, "US-NY", 2)), "staff").incidentId();
        PlannedBreach.plan(incidentId, "US-TX: 3\nUS-NY: 2", runtime, tasks, management);
        var texans = obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream()
                .filter(obligation -> obligation.recipient().equals("individuals") && obligation.jurisdiction().equals("US-TX"))
                .findFirst().orElseThrow();
        assertThat(incidentRows.findById(incidentId).orElseThrow().status()).isEqualTo(IncidentStatus.NOTIFYING);
        String factsBefore = incidentRows.findById(incidentId).orElseThrow().facts();

        logIn("privacy");
        browser.get(url("/notices?incident=" + incidentId));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class);
        wait.until(driver -> !driver.findElements(By.id("missing-" + texans.id())).isEmpty());
        browser.executeScript("document.getElementById('obligations').scrollIntoView()");
        screenshot("in-words");

        // Whom each notice goes to, in words; the catalog's code only in small print.
        var recipients = browser.findElements(By.cssSelector("#obligations tr td:first-child span")).stream().map(e -> e.getText()).toList();
        assertThat(recipients).contains("individuals in Texas", "individuals in New York", "New York Department of State", "HHS")
                .noneMatch(name -> name.matches(".*[a-z_]+:.*"));
        assertThat(browser.findElement(By.id("obligations")).getText()).contains("state_regulator:NY-DOS");

        // The deadline in the company zone, with the zone's abbreviation.
        var row = browser.findElement(By.id("missing-" + texans.id())).findElement(By.xpath(".."));
        String deadline = row.findElement(By.cssSelector("td.deadline")).getText();
        assertThat(deadline).isEqualTo(java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", java.util.Locale.ENGLISH)
                .format(texans.targetDeadline().atZone(company.zone()))).matches(".* \\d{2}:\\d{2} [A-Z]{2,5}");

        // Nothing prepared yet: the document by its name, each missing fact in words with where to supply it, no preview.
        String missing = browser.findElement(By.id("missing-" + texans.id())).getText();
        assertThat(missing).contains("The individual notice lacks:", "what happened: in the task 'Prepare the notice'",
                "what we are doing about it: in the task 'Prepare the notice'").doesNotContain("INDIVIDUAL_NOTICE", "whatHappened");
        String preview = "/notices/obligations/" + texans.id() + "/notice?kind=individual-notice";
        assertThat(browser.findElements(By.cssSelector("a[href='" + preview + "']"))).isEmpty();
        assertThat(row.getText()).contains("individual notice: not ready yet");
        assertNoRawJson();

        // Opened all the same (a bookmark, a link from elsewhere): a page in words, not the API's 422 body.
        browser.get(url(preview));
        var problem = browser.findElement(By.id("problem"));
        assertThat(problem.getDomAttribute("data-status")).isEqualTo("422");
        assertThat(problem.getText()).contains("This notice cannot be shown yet", "The individual notice to individuals in Texas lacks:",
                "what happened: in the task 'Prepare the notice'");
        assertThat(problem.findElement(By.id("to-notices")).getDomAttribute("href")).isEqualTo("/notices?incident=" + incidentId);
        assertNoRawJson();
        screenshot("preview-not-ready");
        browser.get(url(preview + "&format=pdf"));
        assertThat(browser.findElement(By.id("problem")).getText()).contains("This notice cannot be shown yet");
        assertNoRawJson();

        // A bad line among good ones: refused by its number, nothing saved, the incident still notifying.
        browser.get(url("/notices?incident=" + incidentId));
        wait.until(driver -> driver.findElement(By.id("incident-title")).getText().contains("(notifying)"));
        browser.findElement(By.id("facts-counts")).sendKeys("US-TX: 30\nTexas 5\nUS-NY: 2");
        browser.findElement(By.cssSelector("#facts button")).click();
        wait.until(driver -> driver.findElement(By.id("message")).getText().contains("line 2"));
        assertThat(browser.findElement(By.id("message")).getText()).contains("write it as US-TX: 300", "Nothing was saved")
                .doesNotContain("Facts saved");
        assertNoRawJson();
        screenshot("bad-line-refused");
        assertThat(incidentRows.findById(incidentId).orElseThrow().facts()).isEqualTo(factsBefore);
        assertThat(incidentRows.findById(incidentId).orElseThrow().status()).isEqualTo(IncidentStatus.NOTIFYING);

        // The good lines alone are saved; the incident stays where it was.
        browser.findElement(By.id("facts-counts")).clear();
        browser.findElement(By.id("facts-counts")).sendKeys("US-TX: 30\nUS-NY: 2");
        browser.findElement(By.cssSelector("#facts button")).click();
        wait.until(driver -> driver.findElement(By.id("message")).getText().contains("Facts saved"));
        wait.until(driver -> driver.findElement(By.id("incident-title")).getText().contains("(notifying)"));
        assertThat(incidentRows.findById(incidentId).orElseThrow().status()).isEqualTo(IncidentStatus.NOTIFYING);
        assertNoRawJson();
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();
    }

    /** What the page shows is words: never a problem body or any other JSON. */
    private void assertNoRawJson() {
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("{\"", "type\":");
    }

    private void screenshot(String name) throws Exception {
        Path folder = Path.of("target", "screenshots", "notices");
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void upload(String csv) throws Exception {
        Path file = Files.createTempFile("affected", ".csv");
        Files.writeString(file, csv);
        var input = browser.findElement(By.id("file"));
        input.sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#upload button")).click();
    }

    private void logIn(String user) {
        HeadlessChromium.logIn(browser, port, user);
    }

    private String url(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }
}
