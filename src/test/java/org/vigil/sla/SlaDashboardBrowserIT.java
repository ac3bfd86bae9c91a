package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;
import org.vigil.breach.BreachResponseProcess;
import org.vigil.breach.events.IncidentContained;

/** The /sla page in a real headless Chromium (Debian's chromium and chromium-driver). */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class SlaDashboardBrowserIT {

    static final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    @LocalServerPort int port;
    @Autowired Deadlines deadlines;
    @Autowired SlaRefresher refresher;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    ChromeDriver browser;

    @BeforeEach
    void browser(ChromeDriver browser) {
        this.browser = browser;
    }

    @Test
    void aManagerSeesTheOverdueItemAndItsChartRenders() throws Exception {
        String label = "Overdue notice " + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        deadlines.track(new DeadlineSpec(DeadlineSpec.OBLIGATION, UUID.randomUUID().toString(), BreachResponseProcess.KEY, "hhs",
                "instance-1", null, label, "privacy-office", now.minus(Duration.ofDays(61)), now.minus(Duration.ofDays(1)), null, null));
        refresher.refresh();

        logIn("manager");
        browser.get(url("/sla"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-rendered")));

        assertThat(browser.findElement(By.id("overdue")).getText()).contains(label, "Open in Cockpit");
        Object drawn = ((JavascriptExecutor) browser).executeScript(
                "const chart = Chart.getChart('chart-urgency'); return chart ? chart.data.datasets[0].data[0] : null;");
        assertThat(((Number) drawn).longValue()).isPositive();
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sla-dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aManagerReadsTheResponseTimesAndWhatEachFigureCounts() throws Exception {
        // An incident contained two days after its discovery, as breach announces it after its commit.
        long incidentId = 2_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        Instant discovered = Instant.now().minus(Duration.ofDays(5));
        transactions.executeWithoutResult(status -> events.publishEvent(new IncidentContained(incidentId, discovered, discovered.plus(Duration.ofDays(2)))));
        var manager = new WebClient(port).as("manager", "demo");
        // Recorded after commit, and the summary is computed at most every 10 s.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() ->
                json.readTree(manager.get("/api/sla/summary").body()).path("timeToContain").path("incidents").asLong() > 0);

        logIn("manager");
        browser.get(url("/sla"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-rendered")));

        assertThat(browser.findElement(By.id("mean-contain")).getText()).matches("\\d+\\.\\d hours");
        assertThat(browser.findElement(By.id("mean-contain-basis")).getText()).matches("over \\d+ incidents?, last 365 days");
        assertThat(browser.findElement(By.id("mean-notify")).getText()).matches("n/a|\\d+\\.\\d days");
        assertThat(browser.findElement(By.id("definitions")).getText())
                .contains("end of its containment as IT operations recorded it", "last required notice to individuals",
                        "a notice sent after its deadline is late");
        assertThat(browser.findElements(By.cssSelector("a.csv")).stream().map(link -> link.getDomAttribute("href")))
                .contains("/api/sla/summary.csv", "/api/sla/response-times.csv");
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();
    }

    @Test
    void staffIsRefused() {
        logIn("staff");
        browser.get(url("/api/sla/summary"));
        assertThat(browser.getPageSource()).doesNotContain("openByUrgency");
        browser.get(url("/sla"));
        assertThat(browser.getPageSource()).doesNotContain("Deadlines and SLAs");
    }

    private void logIn(String user) {
        HeadlessChromium.logIn(browser, port, user);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
