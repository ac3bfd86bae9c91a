package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/**
 * Failed logins are throttled per client address and user on each of the three ways in: HTTP Basic, Vigil's login
 * form and the webapps' login. Each test has a user of its own, since a throttled user stays throttled here for the
 * configured 15 minutes. How the throttle lifts, and that another address is not affected, is in {@link BehindTlsProxyIT}.
 */
@VigilSpringTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleIT {

    static final String PASSWORD = "Throttle-Check-42!";
    static final int ALLOWED_FAILURES = 5;

    @LocalServerPort int port;
    @Autowired IdentityService identity;

    @Test
    void afterFiveWrongPasswordsOverBasicEvenTheRightOneWaits(CapturedOutput output) {
        String user = manager("throttle-basic");
        for (int attempt = 1; attempt <= ALLOWED_FAILURES; attempt++) {
            assertThat(new WebClient(port).as(user, "Wrong-Guess-" + attempt).get("/engine-rest/task").statusCode()).isEqualTo(401);
        }

        var throttled = new WebClient(port).as(user, PASSWORD).get("/engine-rest/task");

        assertThrottled(throttled);
        assertThat(output).contains(user, "127.0.0.1").doesNotContain("Wrong-Guess-", PASSWORD);
    }

    @Test
    void afterFiveWrongPasswordsOnTheLoginFormEvenTheRightOneWaits(CapturedOutput output) {
        String user = manager("throttle-form");
        var browser = new WebClient(port);
        for (int attempt = 1; attempt <= ALLOWED_FAILURES; attempt++) {
            var failed = browser.pageLogin(user, "Wrong-Guess-" + attempt);
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/login?error"));
        }

        assertThrottled(browser.pageLogin(user, PASSWORD));
        assertThat(output).contains(user).doesNotContain("Wrong-Guess-", PASSWORD);
    }

    @Test
    void afterFiveWrongPasswordsOnTheWebappLoginEvenTheRightOneWaits(CapturedOutput output) {
        String user = manager("throttle-webapp");
        var browser = new WebClient(port);
        for (int attempt = 1; attempt <= ALLOWED_FAILURES; attempt++) {
            assertThat(browser.webappLogin("tasklist", user, "Wrong-Guess-" + attempt).statusCode()).isEqualTo(401);
        }

        assertThrottled(browser.webappLogin("tasklist", user, PASSWORD));
        assertThat(output).contains(user).doesNotContain("Wrong-Guess-", PASSWORD);
    }

    @Test
    void aForgedForwardedForHeaderGivesNoFreshAddressUnlessAProxyIsConfigured() {
        String user = manager("throttle-forged");
        for (int attempt = 1; attempt <= ALLOWED_FAILURES; attempt++) {
            assertThat(new WebClient(port).header("X-Forwarded-For", "203.0.113." + attempt).as(user, "Wrong-Guess-" + attempt)
                    .get("/engine-rest/task").statusCode()).isEqualTo(401);
        }

        assertThrottled(new WebClient(port).header("X-Forwarded-For", "198.51.100.9").as(user, PASSWORD).get("/engine-rest/task"));
    }

    private void assertThrottled(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
    }

    /** A manager of its own (the login form lets managers in), so no other test's logins count against it. */
    private String manager(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, "managers");
        }
        return id;
    }
}
