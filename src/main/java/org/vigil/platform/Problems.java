package org.vigil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * A problem body (RFC 9457) written straight to the response, for refusals made before Spring MVC or the engine
 * REST API see the request: a malformed path, a body over its limit.
 */
final class Problems {

    private final ObjectMapper json;

    /** {@code json}: the application's mapper. */
    Problems(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, int status, String title, String detail, Map<String, Object> properties)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(properties);
        json.writeValue(response.getOutputStream(), body);
        response.flushBuffer();
    }
}
