package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * The application as {@link VigilSpringTest} starts it, for jqwik properties: jqwik runs no JUnit extensions, so
 * the context comes from Spring's test context cache directly, the same one the JUnit tests of this JVM share.
 */
public final class RunningVigil {

    private static final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ApplicationContext context;
    private final int port;

    private RunningVigil(ApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /** {@code testClass} carries {@link VigilSpringTest}, so that its context is the cached one. */
    public static RunningVigil of(Class<?> testClass) {
        return new RunningVigil(new TestContextManager(testClass).getTestContext().getApplicationContext());
    }

    public ApplicationContext context() {
        return context;
    }

    public HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, */*;q=0.5")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> send(String user, String method, String path, String contentType, byte[] body) {
        var request = request(user, path).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** The property of every endpoint: never a server error, and every refusal with a problem body (RFC 9457). */
    public static void assertNoServerErrorAndProblemOnRefusal(HttpResponse<String> response) {
        String what = response.request().method() + " " + response.request().uri().getRawPath() + " -> " + response.statusCode()
                + " " + abbreviated(response.body());
        assertThat(response.statusCode()).as(what).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what).contains("application/problem+json");
            JsonNode problem;
            try {
                problem = json.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + what, e);
            }
            assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.statusCode());
            assertThat(problem.path("title").asText()).as(what).isNotBlank();
            assertThat(problem.path("detail").asText()).as(what).isNotBlank().hasSizeLessThan(2000);
        }
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
    }
}
