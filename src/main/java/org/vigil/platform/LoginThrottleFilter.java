package org.vigil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every way to log in (HTTP Basic anywhere, Vigil's login form, the webapps' login): a client address
 * throttled for a user gets 429 with Retry-After, and its password is not checked at all. The address is the
 * connection's, or the proxy's X-Forwarded-For only where {@code server.forward-headers-strategy} says to trust it.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
    /** A login form is a few dozen bytes; a larger one could only be padding meant to hide the user name. */
    private static final int LARGEST_LOGIN_FORM = 16 * 1024;

    private final LoginThrottle throttle;
    private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        boolean post = "POST".equals(request.getMethod());
        if (post && WEBAPP_LOGIN.matcher(path).matches()) {
            webappLogin(request, response, chain);
            return;
        }
        Optional<String> user = basicUser(request).or(() -> post && path.equals("/login")
                ? Optional.ofNullable(request.getParameter("username")) : Optional.empty());
        if (user.isPresent() && refused(request, response, user.get())) {
            return;
        }
        // Spring Security reports the outcome of these to the throttle itself.
        chain.doFilter(request, response);
    }

    /** Camunda's own login resource: Vigil reads the user name from the form and sees the outcome in the status. */
    private void webappLogin(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] form = request.getInputStream().readNBytes(LARGEST_LOGIN_FORM + 1);
        if (form.length > LARGEST_LOGIN_FORM) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String address = request.getRemoteAddr();
        String user = formField(form, charsetOf(request), "username").orElse("");
        if (refused(request, response, user)) {
            return;
        }
        chain.doFilter(new OrQueryExpressionGuard.CachedBodyRequest(request, form), response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.failed(address, user);
        } else if (response.getStatus() < 400 || response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
            // 403 there means the password was right but the user may not use that webapp.
            throttle.succeeded(address, user);
        }
    }

    private boolean refused(HttpServletRequest request, HttpServletResponse response, String user) throws IOException {
        Optional<Duration> wait = throttle.waitFor(request.getRemoteAddr(), user);
        if (wait.isEmpty()) {
            return false;
        }
        long seconds = LoginThrottle.wholeSeconds(wait.get());
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many failed logins for this user from this address; try again in " + seconds + " seconds.\"}");
        return true;
    }

    private Optional<String> basicUser(HttpServletRequest request) {
        try {
            UsernamePasswordAuthenticationToken credentials = basic.convert(request);
            return credentials == null ? Optional.empty() : Optional.of(credentials.getName());
        } catch (AuthenticationException malformed) {
            // Spring Security answers 401 to a header it cannot read.
            return Optional.empty();
        }
    }

    private static Charset charsetOf(HttpServletRequest request) {
        try {
            return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    static Optional<String> formField(byte[] form, Charset charset, String name) {
        for (String field : new String(form, charset).split("&")) {
            int equals = field.indexOf('=');
            String fieldName = equals < 0 ? field : field.substring(0, equals);
            try {
                if (URLDecoder.decode(fieldName, charset).equals(name)) {
                    return Optional.of(equals < 0 ? "" : URLDecoder.decode(field.substring(equals + 1), charset));
                }
            } catch (IllegalArgumentException malformed) {
                // A field that does not decode is no user name; passing over it keeps it from hiding the one after.
            }
        }
        return Optional.empty();
    }
}
