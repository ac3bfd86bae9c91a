package org.vigil.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every cookie set in answer to an HTTPS request is Secure, also behind a proxy that ends TLS (with
 * {@code server.forward-headers-strategy=native} the request knows). Tomcat does this for the session cookie
 * itself; the webapps' XSRF-TOKEN cookie is Secure only by a fixed switch, which would break plain-HTTP use.
 */
class SecureCookiesOnHttps extends OncePerRequestFilter {

    private static final Pattern SECURE_ATTRIBUTE = Pattern.compile(";\\s*Secure\\s*(;|$)", Pattern.CASE_INSENSITIVE);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
    }

    static String secured(String setCookie) {
        return SECURE_ATTRIBUTE.matcher(setCookie).find() ? setCookie : setCookie + "; Secure";
    }

    private static final class SecureCookies extends HttpServletResponseWrapper {

        SecureCookies(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addCookie(Cookie cookie) {
            cookie.setSecure(true);
            super.addCookie(cookie);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.SET_COOKIE.equalsIgnoreCase(name) && value != null ? secured(value) : value);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.SET_COOKIE.equalsIgnoreCase(name) && value != null ? secured(value) : value);
        }
    }
}
