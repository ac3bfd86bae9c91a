package org.vigil.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The engine REST API, Vigil's own API and the metrics take HTTP Basic against Camunda's
 * identity service, and every call then runs with the caller's Camunda authorizations. The webapps keep
 * their own session login and CSRF protection. Failed logins on every path are throttled per client address
 * and user ({@link LoginThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Vigil's pages load their scripts, styles and charts from Vigil only, and nothing inline runs. */
    static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Those who run Vigil see how it is (health details) and how it performs (metrics). */
    static final String[] OPERATORS = {AdminMembershipGuard.ADMIN_GROUP, "it-operations"};

    /**
     * The browser pages (SLA dashboard, breach notices) with a login form, for those who answer for deadlines; the
     * session is protected by a CSRF token, which the pages send with every change.
     */
    @Bean
    @Order(0)
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(paths.matcher("/sla"), paths.matcher("/sla/**"), paths.matcher("/api/sla/**"),
                        paths.matcher("/notices"), paths.matcher("/notices/**"), paths.matcher("/evidence"), paths.matcher("/evidence/**"),
                        paths.matcher("/reports"), paths.matcher("/reports/**"), paths.matcher("/demo/mails"), paths.matcher("/demo/mails/**"),
                        paths.matcher("/catalog"), paths.matcher("/catalog/**"),
                        paths.matcher("/risk"), paths.matcher("/risk/**"),
                        paths.matcher("/login"), paths.matcher("/logout")))
                .authorizeHttpRequests(requests -> requests
                        // Anyone logged in may log out, whatever their groups.
                        .requestMatchers(paths.matcher("/login"), paths.matcher("/logout")).permitAll()
                        // IT operations attach containment evidence; the controller says who may attach and who only read.
                        .requestMatchers(paths.matcher("/evidence"), paths.matcher("/evidence/**"))
                        .hasAnyAuthority("it-operations", "privacy-office", "ciso", "auditors")
                        // Everyone may follow the incidents they reported themselves, and only those.
                        .requestMatchers(paths.matcher("/reports"), paths.matcher("/reports/**")).authenticated()
                        // The demo's caught mails reach every group's people: administrators only.
                        .requestMatchers(paths.matcher("/demo/mails"), paths.matcher("/demo/mails/**"))
                        .hasAuthority(AdminMembershipGuard.ADMIN_GROUP)
                        // The risk register and the Statement of Applicability: for those who answer for risks and the auditors.
                        .requestMatchers(paths.matcher("/risk"), paths.matcher("/risk/**"))
                        .hasAnyAuthority("ciso", "managers", "auditors", AdminMembershipGuard.ADMIN_GROUP)
                        .anyRequest().hasAnyAuthority("managers", "ciso", "privacy-office"))
                // Vigil's own forms (LoginPages) instead of Spring Security's generated ones.
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/sla", false))
                .httpBasic(basic -> basic.realmName("Vigil"))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // A notice preview sets its own, stricter policy, which this one does not replace.
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_POLICY)));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        // Path patterns, not MVC matchers: the engine REST API is a Jersey servlet beside Spring MVC's.
        var paths = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        paths.matcher("/engine-rest/**"), paths.matcher("/api/**"), paths.matcher("/actuator/**")))
                .authorizeHttpRequests(requests -> requests
                        // Anyone (a load balancer) may ask whether Vigil is up; the details are for operators only
                        // (management.endpoint.health.show-details).
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasAnyAuthority(OPERATORS)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Vigil"))
                // Stateless Basic clients carry no cookie a forged request could ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http) throws Exception {
        // Tasklist, Cockpit and Admin authenticate against the engine themselves and have their own CSRF filter.
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
        return http.build();
    }

    @Bean
    FilterRegistrationBean<OrQueryExpressionGuard> orQueryExpressionGuard() {
        var registration = new FilterRegistrationBean<>(new OrQueryExpressionGuard());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        // Before Spring Security and the webapps' own filters, so no path reaches the engine unchecked; after the
        // path check and the body limit (HttpInputConfiguration), since it reads the body whole.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Marks what arrives through the engine's generic APIs, for the {@link SteeringGuard}. */
    @Bean
    FilterRegistrationBean<EngineApiCalls> engineApiCalls() {
        var registration = new FilterRegistrationBean<>(new EngineApiCalls());
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 4);
        return registration;
    }

    /** The read-only context of the capabilities' task forms ({@link TaskFormContext}); after Spring Security, which names the caller. */
    @Bean
    FilterRegistrationBean<TaskFormContextFilter> taskFormContextFilter(ObjectProvider<TaskFormContext> contexts, TaskService tasks,
            RepositoryService repository, IdentityService identityService, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(new TaskFormContextFilter(contexts.orderedStream().toList(), tasks, repository,
                identityService, json));
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
        var registration = new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        // Before Spring Security and the webapps' login, so a throttled attempt never reaches a password check.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SecureCookiesOnHttps> secureCookiesOnHttps() {
        var registration = new FilterRegistrationBean<>(new SecureCookiesOnHttps());
        // Outside the webapps' filters, so it sees the cookies they set.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AdminSetupGuard> adminSetupGuard(IdentityService identityService) {
        var registration = new FilterRegistrationBean<>(new AdminSetupGuard(identityService));
        registration.addUrlPatterns("/camunda/api/admin/setup/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }
}
