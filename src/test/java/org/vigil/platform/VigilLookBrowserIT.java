package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.vigil.HeadlessChromium;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * What a person sees of Vigil, in Debian's headless Chromium: Vigil's name in Tasklist's header and no Camunda 8
 * banner; every visible text of Tasklist, /sla, /notices, the login form and the error pages at WCAG 2.1 AA contrast,
 * computed in the browser from the computed colours ({@code look/contrast.js}); /sla and /notices without sideways
 * scrolling in a 400 px window; Vigil's pages, not Spring's Whitelabel page, for a 404 and a 403 in a browser, while
 * API clients keep their problem bodies. Screenshots under target/screenshots/look/.
 */
@VigilSpringTest
@ExtendWith(HeadlessChromium.class)
class VigilLookBrowserIT {

    static final Path SCREENSHOTS = Path.of("target", "screenshots", "look");
    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    ChromeDriver browser;

    @BeforeEach
    void browser(ChromeDriver browser) throws Exception {
        this.browser = browser;
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void tasklistSaysVigilShowsNoCamunda8BannerAndReadsAtAaContrast() throws Exception {
        reportIncident();
        logInToTasklist("privacy");
        var brand = browser.findElement(By.cssSelector("[cam-widget-header] .navbar-brand .brand-name"));
        assertThat(brand.getText()).isEqualTo("Vigil Tasklist");
        assertThat(browser.getTitle()).isEqualTo("Vigil Tasklist");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).noneMatch(WebElement::isDisplayed);
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
        // The privacy office's cards, the triage of this incident among them (maybe not on the first page).
        wait(30).until(driver -> !driver.findElements(By.cssSelector(".column-center .list-unstyled > li")).isEmpty());
        screenshot("tasklist");
        assertThat(lowContrast()).as("texts below WCAG AA contrast in Tasklist's list").isEmpty();

        browser.findElement(By.cssSelector(".column-center .list-unstyled > li h4 a")).click();
        wait(30).until(driver -> !driver.findElements(By.cssSelector(".fjs-container")).isEmpty());
        screenshot("tasklist-task");
        assertThat(lowContrast()).as("texts below WCAG AA contrast in a Tasklist task").isEmpty();
    }

    @Test
    void vigilsPagesReadAtAaContrastAndFitA400PxWindow() throws Exception {
        long incident = reportIncident();
        browser.get(url("/login"));
        assertThat(browser.findElement(By.cssSelector(".vigil-bar .vigil-name")).getText()).isEqualTo("Vigil");
        assertThat(lowContrast()).as("texts below WCAG AA contrast on the login form").isEmpty();
        screenshot("login");
        HeadlessChromium.logIn(browser, port, "privacy");

        for (int width : new int[] {1400, 400}) {
            // A window cannot be made narrower than 500 px; the page's viewport can.
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", false));
            browser.get(url("/sla"));
            wait(15).until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-rendered")));
            checkPage("sla", width);
            assertThat(links()).contains("/camunda/app/tasklist/", "/sla/", "/notices/");

            browser.get(url("/notices?incident=" + incident));
            wait(15).until(driver -> driver.findElement(By.id("incident-title")).getText().contains("Incident " + incident));
            checkPage("notices", width);
            assertThat(links()).contains("/camunda/app/tasklist/", "/sla/", "/notices/");

            browser.get(url("/notices/"));
            wait(15).until(driver -> driver.findElement(By.id("pick")).isDisplayed());
            checkPage("notices-without-incident", width);
        }
        assertThat(HeadlessChromium.contentSecurityPolicyViolations(browser)).isEmpty();
    }

    @Test
    void aBrowserGetsVigilsPagesFor404And403AndAnApiClientItsProblemBody() throws Exception {
        HeadlessChromium.logIn(browser, port, "manager");
        browser.get(url("/no-such-page"));
        assertProblemPage("404", "This page does not exist");
        screenshot("404");
        // Refused by a controller: an incident that does not exist.
        browser.get(url("/notices/incidents/987654321"));
        assertProblemPage("404", "This page does not exist");

        HeadlessChromium.logIn(browser, port, "staff");
        browser.get(url("/sla"));
        assertProblemPage("403", "You may not open this page");
        screenshot("403");

        // Programs keep the problem body, whatever they accept on Vigil's API.
        assertProblem(get("/api/sla/summary", "staff", "text/html,application/xhtml+xml,*/*;q=0.8"), 403);
        assertProblem(get("/api/no-such-resource", "staff", "text/html,application/xhtml+xml,*/*;q=0.8"), 404);
        assertProblem(get("/no-such-page", "staff", "application/json"), 404);
        assertProblem(get("/sla", "staff", "application/json"), 403);
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Every visible text below its WCAG 2.1 AA ratio, as "text (ratio < needed: colour on background)". */
    private List<String> lowContrast() throws Exception {
        String script = new ClassPathResource("look/contrast.js").getContentAsString(StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        var offenders = (List<Map<String, Object>>) browser.executeScript(script);
        return offenders.stream().map(o -> "'" + o.get("text") + "' " + o.get("ratio") + " < " + o.get("need") + ": "
                + o.get("colour") + " on " + o.get("background")).toList();
    }

    private void checkPage(String name, int width) throws Exception {
        screenshot(name + "-" + width);
        assertThat(lowContrast()).as("texts below WCAG AA contrast on %s at %d px", name, width).isEmpty();
        Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("width of %s in a %d px window", name, width).isLessThanOrEqualTo(width);
    }

    private void assertProblemPage(String status, String heading) throws Exception {
        var problem = browser.findElement(By.id("problem"));
        assertThat(problem.getDomAttribute("data-status")).isEqualTo(status);
        assertThat(problem.findElement(By.tagName("h1")).getText()).isEqualTo(heading);
        assertThat(problem.findElement(By.id("to-tasklist")).getDomAttribute("href")).isEqualTo("/camunda/app/tasklist/");
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(lowContrast()).as("texts below WCAG AA contrast on the %s page", status).isEmpty();
    }

    private static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(status);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** One GET with Basic authentication and exactly this Accept header (WebClient always sends its own). */
    private HttpResponse<String> get(String path, String user, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", accept)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A reported incident: a triage task for the privacy office, and an incident for the notices page. */
    private long reportIncident() throws Exception {
        var response = new WebClient(port).as("staff", "demo").postJson("/api/incidents", """
                {"title": "Unlocked laptop", "description": "Left in a taxi", "occurredAt": "2026-03-01T08:00:00-06:00",
                 "discoveredAt": "2026-03-01T10:00:00-06:00", "discoveredBy": "front desk", "systemsInvolved": [],
                 "dataCategories": ["name"], "affectedEstimate": {"US-TX": 3}}""");
        assertThat(response.statusCode()).isEqualTo(201);
        return json.readTree(response.body()).path("id").asLong();
    }

    private void logInToTasklist(String user) {
        String tasklist = url("/camunda/app/tasklist/default/");
        // Cookies go with the page's site; then a full load, so no earlier login is kept.
        browser.get(tasklist);
        browser.manage().deleteAllCookies();
        browser.get("about:blank");
        browser.get(tasklist);
        // Tasklist's first load in a JVM (its scripts and translations) took over 30 s on a loaded 2-core machine.
        var form = wait(90).until(driver -> driver.findElement(By.cssSelector("form[name=signinForm]")));
        form.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
        form.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait(30).until(driver -> driver.findElements(By.cssSelector("form[name=signinForm]")).isEmpty()
                && !driver.findElements(By.cssSelector(".task-filters .task-filter")).isEmpty());
    }

    private List<String> links() {
        return browser.findElements(By.cssSelector(".vigil-bar a")).stream().map(a -> a.getDomAttribute("href")).toList();
    }

    private WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
