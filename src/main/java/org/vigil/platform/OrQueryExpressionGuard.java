package org.vigil.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the 7.24.0 hole where an expression inside {@code orQueries} of a task, process or filter query
 * runs as code: Camunda's ad-hoc query validator checks only the top-level query. Any request to the engine
 * REST API or the webapps' API whose {@code orQueries} carry {@code ${...}} or {@code #{...}} is refused with 400.
 */
class OrQueryExpressionGuard extends OncePerRequestFilter {

    // A plain mapper on purpose, not the application's: the guard must read a body as the engine's REST API reads it,
    // whatever spring.jackson.* may one day allow (comments, single quotes) for Vigil's own controllers.
    private static final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (queryStringSmugglesExpression(request.getQueryString())) {
            refuse(response);
            return;
        }
        if (!mayCarryJson(request.getContentType())) {
            // Form posts (the webapps' login) and uploads must keep their stream for parameter parsing.
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        if (body.length > 0 && bodySmugglesExpression(body)) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean mayCarryJson(String contentType) {
        return contentType == null || contentType.toLowerCase(java.util.Locale.ROOT).contains("json");
    }

    static boolean queryStringSmugglesExpression(String queryString) {
        if (queryString == null) {
            return false;
        }
        String decoded = URLDecoder.decode(queryString, StandardCharsets.UTF_8);
        return decoded.contains("orQueries") && containsExpression(decoded);
    }

    static boolean bodySmugglesExpression(byte[] body) {
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (IOException notJson) {
            // Not JSON: the engine rejects or ignores it; only a JSON query can carry orQueries.
            return false;
        }
        return tree != null && hasExpressionInOrQueries(tree, false);
    }

    private static boolean hasExpressionInOrQueries(JsonNode node, boolean insideOrQueries) {
        if (node.isTextual()) {
            return insideOrQueries && containsExpression(node.asText());
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasExpressionInOrQueries(element, insideOrQueries)) {
                    return true;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                boolean orQueries = insideOrQueries || "orQueries".equalsIgnoreCase(field.getKey());
                if (hasExpressionInOrQueries(field.getValue(), orQueries)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/problem+json");
        response.getWriter().write("""
                {"type":"about:blank","title":"Bad Request","status":400,\
                "detail":"Expressions are not allowed inside orQueries.","field":"orQueries"}""");
    }

    /** Lets the engine read the body again after the guard has read it. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(ReadListener listener) { throw new UnsupportedOperationException(); }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() != null ? getCharacterEncoding() : StandardCharsets.UTF_8.name();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
