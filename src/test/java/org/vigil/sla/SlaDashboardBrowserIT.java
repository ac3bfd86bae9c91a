package org.vigil.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
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

/**
 * The /sla page in a real headless Chromium (Debian's chromium and chromium-driver), logged in through /login as the
 * demo users; screenshots in target/screenshots/sla/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class SlaDashboardBrowserIT {

    static final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    static final Path SCREENSHOTS = Path.of("target", "screenshots", "sla");

    @LocalServerPort int port;
    @Autowired Deadlines deadlines;
    @Autowired SlaRefresher refresher;
    @Autowired ApplicationEventPublisher events;
    @Autowired TransactionTemplate transactions;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
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

        // Its process instance does not exist: held by the privacy office, and no link that would lead nowhere.
        var row = rowWith("overdue", label);
        assertThat(row.getText()).contains("Privacy office").doesNotContain("Open in Tasklist", "View in Cockpit");
        Object drawn = ((JavascriptExecutor) browser).executeScript(
                "const chart = Chart.getChart('chart-urgency'); return chart ? chart.data.datasets[0].data[0] : null;");
        assertThat(((Number) drawn).longValue()).isPositive();
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();
        screenshot("overdue-item");
    }

    @Test
    void aManagerViewsThePrivacyOfficesNoticesInCockpitAndThePrivacyOfficerOpensThemInTasklist() throws Exception {
        var planned = PlannedObligations.report(port, runtime, tasks, management, 7);
        refresher.refresh();

        logIn("manager");
        var managerRows = rowsOf(planned);
        // One row per obligation: its legal deadline with the zone, the step its task is at, who holds it.
        assertThat(managerRows).hasSize(planned.processOfObligation().size());
        assertThat(managerRows.stream().map(WebElement::getText)).doesNotHaveDuplicates();
        for (var row : managerRows) {
            assertThat(row.getText()).contains(planned.incidentLabel(), "Prepare the notice", "Privacy office")
                    .containsPattern("\\w{3} \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2} E[SD]T")
                    .doesNotContain(planned.title());
            assertThat(row.findElements(By.linkText("Open in Tasklist"))).as("a Tasklist link the manager cannot follow").isEmpty();
            assertThat(row.findElement(By.linkText("View in Cockpit")).getDomAttribute("href"))
                    .isIn(planned.processOfObligation().values().stream().map(id -> "/camunda/app/cockpit/default/#/process-instance/" + id).toList());
        }
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(planned.title());
        checkChartsSayTheirFigures();
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", managerRows.get(0));
        screenshot("manager");

        logIn("privacy");
        var privacyRows = rowsOf(planned);
        assertThat(privacyRows).hasSize(planned.processOfObligation().size());
        var open = privacyRows.get(0).findElement(By.linkText("Open in Tasklist"));
        String href = open.getDomAttribute("href");
        String instance = planned.processOfObligation().values().stream()
                .filter(id -> privacyRows.get(0).findElement(By.linkText("View in Cockpit")).getDomAttribute("href").endsWith("/" + id))
                .findFirst().orElseThrow();
        String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(href).isEqualTo("/camunda/app/tasklist/default/#/?task=" + task);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", privacyRows.get(0));
        screenshot("privacy");

        open.click();
        // Tasklist keeps a session of its own: it asks the privacy officer to sign in, then shows the task.
        var tasklist = new org.vigil.Tasklist(browser, port, SCREENSHOTS);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(driver -> !driver.findElements(By.cssSelector("form[name=signinForm], .task-card h2.task")).isEmpty());
        var signIn = browser.findElements(By.cssSelector("form[name=signinForm]"));
        if (!signIn.isEmpty()) {
            signIn.get(0).findElement(By.cssSelector("input[type=text]")).sendKeys("privacy");
            signIn.get(0).findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
            signIn.get(0).findElement(By.cssSelector("button[type=submit]")).click();
        }
        wait.until(driver -> !driver.findElements(By.cssSelector(".task-card h2.task")).isEmpty());
        assertThat(browser.getCurrentUrl()).contains("#/?task=" + task);
        assertThat(tasklist.cardTitle()).startsWith("Prepare the notice: ").contains(planned.incidentLabel());
        tasklist.screenshot("privacy-opens-the-task");
    }

    /** WCAG 1.1.1: each chart an image with its figures in words, and the same figures in a table. */
    private void checkChartsSayTheirFigures() {
        var urgency = browser.findElement(By.id("chart-urgency"));
        assertThat(urgency.getDomAttribute("role")).isEqualTo("img");
        var counts = ((JavascriptExecutor) browser).executeScript("return Chart.getChart('chart-urgency').data.datasets[0].data;");
        var words = browser.findElement(By.id("chart-urgency")).getDomAttribute("aria-label");
        var list = (List<?>) counts;
        assertThat(words).isEqualTo("Open deadlines by urgency: " + list.get(0) + " overdue, " + list.get(1) + " at risk, "
                + list.get(2) + " on track.");
        assertThat(cellsOf("table-urgency")).containsExactly(
                List.of("Overdue", "" + list.get(0)), List.of("At risk", "" + list.get(1)), List.of("On track", "" + list.get(2)));

        var onTime = browser.findElement(By.id("chart-on-time"));
        assertThat(onTime.getDomAttribute("role")).isEqualTo("img");
        @SuppressWarnings("unchecked")
        var labels = (List<String>) ((JavascriptExecutor) browser).executeScript("return Chart.getChart('chart-on-time').data.labels;");
        assertThat(labels).as("the four quarters the title promises").hasSize(4);
        assertThat(browser.findElement(By.id("caption-on-time")).getText())
                .isEqualTo("On-time rate per process, last four quarters (" + labels.get(0) + " to " + labels.get(3) + ")");
        assertThat(onTime.getDomAttribute("aria-label")).startsWith("On-time rate per process, " + labels.get(0) + " to " + labels.get(3) + ": ");
        var header = browser.findElements(By.cssSelector("#table-on-time thead th")).stream().map(th -> th.getAttribute("textContent")).toList();
        assertThat(header).containsExactly("Process", labels.get(0), labels.get(1), labels.get(2), labels.get(3));
        for (var row : cellsOf("table-on-time")) {
            assertThat(row).hasSize(5);
            row.subList(1, 5).forEach(cell -> assertThat(cell).matches("no deadlines|\\d+ % \\(\\d+ of \\d+\\)"));
            assertThat(onTime.getDomAttribute("aria-label")).contains(row.get(0) + " " + labels.get(0) + " " + row.get(1));
        }
    }

    /** A table's body as text, read whether or not its details are open. */
    private List<List<String>> cellsOf(String table) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(cell -> cell.getAttribute("textContent").strip()).toList())
                .toList();
    }

    /** The rows of the page's two lists about this incident's notices, after the page has drawn them. */
    private List<WebElement> rowsOf(PlannedObligations planned) {
        browser.get(url("/sla"));
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver ->
                "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-rendered")));
        var rows = new ArrayList<WebElement>();
        for (String table : List.of("overdue", "at-risk")) {
            browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream()
                    .filter(tr -> tr.getText().matches("(?s).*\\b" + planned.incidentLabel() + "\\b.*")).forEach(rows::add);
        }
        return rows;
    }

    private WebElement rowWith(String table, String text) {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr")).stream().filter(tr -> tr.getText().contains(text))
                .findFirst().orElseThrow();
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
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
