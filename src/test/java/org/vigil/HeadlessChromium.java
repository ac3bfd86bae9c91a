package org.vigil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's Chromium, headless, for the browser tests; and Vigil's login form as a demo user fills it in.
 *
 * <p>A test class with {@code @ExtendWith(HeadlessChromium.class)} gets a fresh browser for each test as a parameter of
 * type {@link ChromeDriver} (of its {@code @Test} or {@code @BeforeEach} method), quit after the test whatever its
 * outcome. Where chromium and chromium-driver are not installed, the test is skipped.
 */
public final class HeadlessChromium implements BeforeEachCallback, ParameterResolver, AfterEachCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ExtensionContext.Namespace BROWSERS = ExtensionContext.Namespace.create(HeadlessChromium.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver; .ci/run does)");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ChromeDriver.class;
    }

    /** One browser a test: its {@code @BeforeEach} and {@code @Test} methods get the same. */
    @Override
    public ChromeDriver resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(BROWSERS).getOrComputeIfAbsent(ChromeDriver.class, type -> start(), ChromeDriver.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        var browser = context.getStore(BROWSERS).remove(ChromeDriver.class, ChromeDriver.class);
        if (browser != null) {
            browser.quit();
        }
    }

    private static ChromeDriver start() {
        // No background networking: the machine's closed network would refuse Chromium's own connections.
        var options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--window-size=1400,1000");
        // The console, where Chromium reports what a page's Content-Security-Policy refused.
        var logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** What the pages' Content-Security-Policy refused (an inline script or style, a foreign source) since last asked. */
    public static List<String> contentSecurityPolicyViolations(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy")).toList();
    }

    /** Every visible text below its WCAG 2.1 AA contrast ratio ({@code look/contrast.js}), as "'text' ratio < needed". */
    public static List<String> lowContrast(ChromeDriver browser) throws java.io.IOException {
        String script = new org.springframework.core.io.ClassPathResource("look/contrast.js")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        var offenders = (List<java.util.Map<String, Object>>) browser.executeScript(script);
        return offenders.stream().map(o -> "'" + o.get("text") + "' " + o.get("ratio") + " < " + o.get("need")).toList();
    }

    /** Logs in through /login, as a different user than before if need be. */
    public static void logIn(ChromeDriver browser, int port, String user) {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.name("username")).sendKeys(user);
        browser.findElement(By.name("password")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
