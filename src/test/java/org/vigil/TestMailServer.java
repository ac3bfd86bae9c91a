package org.vigil;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/** One real SMTP server (GreenMail) for every test of a JVM, on a free port. */
public final class TestMailServer {

    private static GreenMail server;

    private TestMailServer() {}

    public static synchronized GreenMail get() {
        if (server == null) {
            // A fixed port, so a test can stop and restart the server without Vigil losing it.
            server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-smtp-stop"));
        }
        return server;
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static int port() {
        return get().getSmtp().getPort();
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages received so far whose subject contains the given text. */
    public static List<MimeMessage> withSubject(String text) {
        return Arrays.stream(get().getReceivedMessages()).filter(message -> {
            try {
                return message.getSubject().contains(text);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }
}
