package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The webapps' login, however its path or form is dressed, is recognised and throttled. */
class LoginThrottleFilterTest {

    final LoginThrottle throttle = new LoginThrottle(Clock.fixed(Instant.parse("2026-11-30T12:00:00Z"), ZoneOffset.UTC),
            new LoginThrottle.Settings(1, Duration.ofMinutes(15)));
    final LoginThrottleFilter filter = new LoginThrottleFilter(throttle);

    @ParameterizedTest
    @ValueSource(strings = {"/auth/user/default/login/tasklist", "/auth/user/default/login/cockpit/"})
    void aThrottledAddressIsRefusedWhicheverWayThePathEnds(String pathInfo) throws Exception {
        throttle.failed("203.0.113.7", "ciso");

        var response = post(pathInfo, "username=ciso&password=Right-Password-1");

        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).isEqualTo("900");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%zz=1&username=ciso&password=x", "x=1&username=CISO&password=x", "username=ci%73o&password=x"})
    void theUserNameIsFoundBehindPaddingAndEncoding(String form) throws Exception {
        throttle.failed("203.0.113.7", "ciso");

        assertThat(post("/auth/user/default/login/tasklist", form).getStatus()).isEqualTo(429);
    }

    @ParameterizedTest
    @ValueSource(ints = {16 * 1024 + 1, 100_000})
    void anOversizedLoginFormIsRefusedUnread(int size) throws Exception {
        String form = "username=ciso&password=x&pad=" + "a".repeat(size);

        assertThat(post("/auth/user/default/login/tasklist", form).getStatus()).isEqualTo(413);
    }

    private MockHttpServletResponse post(String pathInfo, String form) throws Exception {
        var request = new MockHttpServletRequest("POST", "/camunda/api/admin" + pathInfo);
        request.setServletPath("/camunda/api/admin");
        request.setPathInfo(pathInfo);
        request.setRemoteAddr("203.0.113.7");
        request.setContentType("application/x-www-form-urlencoded");
        request.setContent(form.getBytes(StandardCharsets.UTF_8));
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
