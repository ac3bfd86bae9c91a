package org.vigil.platform;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;

/**
 * Who gets a page and who gets a problem body when a request is refused. A browser opening a page asks for
 * {@code text/html} first and gets Vigil's page naming the problem (static {@code error/403.html},
 * {@code error/404.html}...); everyone else, and any call to Vigil's API or the engine REST API whatever it
 * accepts, keeps the {@code application/problem+json} body it is written against.
 */
public final class BrowserPages {

    private BrowserPages() {}

    public static boolean wantsPage(HttpServletRequest request) {
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = forwarded instanceof String uri ? uri.substring(request.getContextPath().length()) : request.getRequestURI();
        if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            return false;
        }
        // A browser's navigation sends "text/html,application/xhtml+xml,...": text/html named, not merely */*.
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("text/html") && !accept.startsWith("application/json");
    }
}
