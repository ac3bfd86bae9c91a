package org.vigil.notification;

import java.io.StringWriter;
import java.util.Map;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.springframework.stereotype.Component;

/**
 * Velocity templates under {@code templates/notification/}: the first line is {@code Subject: ...}, then a blank
 * line, then the plain-text body. The application's engine ({@code platform.VelocityTemplates}) is strict, so a
 * missing value fails instead of printing {@code $name}. Besides the model, a template has {@link MailWords} as
 * {@code $words}, to say times, days, people and groups in the company's words.
 */
@Component
class MailTemplates {

    record RenderedMail(String subject, String body) {}

    private static final String FOLDER = "templates/notification/";
    static final String WORDS = "words";

    private final VelocityEngine velocity;
    private final MailWords words;

    MailTemplates(VelocityEngine velocity, MailWords words) {
        this.velocity = velocity;
        this.words = words;
    }

    void requireExists(String template) {
        if (!velocity.resourceExists(FOLDER + template + ".vm")) {
            throw new IllegalArgumentException("No mail template " + template);
        }
    }

    RenderedMail render(String template, Map<String, ?> model) {
        Template vm = velocity.getTemplate(FOLDER + template + ".vm", "UTF-8");
        var out = new StringWriter();
        var context = new VelocityContext(new java.util.HashMap<>(model));
        context.put(WORDS, words);
        vm.merge(context, out);
        String text = out.toString();
        int end = text.indexOf('\n');
        String firstLine = end < 0 ? text : text.substring(0, end);
        if (!firstLine.startsWith("Subject: ")) {
            throw new IllegalStateException("Mail template " + template + " must start with 'Subject: '");
        }
        return new RenderedMail(firstLine.substring("Subject: ".length()).strip(), end < 0 ? "" : text.substring(end + 1).strip());
    }
}
