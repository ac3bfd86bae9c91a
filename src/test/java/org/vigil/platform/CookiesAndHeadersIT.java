package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Over plain HTTP: session cookies are SameSite=Lax and HttpOnly (Secure only on HTTPS, see {@link BehindTlsProxyIT}),
 * and Vigil's own pages allow no inline script or style and no foreign source.
 */
@VigilSpringTest
class CookiesAndHeadersIT {

    @LocalServerPort int port;

    @Test
    void theLoginFormsSessionCookieIsLaxAndHttpOnly() {
        var browser = new WebClient(port);
        var login = browser.pageLogin("manager", "demo");

        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(login)).contains("SameSite=Lax", "HttpOnly").doesNotContain("Secure");
    }

    @Test
    void theWebappsSessionAndXsrfCookiesAreLax() {
        var browser = new WebClient(port);
        var page = browser.get("/camunda/app/tasklist/default/");
        assertThat(cookie(page, "XSRF-TOKEN")).contains("SameSite=Lax");

        var login = browser.webappLogin("tasklist", "auditor", "demo");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(sessionCookie(login)).contains("SameSite=Lax", "HttpOnly");
    }

    @Test
    void theLoginPageHasAStrictContentSecurityPolicy() {
        assertStrictPolicy(new WebClient(port).get("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sla", "/notices?incident=1", "/sla/sla.js", "/notices/notices.js"})
    void vigilsPagesHaveAStrictContentSecurityPolicy(String path) {
        var browser = new WebClient(port);
        browser.pageLogin("manager", "demo");
        var page = browser.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertStrictPolicy(page);
    }

    private static void assertStrictPolicy(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "*"));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return cookie(response, "JSESSIONID");
    }

    private static String cookie(HttpResponse<String> response, String name) {
        List<String> cookies = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
        assertThat(cookies).as("Set-Cookie %s in %s", name, response.headers().map()).hasSize(1);
        return cookies.get(0);
    }
}
