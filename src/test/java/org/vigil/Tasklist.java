package org.vigil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist 7.24 as a person uses it, for the browser tests: log in as a demo user, open a task, read its
 * card and its Camunda Form, fill in form-js fields by their labels, save and complete; a screenshot of each step
 * under the test's folder in target/screenshots/.
 */
public final class Tasklist {

    private final ChromeDriver browser;
    private final int port;
    private final Path screenshots;
    private int step;

    public Tasklist(ChromeDriver browser, int port, Path screenshots) throws java.io.IOException {
        this.browser = browser;
        this.port = port;
        this.screenshots = Files.createDirectories(screenshots);
        // One walk per folder: the screenshots of an earlier run would mix with this one's numbering.
        try (var earlier = Files.list(this.screenshots)) {
            for (Path file : earlier.filter(file -> file.toString().endsWith(".png")).toList()) {
                Files.delete(file);
            }
        }
    }

    public String home() {
        return "http://localhost:" + port + "/camunda/app/tasklist/default/";
    }

    public void logIn(String user) {
        for (int attempt = 1; ; attempt++) {
            // Cookies go with the page's site; then a full load, as a change of the hash alone would keep the last page.
            browser.get(home());
            browser.manage().deleteAllCookies();
            browser.get("about:blank");
            browser.get(home());
            // Tasklist loads some forty scripts before its form: a minute on a machine busy with other builds.
            var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            try {
                // Angular marks a bound input ng-pristine: typed before that, the keys are lost and an empty name posted.
                var form = wait.until(driver -> driver.findElements(By.cssSelector("form[name=signinForm] input.ng-pristine")).size() == 2
                        ? driver.findElement(By.cssSelector("form[name=signinForm]")) : null);
                form.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
                form.findElement(By.cssSelector("input[type=password]")).sendKeys("demo");
                form.findElement(By.cssSelector("button[type=submit]")).click();
                wait.until(driver -> driver.findElements(By.cssSelector("form[name=signinForm]")).isEmpty()
                        && !driver.findElements(By.cssSelector(".task-filters")).isEmpty());
                return;
            } catch (org.openqa.selenium.TimeoutException e) {
                // On a loaded machine the page may be slow to come, or take keys before its form is bound and post an
                // empty name ("Login Failed"): once more from the start, as a person would.
                if (attempt == 3) {
                    try {
                        screenshot("login-did-not-finish");
                    } catch (java.io.IOException ignored) {
                        // The timeout is what the test reports.
                    }
                    throw e;
                }
            }
        }
    }

    /** Waits as {@code wait} does; on a timeout, keeps a screenshot of what the page showed. */
    private <T> T until(WebDriverWait wait, java.util.function.Function<org.openqa.selenium.WebDriver, T> condition, String name) {
        try {
            return wait.until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                screenshot(name);
            } catch (java.io.IOException ignored) {
                // The timeout is what the test reports.
            }
            throw e;
        }
    }

    public void openTask(String taskId) {
        // A full load, so that nothing of the task before is still on the page.
        browser.get("about:blank");
        browser.get(home() + "#/?task=" + taskId);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        until(wait, driver -> !driver.findElements(By.cssSelector(".task-card h2.task")).isEmpty()
                && !driver.findElements(By.cssSelector(".fjs-container")).isEmpty(), "task-did-not-open");
    }

    public String cardTitle() {
        return browser.findElement(By.cssSelector(".task-card h2.task")).getText().strip();
    }

    public String formText() {
        return browser.findElement(By.cssSelector(".fjs-container")).getText();
    }

    public String pageText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /**
     * The fields of a dynamic list's rows, in order: form-js wraps a row in an element of its own only where rows may
     * be added and removed, which the review's list does not allow.
     */
    public List<WebElement> fields(String type, String label) {
        return browser.findElements(By.xpath("//div[contains(@class,'fjs-form-field-" + type + "')]"
                + "[.//label[normalize-space(.)='" + label + "']]"));
    }

    public List<String> values(String label) {
        return fields("textfield", label).stream()
                .map(field -> field.findElement(By.tagName("input")).getDomProperty("value")).toList();
    }

    /** Clicks the option {@code option} of the decision of row {@code row} (radio buttons). */
    public void choose(int row, String option) {
        click(fields("radio", "Decision").get(row).findElement(By.xpath(".//label[normalize-space(.)='" + option + "']")));
    }

    public void typeInRow(int row, String reason) {
        var input = fields("textfield", "Reason").get(row).findElement(By.tagName("input"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.clear();
        input.sendKeys(reason);
    }

    /** The input of the field labelled {@code label} inside {@code scope} (a row, or the whole page). */
    public static WebElement input(SearchContext scope, String type, String label) {
        return scope.findElement(By.xpath(".//div[contains(@class,'fjs-form-field-" + type + "')]"
                + "[.//label[starts-with(normalize-space(.),'" + label + "')]]//" + (type.equals("textarea") ? "textarea" : "input")));
    }

    public void type(SearchContext scope, String label, String text) {
        var field = input(scope, "textfield", label);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    public void chooseOutsideRows(String groupLabel, String option) {
        var label = browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-radio')][.//label[starts-with(normalize-space(.),'"
                + groupLabel + "')]]//label[normalize-space(.)='" + option + "']"));
        click(label);
        // A click on a long option's text (centre of the label) does not always reach its radio: then on the circle.
        var radio = label.findElement(By.tagName("input"));
        if (!radio.isSelected()) {
            click(radio);
        }
    }

    /** form-js's select is a list that opens on a click, not a native select. */
    public void chooseSelect(String label, String optionStartingWith) {
        var field = browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with(normalize-space(.),'"
                + label + "')]]"));
        click(field.findElement(By.cssSelector(".fjs-input-group")));
        click(new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> field.findElement(By.xpath(
                ".//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.),'" + optionStartingWith + "')]"))));
    }

    /** Empties a form-js select with its cross, as a person takes back a choice. */
    public void clearSelect(String label) {
        click(browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-select')][.//label[starts-with(normalize-space(.),'"
                + label + "')]]//*[contains(@class,'fjs-select-cross')]")));
    }

    public void check(String label) {
        click(browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-checkbox')][.//label[contains(normalize-space(.),'"
                + label + "')]]//input[@type='checkbox']")));
    }

    public void claim() {
        var claim = browser.findElements(By.cssSelector("button.claim"));
        if (!claim.isEmpty()) {
            click(claim.get(0));
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> driver.findElements(By.cssSelector("button.claim")).isEmpty());
        }
    }

    /**
     * Tasklist 7.24 keeps Complete disabled after a change inside a form-js dynamic list (form-js leaves an empty
     * error entry for the row, which Tasklist counts as an error) until the form is validated again: Save does that.
     */
    public void save() {
        click(browser.findElement(By.xpath("//div[contains(@class,'form-actions')]//button[contains(@class,'btn-default')]")));
    }

    public void complete() {
        By completeButton = By.xpath("//div[contains(@class,'form-actions')]//button[contains(@class,'btn-primary')]");
        var button = new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.findElement(completeButton));
        if (!button.isEnabled()) {
            save();
        }
        click(new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            var enabled = driver.findElement(completeButton);
            return enabled.isEnabled() ? enabled : null;
        }));
    }

    /** Clicks an element scrolled to the middle of the window, clear of Tasklist's banner and footer. */
    public void click(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException e) {
            // Under a notification Tasklist keeps on the page (a refusal shown before): closed, as the user would.
            browser.executeScript("document.querySelectorAll('.notifications .alert .close').forEach(close => close.click());");
            try {
                element.click();
            } catch (org.openqa.selenium.ElementClickInterceptedException stillCovered) {
                browser.executeScript("arguments[0].click();", element);
            }
        }
    }

    public void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> pageText().contains(text));
    }

    /** Types into the {@code index}-th text field or text area labelled {@code label} (several may share a label). */
    public void fill(String label, int index, String text) {
        var field = browser.findElements(By.xpath("//div[contains(@class,'fjs-form-field-textfield') or contains(@class,'fjs-form-field-textarea')]"
                + "[.//label[starts-with(normalize-space(.),'" + label + "')]]//*[self::input or self::textarea]")).get(index);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
        field.clear();
        field.sendKeys(text);
    }

    public void fill(String label, String text) {
        fill(label, 0, text);
    }

    /** The current value of the text field or text area labelled {@code label}. */
    public String valueOf(String label) {
        return browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-textfield') or contains(@class,'fjs-form-field-textarea')"
                + " or contains(@class,'fjs-form-field-number')][.//label[starts-with(normalize-space(.),'" + label + "')]]"
                + "//*[self::input or self::textarea]")).getDomProperty("value");
    }

    /**
     * A form-js date and time field ({@code label (date)}, {@code label (time)}), typed as a person types them: its
     * date picker reads what was typed when the field loses focus, so the form's heading is clicked after each.
     */
    public void enterDateTime(String label, java.time.LocalDateTime at) {
        for (var part : List.of(java.util.Map.entry(" (date)", at.format(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy"))),
                java.util.Map.entry(" (time)", at.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm"))))) {
            var input = browser.findElement(By.xpath("//div[contains(@class,'fjs-datetime-subsection')][.//label[starts-with(normalize-space(.),'"
                    + label + part.getKey() + "')]]//input"));
            click(input);
            input.sendKeys(part.getValue());
            click(browser.findElement(By.cssSelector(".fjs-container .fjs-form-field-text")));
        }
    }

    /** Whether a field labelled {@code label} is on the form (a conditional one shows only when its condition holds). */
    public boolean shows(String label) {
        return !browser.findElements(By.xpath("//div[contains(@class,'fjs-form-field')]//label[starts-with(normalize-space(.),'" + label + "')]")).isEmpty();
    }

    /** Whether the checkbox labelled {@code label} is ticked. */
    public boolean ticked(String label) {
        return browser.findElement(By.xpath("//div[contains(@class,'fjs-form-field-checkbox')][.//label[contains(normalize-space(.),'"
                + label + "')]]//input[@type='checkbox']")).isSelected();
    }

    /** The task the engine holds at {@code key} of {@code instance}, once it is there (asynchronous steps may precede it). */
    public org.camunda.bpm.engine.task.Task taskAt(org.camunda.bpm.engine.TaskService tasks, String instance, String key) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(key).singleResult());
    }

    /** Waits until the engine no longer holds {@code task}, which Tasklist completed; a screenshot if it never lets go. */
    public void waitUntilDone(org.camunda.bpm.engine.TaskService tasks, org.camunda.bpm.engine.task.Task task) {
        until(new WebDriverWait(browser, Duration.ofSeconds(20)), driver -> tasks.createTaskQuery().taskId(task.getId()).count() == 0,
                "not-completed-" + task.getTaskDefinitionKey());
    }

    public void screenshot(String name) throws java.io.IOException {
        step++;
        Files.write(screenshots.resolve("%02d-%s.png".formatted(step, name)), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
