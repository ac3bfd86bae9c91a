package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;

/**
 * The risk page in headless Chromium: the auditor logs in through /login and sees the heat map with the register's
 * risks in their cells, the register without descriptions, and the Statement of Applicability's 93 controls; no
 * Content-Security-Policy rule is broken; staff get Vigil's 403 page. Screenshot under target/screenshots/risk/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class RiskPageBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "risk");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired RiskFigures figures;

    @Test
    void theAuditorSeesTheHeatMapTheRegisterAndTheSoaAndStaffAreRefused(ChromeDriver browser) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        var rows = new RiskRows(jdbc);
        Instant now = Instant.now();
        String asset = rows.asset("high", now.minus(Duration.ofDays(10)), null);
        long risk = rows.risk(asset, "workforce-snooping", now.minus(Duration.ofDays(1)), 4, 5, 3, 5, "TREATING");
        rows.treatedBy(risk, "A.8.15");
        jdbc.sql("UPDATE risk_entry SET description = 'patient Jane Roe looked up by a clerk' WHERE id = ?").param(risk).update();
        long inCell = figures.now().heatMap().count(3, 5);

        HeadlessChromium.logIn(browser, port, "auditor");
        browser.get("http://localhost:" + port + "/risk");
        var heatMap = wait(browser).until(driver -> driver.findElement(By.id("heat-map")));
        var cell = heatMap.findElement(By.cssSelector("td[data-likelihood='3'][data-impact='5']"));
        assertThat(cell.getText()).isEqualTo(String.valueOf(inCell));
        assertThat(cell.getDomAttribute("class")).contains("band-high", "above");
        var riskRow = browser.findElements(By.cssSelector("#risks tbody tr")).stream()
                .filter(row -> row.getText().startsWith("R-" + risk + " ")).findFirst().orElseThrow();
        assertThat(riskRow.getText()).contains(asset, "workforce-snooping", "4 x 5 = 20", "3 x 5 = 15", "high", "A.8.15");
        assertThat(browser.findElement(By.id("assets")).getText()).contains(asset);
        assertThat(browser.findElements(By.cssSelector("#soa tbody tr"))).hasSize(93);
        assertThat(browser.findElement(By.cssSelector("#soa tr[data-control='A.8.15']")).getText()).contains("R-" + risk);
        assertThat(browser.getPageSource()).doesNotContain("Jane Roe");
        Files.write(SCREENSHOTS.resolve("risk-1400.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();

        HeadlessChromium.logIn(browser, port, "staff");
        browser.get("http://localhost:" + port + "/risk");
        var problem = wait(browser).until(driver -> driver.findElement(By.id("problem")));
        assertThat(problem.getDomAttribute("data-status")).isEqualTo("403");
        assertThat(browser.getPageSource()).doesNotContain("heat-map");
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
