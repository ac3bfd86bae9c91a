package org.vigil.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's mail catcher: GreenMail's SMTP server inside Vigil, on 127.0.0.1 only, so that the mails Vigil sends in
 * the {@code demo} profile arrive somewhere a new user can read them ({@code /demo/mails}) instead of failing against
 * a port 25 where nothing listens. Keeps what it receives in memory until Vigil stops. Never for real data.
 */
@Component
@ConditionalOnProperty(name = "vigil.notification.catcher.enabled", havingValue = "true")
class MailCatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailCatcher.class);

    /** A caught mail as the page lists it: one per message, whatever the number of its recipients. */
    record CaughtMail(String messageId, String from, String to, String subject, Instant sentAt, String body) {}

    private final GreenMail server;

    MailCatcher(MailCatcherSettings settings) {
        var setup = new ServerSetup(settings.port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(settings.port() == 0 ? setup.dynamicPort() : setup);
        server.start();
        log.info("Demo mail catcher listening on 127.0.0.1:{}; the mails are listed at /demo/mails", port());
    }

    int port() {
        return server.getSmtp().getPort();
    }

    /** The mails received, newest first; a mail to three people, kept once per recipient by the server, is listed once. */
    List<CaughtMail> mails() {
        Map<String, CaughtMail> byId = new LinkedHashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            CaughtMail mail = read(message);
            byId.putIfAbsent(mail.messageId(), mail);
        }
        List<CaughtMail> mails = new ArrayList<>(byId.values());
        mails.sort(Comparator.comparing(CaughtMail::sentAt, Comparator.nullsFirst(Comparator.naturalOrder())).reversed());
        return mails;
    }

    private static CaughtMail read(MimeMessage message) {
        try {
            Object content = message.getContent();
            var sent = message.getSentDate() != null ? message.getSentDate() : message.getReceivedDate();
            return new CaughtMail(message.getMessageID() == null ? "" : message.getMessageID(),
                    addresses(message.getFrom()), addresses(message.getAllRecipients()), message.getSubject(),
                    sent == null ? null : sent.toInstant(), content instanceof String text ? text : "(not plain text)");
        } catch (MessagingException | IOException unreadable) {
            return new CaughtMail("", "", "", "(unreadable mail)", null, unreadable.getClass().getSimpleName());
        }
    }

    private static String addresses(jakarta.mail.Address[] addresses) {
        return addresses == null ? "" : String.join(", ", Arrays.stream(addresses).map(Object::toString).toList());
    }

    @Override
    public void destroy() {
        server.stop();
    }
}
