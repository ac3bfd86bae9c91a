package org.vigil.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * A request the firewall refuses answers 400 with a problem body naming the part at fault. The firewall's own
 * message quotes the offending text, so it is not passed on.
 */
final class ProblemRequestRejectedHandler implements RequestRejectedHandler {

    private final Problems problems;

    ProblemRequestRejectedHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected) throws IOException {
        String field = partAtFault(rejected.getMessage());
        problems.write(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed request",
                "The request was refused: its " + field + " is malformed or not allowed", Map.of("field", field));
    }

    private static String partAtFault(String message) {
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("header")) {
            return "header";
        }
        if (text.contains("parameter")) {
            return "parameter";
        }
        if (text.contains("method")) {
            return "method";
        }
        if (text.contains("domain") || text.contains("host")) {
            return "host";
        }
        return "path";
    }
}
