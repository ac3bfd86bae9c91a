package org.vigil.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;

/**
 * The demo's mails page in headless Chromium: an administrator logs in through /login, sees a caught mail by its
 * subject, recipients and time, opens it to read its text; the page reads at WCAG 2.1 AA contrast
 * ({@code look/contrast.js}), does not scroll sideways in a 400 px window and breaks no Content-Security-Policy rule;
 * anyone else gets Vigil's 403 page. Screenshots under target/screenshots/demo-mails/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class MailCatcherBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "demo-mails");

    @LocalServerPort int port;
    @Autowired MailCatcher catcher;

    @Test
    void anAdministratorReadsACaughtMailAndOthersGetTheRefusalPage(ChromeDriver browser) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        String subject = "[Vigil] ESCALATION: notice to HHS due Fri 1 May 2026 23:59 EDT " + UUID.randomUUID();
        String messageId = "<vigil-mail-" + UUID.randomUUID() + "@vigil.example>";
        MailCatcherPageIT.handToCatcher(catcher.port(), subject, messageId,
                "The notice to HHS of incident 42 has not been sent, and its deadline is close:\nFri 1 May 2026 23:59 EDT");

        HeadlessChromium.logIn(browser, port, "admin");
        for (int width : new int[] {1400, 400}) {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            browser.get("http://localhost:" + port + "/demo/mails");
            var mail = wait(browser).until(driver -> driver.findElement(By.cssSelector("li[data-message-id='" + messageId + "']")));
            assertThat(mail.getText()).contains(subject, "To privacy@vigil.example, ciso@vigil.example");
            assertThat(mail.findElement(By.cssSelector("pre")).isDisplayed()).as("the text waits for a click").isFalse();
            mail.findElement(By.tagName("summary")).click();
            assertThat(mail.findElement(By.cssSelector("pre")).getText()).contains("The notice to HHS of incident 42 has not been sent");
            Files.write(SCREENSHOTS.resolve("demo-mails-" + width + ".png"), browser.getScreenshotAs(OutputType.BYTES));
            assertThat(HeadlessChromium.lowContrast(browser)).as("texts below WCAG AA contrast at %d px", width).isEmpty();
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as("page width in a %d px window", width).isLessThanOrEqualTo(width);
        }
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();

        HeadlessChromium.logIn(browser, port, "privacy");
        browser.get("http://localhost:" + port + "/demo/mails");
        var problem = wait(browser).until(driver -> driver.findElement(By.id("problem")));
        assertThat(problem.getDomAttribute("data-status")).isEqualTo("403");
        assertThat(browser.getPageSource()).doesNotContain(subject);
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }
}
