package org.vigil.breach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.vigil.documents.NoticeWording;

/**
 * What the privacy office writes for a notice in "prepare the notice" (forms/prepare-notice.form): form field to
 * document fact. Kept on the obligation, encrypted; the {@code phi*} fields never stay in the process.
 */
final class NoticeText {

    static final Map<String, String> FORM_FIELDS = Map.ofEntries(
            Map.entry("phiNoticeWhatHappened", "whatHappened"),
            Map.entry("phiNoticeSteps", "stepsForIndividuals"),
            Map.entry("phiNoticeWhatWeAreDoing", "whatWeAreDoing"),
            Map.entry("phiNoticeConsequences", "consequences"),
            Map.entry("phiNoticeSafeguards", "safeguards"),
            Map.entry("phiNoticeDelayReasons", "delayReasons"),
            Map.entry("noticeBreachType", "breachType"),
            Map.entry("noticeBreachLocation", "breachLocation"),
            Map.entry("noticeEntityType", "entityType"),
            Map.entry("noticeRecipientOffice", "agOffice"));

    // The prepared wording is a flat map of strings stored with the obligation: a plain mapper keeps that stored form
    // fixed, whatever spring.jackson.* does to Vigil's API.
    private static final ObjectMapper json = new ObjectMapper();

    private NoticeText() {}

    static String fromForm(Function<String, Object> scope) {
        var text = new LinkedHashMap<String, String>();
        FORM_FIELDS.forEach((field, fact) -> {
            String value = FormText.text(scope, field);
            if (value != null && !value.isBlank()) {
                text.put(fact, value.strip());
            }
        });
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored text as the notice's wording; an empty one where nothing was written. */
    static NoticeWording wording(String stored) {
        var text = read(stored);
        return new NoticeWording(text.get("whatHappened"), text.get("stepsForIndividuals"), text.get("whatWeAreDoing"),
                text.get("consequences"), text.get("safeguards"), text.get("delayReasons"), text.get("breachType"),
                text.get("breachLocation"), text.get("entityType"), text.get("agOffice"));
    }

    /** The stored text under the form's field keys: a notice sent back opens with what was written before. */
    static Map<String, String> formValues(String stored) {
        var text = read(stored);
        var values = new LinkedHashMap<String, String>();
        FORM_FIELDS.forEach((field, fact) -> {
            if (text.containsKey(fact)) {
                values.put(field, text.get(fact));
            }
        });
        return values;
    }

    private static Map<String, String> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return Map.of();
        }
        try {
            return json.readValue(stored, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable notice text", e);
        }
    }
}
