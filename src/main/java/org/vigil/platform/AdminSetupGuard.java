package org.vigil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Admin webapp's setup endpoint creates an administrator without logging in. In 7.24.0 it stays open
 * while {@code camunda-admin} has no direct member; Vigil keeps it unreachable as soon as any user exists.
 */
class AdminSetupGuard extends OncePerRequestFilter {

    private final IdentityService identityService;

    AdminSetupGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (identityService.createUserQuery().count() > 0) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
