package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.TestDatabase;
import org.vigil.VigilApplication;

/**
 * Vigil as it runs in production: without the demo profile, behind a reverse proxy that ends TLS and says so in
 * X-Forwarded-For and X-Forwarded-Proto ({@code server.forward-headers-strategy=native}). Its own application, with a
 * login lock of two seconds so the test can see it lift, and without the webapps: closing them clears static state
 * (their runtime delegates) that the cached test context's webapps still use. The webapps' cookies on HTTPS are
 * checked in {@link SecureCookiesOnHttpsTest}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BehindTlsProxyIT {

    static final String PASSWORD = "Proxied-Check-42!";
    static final String ENGINE = "proxied";

    static ConfigurableApplicationContext vigil;
    static int port;
    static IdentityService identity;

    @BeforeAll
    static void startBehindAProxy() {
        // Command-line arguments, not builder properties: those are defaults that application.yaml would override.
        vigil = new SpringApplicationBuilder(VigilApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--server.forward-headers-strategy=native",
                        "--vigil.login-throttle.lock-for=PT2S",
                        "--camunda.bpm.webapp.enabled=false",
                        // Its own engine name (letters only), so it never replaces a cached test context's engine.
                        "--camunda.bpm.process-engine-name=" + ENGINE,
                        "--vigil.crypto.active-key=t1",
                        "--vigil.crypto.keys.t1=" + Base64.getEncoder().encodeToString(new byte[32]),
                        "--spring.datasource.url=" + TestDatabase.url(),
                        "--spring.datasource.username=" + TestDatabase.user(),
                        "--spring.datasource.password=" + TestDatabase.password());
        port = ((ServletWebServerApplicationContext) vigil).getWebServer().getPort();
        identity = vigil.getBean(IdentityService.class);
    }

    @AfterAll
    static void stop() {
        if (vigil != null) {
            vigil.close();
        }
    }

    @Test
    void aWeakPasswordIsRefusedOutsideDemo() {
        var weak = identity.newUser("proxied-weak");
        weak.setPassword("demo");
        assertThatThrownBy(() -> identity.saveUser(weak)).isInstanceOf(ProcessEngineException.class).hasMessageContaining("policy");
        assertThat(identity.createUserQuery().userId("proxied-weak").count()).isZero();

        createManager("proxied-strong");
        assertThat(identity.checkPassword("proxied-strong", PASSWORD)).isTrue();
    }

    @Test
    void overHttpsThroughTheProxyTheSessionCookieIsSecureAndLax() {
        createManager("proxied-cookies");

        var page = new Browser("198.51.100.20");
        var login = page.pageLogin("proxied-cookies", PASSWORD);

        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
        assertThat(page.setCookie("JSESSIONID")).contains("Secure", "SameSite=Lax", "HttpOnly");
    }

    @Test
    void aStrangerAtOneAddressLocksOutNeitherTheUserAtAnotherNorTheUserForGood(CapturedOutput output) throws Exception {
        createManager("proxied-ciso");
        var stranger = new Browser("203.0.113.7");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(stranger.basic("proxied-ciso", "Wrong-Guess-" + attempt).statusCode()).isEqualTo(401);
        }
        var throttled = stranger.basic("proxied-ciso", PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);

        assertThat(new Browser("198.51.100.4").basic("proxied-ciso", PASSWORD).statusCode()).isEqualTo(200);
        var secondStranger = new Browser("203.0.113.8");
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(secondStranger.basic("proxied-ciso", "Wrong-Again-" + attempt).statusCode()).isEqualTo(401);
        }
        var loggedIn = new Browser("198.51.100.4").pageLogin("proxied-ciso", PASSWORD);
        assertThat(loggedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/sla"));

        long retryAfter = Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 2L);
        // The wait lifts by itself: within Retry-After (plus a poll) the right password gets in again.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(retryAfter + 2)).pollInterval(Duration.ofMillis(250))
                .until(() -> stranger.basic("proxied-ciso", PASSWORD).statusCode() == 200);

        assertThat(output).contains("proxied-ciso", "203.0.113.7", "203.0.113.8").doesNotContain("Wrong-Guess-", "Wrong-Again-", PASSWORD);
    }

    private static void createManager(String id) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, "managers");
        }
    }

    /**
     * A browser behind the proxy at the given client address, over HTTPS as far as Vigil can tell. It keeps its cookies
     * by hand: Java's cookie store would never send a Secure cookie over the plain connection the proxy stands in for.
     */
    static final class Browser {
        private final HttpClient http = HttpClient.newHttpClient();
        private final String clientAddress;
        private final Map<String, String> cookies = new LinkedHashMap<>();
        private HttpResponse<String> last;

        Browser(String clientAddress) {
            this.clientAddress = clientAddress;
        }

        HttpResponse<String> basic(String user, String password) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            return send("GET", "/engine-rest/engine/" + ENGINE + "/task", Map.of("Authorization", "Basic " + credentials), null);
        }

        HttpResponse<String> pageLogin(String user, String password) {
            var form = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(send("GET", "/login", null, null).body());
            assertThat(form.find()).isTrue();
            return send("POST", "/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    form("username", user) + "&" + form("password", password) + "&" + form("_csrf", form.group(1)));
        }

        /** The last response's Set-Cookie header for this cookie, attributes and all. */
        String setCookie(String name) {
            List<String> set = last.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).toList();
            assertThat(set).as("Set-Cookie %s in %s", name, last.headers().map()).hasSize(1);
            return set.get(0);
        }

        HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", clientAddress)
                    .header("X-Forwarded-Proto", "https")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (headers != null) {
                headers.forEach(request::header);
            }
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).collect(Collectors.joining("; ")));
            }
            try {
                last = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last.headers().allValues("Set-Cookie").forEach(cookie -> {
                String pair = cookie.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            });
            return last;
        }

        private static String form(String name, String value) {
            return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
