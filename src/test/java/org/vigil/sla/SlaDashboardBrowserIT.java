package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;

/** The /sla page in a real headless Chromium (Debian's chromium and chromium-driver). */
@VigilSpringTest
class SlaDashboardBrowserIT {

    @LocalServerPort int port;
    @Autowired Deadlines deadlines;
    @Autowired SlaRefresher refresher;
    ChromeDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aManagerSeesTheOverdueItemAndItsChartRenders() throws Exception {
        String label = "Overdue notice " + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now();
        deadlines.track(new DeadlineSpec(DeadlineSpec.OBLIGATION, UUID.randomUUID().toString(), "breach-response", "hhs",
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
