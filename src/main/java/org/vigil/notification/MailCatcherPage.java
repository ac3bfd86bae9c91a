package org.vigil.notification;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /demo/mails}: what the demo's mail catcher received (to, subject, time; the text on click), for
 * administrators (group camunda-admin, platform's security rules), so a new user sees reminders and escalations
 * arrive. Exists only where the catcher runs.
 */
@Controller
@ConditionalOnProperty(name = "vigil.notification.catcher.enabled", havingValue = "true")
class MailCatcherPage {

    static final String PAGE = "/demo/mails";

    /** One mail as the page shows it: its time in the company's words. */
    record MailRow(String messageId, String from, String to, String subject, String sent, String body) {}

    private final MailCatcher catcher;
    private final MailWords words;

    MailCatcherPage(MailCatcher catcher, MailWords words) {
        this.catcher = catcher;
        this.words = words;
    }

    @GetMapping({PAGE, PAGE + "/"})
    String page() {
        return "forward:/demo/mails/index.html";
    }

    @GetMapping(path = PAGE + "/list", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> list() {
        List<MailRow> rows = catcher.mails().stream()
                .map(mail -> new MailRow(mail.messageId(), mail.from(), mail.to(), mail.subject(),
                        mail.sentAt() == null ? "" : words.at(mail.sentAt()), mail.body()))
                .toList();
        return Map.of("port", catcher.port(), "mails", rows);
    }
}
