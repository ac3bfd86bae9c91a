package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
import org.vigil.WebClient;

/**
 * Issue 15, point 2, in Camunda Tasklist itself (headless Chromium): the privacy officer's list shows the four notices
 * of one incident as four different cards, each with whom it goes to, the incident and the deadline in its name and
 * the filter's variables below it. The screenshot is kept in target/screenshots/cards/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class TaskCardsBrowserIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;

    @Test
    void thePrivacyOfficerTellsTheNoticesOfOneIncidentApartInTasklist(ChromeDriver browser) throws Exception {
        long incident = report("Fax with Jane Doe's lab results sent to the wrong clinic");
        PlannedBreach.plan(incident, "US-TX: 300", runtime, tasks, management);

        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(page -> !page.findElements(By.cssSelector("input[ng-model=username]")).isEmpty());
        browser.findElement(By.cssSelector("input[ng-model=username]")).sendKeys("privacy");
        browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();

        // Tasklist opens the group's first filter ("Privacy office: open tasks"), newest tasks first.
        String marker = "incident " + incident + ", due ";
        // Tasklist polls and redraws its list, so cards are read in one script call, as text, never kept as elements.
        List<Card> cards;
        try {
            wait.until(page -> cards(browser, marker).size() == 4);
            // The list may hold other tests' tasks above this incident's: its first card at the top of the picture.
            browser.executeScript("""
                    var card = Array.from(document.querySelectorAll('ol.tasks-list li.task'))
                        .find(c => (c.querySelector('h4.task') || {}).textContent && c.querySelector('h4.task').textContent.includes(arguments[0]));
                    if (card) { card.scrollIntoView(true); }""", marker);
        } finally {
            Files.createDirectories(Path.of("target", "screenshots", "cards"));
            Files.write(Path.of("target", "screenshots", "cards", "privacy-office-open-tasks.png"), browser.getScreenshotAs(OutputType.BYTES));
        }
        cards = cards(browser, marker);

        assertThat(cards).extracting(Card::name).containsExactlyInAnyOrder(
                "Prepare the notice: Texas attorney general, " + marker + dueOf(cards, "Texas attorney general"),
                "Prepare the notice: individuals in the United States, " + marker + dueOf(cards, "individuals in the United States"),
                "Prepare the notice: individuals in Texas, " + marker + dueOf(cards, "individuals in Texas"),
                "Prepare the notice: HHS, " + marker + dueOf(cards, "HHS"));
        // The filter's variables under each name: the incident, whom the notice goes to, its jurisdiction.
        assertThat(cards).extracting(Card::text)
                .allSatisfy(text -> assertThat(text).contains("Incident", String.valueOf(incident), "Notice to", "Jurisdiction")
                        .doesNotContain("Jane Doe", "lab results"))
                .anySatisfy(text -> assertThat(text).contains("Texas attorney general", "US-TX"));
    }

    record Card(String name, String text) {}

    /** The cards whose name holds {@code marker}: name and whole text, read in one call while the list stands still. */
    @SuppressWarnings("unchecked")
    private static List<Card> cards(ChromeDriver browser, String marker) {
        var read = (List<List<String>>) browser.executeScript("""
                return Array.from(document.querySelectorAll('ol.tasks-list li.task'))
                    .map(c => [c.querySelector('h4.task') ? c.querySelector('h4.task').innerText.trim() : '', c.textContent])
                    .filter(pair => pair[0].includes(arguments[0]));""", marker);
        return read.stream().map(pair -> new Card(pair.get(0), pair.get(1))).toList();
    }

    /** The deadline's day as the card of that recipient shows it; the arithmetic is NotificationObligationProcessTest's. */
    private static String dueOf(List<Card> cards, String recipient) {
        String name = cards.stream().map(Card::name)
                .filter(text -> text.startsWith("Prepare the notice: " + recipient + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no card for " + recipient));
        String due = name.substring(name.indexOf(", due ") + ", due ".length());
        assertThat(due).as(name).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \\d{1,2} [A-Z][a-z]{2} \\d{4}");
        return due;
    }

    private long report(String title) throws Exception {
        var response = new WebClient(port).as("staff", "demo").postJson("/api/incidents", """
                {"title": "%s", "discoveredAt": "%s", "affectedEstimate": {"US-TX": 20}}
                """.formatted(title, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }
}
