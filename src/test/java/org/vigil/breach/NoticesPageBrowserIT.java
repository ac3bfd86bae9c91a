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

/** The notices page in headless Chromium: the privacy officer uploads the list, previews the letter, follows the batch. */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class NoticesPageBrowserIT {

    @LocalServerPort int port;
    @Autowired Incidents incidents;
    @Autowired ObligationRepository obligations;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
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

        // A count by hand that is not a jurisdiction is refused with its field named.
        browser.findElement(By.id("facts-counts")).sendKeys("Texas: 3");
        browser.findElement(By.cssSelector("#facts button")).click();
        wait.until(driver -> driver.findElement(By.id("message")).getText().contains("affectedCounts"));

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
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "notices-page.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        browser.get(url(preview));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Dear Person 1,", "A backup tape was lost in transit.",
                "March 1, 2026", "We now encrypt every tape.");
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();

        logIn("manager");
        browser.get(url("/notices/obligations/" + individuals.id() + "/notice"));
        assertThat(browser.getPageSource()).doesNotContain("Dear Person 1");
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
