package org.vigil.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;

/**
 * The rule catalog page in headless Chromium, as the privacy officer reviews it with counsel: the coverage and the
 * count of rules by confidence, Texas with its own definition and its attorney-general duty cited and tagged, the
 * filter down to the jurisdictions with UNVERIFIED entries; WCAG AA contrast, no sideways scrolling at 400 px, no
 * Content-Security-Policy violation. Staff get Vigil's 403 page. Screenshots under target/screenshots/catalog/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class CatalogPageBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "catalog");

    @LocalServerPort int port;

    @Test
    void thePrivacyOfficerReviewsTheCatalogAndStaffAreRefused(ChromeDriver browser) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        HeadlessChromium.logIn(browser, port, "privacy");
        for (int width : new int[] {1400, 400}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            browser.get("http://localhost:" + port + "/catalog");
            var texas = wait(browser).until(driver -> driver.findElement(By.id("US-TX")));
            assertThat(browser.findElement(By.id("summary")).getText())
                    .contains("US jurisdictions covered").contains("Rules by confidence").contains("UNVERIFIED");
            assertThat(texas.getText()).contains("Texas (US-TX)", "Tex. Bus. & Com. Code 521.002", "acquisition");
            var attorneyGeneral = texas.findElement(By.cssSelector("tr[data-rule='TX-AG']"));
            assertThat(attorneyGeneral.getText()).contains("state_ag:TX", "30 days after determination", "per state >= 250",
                    "Tex. Bus. & Com. Code 521.053(i)");
            Files.write(SCREENSHOTS.resolve("catalog-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            assertThat(HeadlessChromium.lowContrast(browser)).as("texts below WCAG AA contrast at %d px", width).isEmpty();
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("page width in a %d px window", width).isLessThanOrEqualTo(width);
        }

        new Select(browser.findElement(By.id("filter"))).selectByValue("UNVERIFIED");
        var shown = browser.findElements(By.cssSelector("section.jurisdiction"));
        assertThat(shown).isNotEmpty().allSatisfy(section ->
                assertThat(section.findElements(By.cssSelector(".confidence-UNVERIFIED")).size()
                        + (section.getText().contains("[UNVERIFIED]") ? 1 : 0)).isPositive());
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();

        HeadlessChromium.logIn(browser, port, "staff");
        browser.get("http://localhost:" + port + "/catalog");
        var problem = wait(browser).until(driver -> driver.findElement(By.id("problem")));
        assertThat(problem.getDomAttribute("data-status")).isEqualTo("403");
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
