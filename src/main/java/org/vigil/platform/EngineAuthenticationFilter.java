package org.vigil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the authenticated caller to the engine for the length of one request, so that every query and
 * command the REST API runs is checked against that caller's Camunda authorizations.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;

    EngineAuthenticationFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || caller instanceof AnonymousAuthenticationToken || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (caller.getDetails() instanceof CamundaIdentityAuthenticationProvider.EngineIdentity identity) {
            identityService.setAuthentication(caller.getName(), identity.groups(), identity.tenants());
        } else {
            List<String> groups = caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
            List<String> tenants = identityService.createTenantQuery().userMember(caller.getName()).includingGroupsOfUser(true)
                    .list().stream().map(Tenant::getId).toList();
            identityService.setAuthentication(caller.getName(), groups, tenants);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }
}
