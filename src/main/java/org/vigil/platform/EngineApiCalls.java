package org.vigil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks the requests that reach the engine through its generic APIs (the engine REST API, and the webapps' own API
 * that Tasklist and Cockpit call), as opposed to Vigil's API, whose controllers decide themselves what the engine is
 * asked. The {@link SteeringGuard} holds the marked requests to what the models and forms offer a person.
 */
class EngineApiCalls extends OncePerRequestFilter {

    private static final ThreadLocal<Boolean> marked = ThreadLocal.withInitial(() -> false);

    static boolean inProgress() {
        return marked.get();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        marked.set(true);
        try {
            chain.doFilter(request, response);
        } finally {
            marked.remove();
        }
    }
}
