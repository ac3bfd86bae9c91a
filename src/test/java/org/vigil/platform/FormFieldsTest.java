package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a person may submit through a form with a dynamic list: the review form's rows. */
class FormFieldsTest {

    final FormFields review = FormFields.parse(read("forms/access-review-decide.form"), new ObjectMapper());

    @Test
    void aRowTakesItsDecisionReasonAndReadOnlyItemButNoDisplayOnlyColumn() {
        var rows = review.submittable("reviewItems").orElseThrow();

        assertThat(rows.refusal(List.of(row(18, "revoke", "Left"), row(19, null, "")))).isEmpty();
        assertThat(rows.refusal(List.of(Map.of("item", 18, "account", "other"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("row 1: account is not a field a person fills in"));
        assertThat(rows.refusal(List.of(row(18, "delete", ""))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("row 1: 'Decision' (decision) must be one of keep, revoke, modify"));
        assertThat(rows.refusal("18 keep")).hasValueSatisfying(reason -> assertThat(reason).contains("must be a list"));
    }

    @Test
    void theIdsTheFormShowsAreNotFieldsAtAll() {
        assertThat(review.submittable("campaignId")).isEmpty();
        assertThat(review.submittable("reviewer")).isEmpty();
        assertThat(review.all()).doesNotContainKeys("account", "item", "decision");
    }

    private static Map<String, Object> row(long item, String decision, String reason) {
        var row = new HashMap<String, Object>();
        row.put("item", item);
        row.put("decision", decision);
        row.put("reason", reason);
        return row;
    }

    private static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
