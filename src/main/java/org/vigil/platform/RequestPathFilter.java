package org.vigil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Refuses a malformed request line before any other filter parses it. Spring Security's firewall would refuse
 * {@code /engine-rest;x/user} too, but Spring's request-path parsing runs ahead of it and fails on such a path
 * under the engine REST servlet, which ended in 500; here the same firewall, and then the same parsing, answer 400.
 */
final class RequestPathFilter extends OncePerRequestFilter {

    private final HttpFirewall firewall;
    private final RequestRejectedHandler rejected;

    RequestPathFilter(HttpFirewall firewall, RequestRejectedHandler rejected) {
        this.firewall = firewall;
        this.rejected = rejected;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            firewall.getFirewalledRequest(request);
            parsable(request);
        } catch (RequestRejectedException e) {
            rejected.handle(request, response, e);
            return;
        }
        chain.doFilter(request, response);
    }

    /** A path that does not begin with its servlet's path in whole segments (e.g. an encoded letter in it). */
    private static void parsable(HttpServletRequest request) {
        try {
            ServletRequestPathUtils.parseAndCache(request);
        } catch (IllegalArgumentException e) {
            throw new RequestRejectedException("The request was rejected because the URL could not be parsed");
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
