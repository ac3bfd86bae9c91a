package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import org.camunda.bpm.webapp.impl.security.filter.CsrfPreventionFilter;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The webapps' XSRF-TOKEN cookie, as Camunda's own filter sets it, is Secure on HTTPS and only there. */
class SecureCookiesOnHttpsTest {

    @Test
    void theXsrfCookieIsSecureAndLaxOverHttps() throws Exception {
        assertThat(xsrfCookieFor(true)).contains("SameSite=Lax", "; Secure");
    }

    @Test
    void overPlainHttpItIsNotSecureSoBrowsersStillSendIt() throws Exception {
        assertThat(xsrfCookieFor(false)).contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void aCookieAlreadySecureIsLeftAsItIs() {
        assertThat(SecureCookiesOnHttps.secured("a=b; Path=/; Secure; HttpOnly")).isEqualTo("a=b; Path=/; Secure; HttpOnly");
        assertThat(SecureCookiesOnHttps.secured("a=b; Path=/; secure")).isEqualTo("a=b; Path=/; secure");
        assertThat(SecureCookiesOnHttps.secured("SecureId=b; Path=/")).isEqualTo("SecureId=b; Path=/; Secure");
    }

    private static String xsrfCookieFor(boolean https) throws Exception {
        var camundaCsrf = new CsrfPreventionFilter();
        camundaCsrf.init(new MockFilterConfig());
        var request = new MockHttpServletRequest("GET", "/camunda/app/tasklist/default/");
        request.setSecure(https);
        var response = new MockHttpServletResponse();

        new SecureCookiesOnHttps().doFilter(request, response, new MockFilterChain(new HttpServlet() {}, camundaCsrf));

        return response.getHeaders("Set-Cookie").stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
    }
}
