package org.vigil.correctiveaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.camunda.bpm.engine.RuntimeService;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

/** The corrective-action REST API as a client calls it: raise by hand, read by source and one by id, refusals. */
@VigilSpringTest
class CorrectiveActionApiIT {

    static final ObjectMapper json = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired RuntimeService runtime;

    @Test
    void theCisoRaisesAnActionWhichStartsItsProcessAndAnAuditorReadsItWithItsTexts() throws Exception {
        var created = client("ciso").postJson("/api/corrective-actions",
                "{\"severity\": \"major\", \"ownerGroup\": \"it-operations\", \"description\": \"Patient export left on a share\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode action = json.readTree(created.body());
        long id = action.path("id").asLong();
        assertThat(created.headers().firstValue("Location")).hasValue("/api/corrective-actions/" + id);
        assertThat(action.path("source").path("type").asText()).isEqualTo("MANUAL");
        assertThat(action.path("source").path("reference").asText()).startsWith("manual:");
        assertThat(action.path("severity").asText()).isEqualTo("major");
        assertThat(action.path("status").asText()).isEqualTo("OPEN");
        assertThat(action.has("description")).as("a summary holds no free text").isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("CA-" + id).count()).isEqualTo(1);

        var read = client("auditor").get("/api/corrective-actions/" + id);
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode detail = json.readTree(read.body());
        assertThat(detail.path("description").asText()).isEqualTo("Patient export left on a share");
        assertThat(detail.path("summary").path("ownerGroup").asText()).isEqualTo("it-operations");

        // The owner group reads its own action; the list by source finds it.
        assertThat(client("sysadmin").get("/api/corrective-actions/" + id).statusCode()).isEqualTo(200);
        var listed = client("auditor").get("/api/corrective-actions?sourceType=MANUAL&referencePrefix="
                + action.path("source").path("reference").asText());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json.readTree(listed.body()).findValuesAsText("id")).containsExactly(String.valueOf(id));
    }

    @Test
    void aRepeatKeepsItsLinkToTheEarlierAction() throws Exception {
        long first = json.readTree(client("manager").postJson("/api/corrective-actions",
                "{\"severity\": \"minor\", \"ownerGroup\": \"managers\", \"description\": \"Onboarding checklist skipped\"}").body()).path("id").asLong();
        var repeat = client("manager").postJson("/api/corrective-actions",
                "{\"severity\": \"major\", \"ownerGroup\": \"managers\", \"description\": \"Skipped again\", \"repeatOf\": " + first + "}");

        assertThat(repeat.statusCode()).isEqualTo(201);
        assertThat(json.readTree(repeat.body()).path("repeatOf").asLong()).isEqualTo(first);
    }

    @Test
    void staffMayNeitherRaiseNorReadAnotherGroupsAction() throws Exception {
        var refused = client("staff").postJson("/api/corrective-actions",
                "{\"severity\": \"minor\", \"ownerGroup\": \"it-operations\", \"description\": \"Something\"}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

        long id = json.readTree(client("privacy").postJson("/api/corrective-actions",
                "{\"severity\": \"improvement\", \"ownerGroup\": \"privacy-office\", \"description\": \"Consent wording\"}").body()).path("id").asLong();
        assertThat(client("staff").get("/api/corrective-actions/" + id).statusCode()).isEqualTo(403);
        assertThat(client("staff").get("/api/corrective-actions?sourceType=MANUAL").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(client("auditor").get("/api/corrective-actions/999999999").statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        assertField(client("ciso").postJson("/api/corrective-actions",
                "{\"severity\": \"critical\", \"ownerGroup\": \"it-operations\", \"description\": \"x\"}"), "severity");
        assertField(client("ciso").postJson("/api/corrective-actions",
                "{\"severity\": \"major\", \"ownerGroup\": \"no-such-group\", \"description\": \"x\"}"), "ownerGroup");
        assertField(client("ciso").postJson("/api/corrective-actions",
                "{\"severity\": \"major\", \"ownerGroup\": \"it-operations\", \"description\": \"   \"}"), "description");
        assertField(client("ciso").get("/api/corrective-actions?sourceType=GOSSIP"), "sourceType");
    }

    private static void assertField(java.net.http.HttpResponse<String> response, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).path("field").asText()).isEqualTo(field);
    }

    private WebClient client(String user) {
        return new WebClient(port).as(user, "demo");
    }
}
