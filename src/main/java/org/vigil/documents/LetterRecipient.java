package org.vigil.documents;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** The person a letter addresses: by post, or by e-mail when no postal address is listed (empty, never null). */
@NamedInterface("api")
public record LetterRecipient(String name, String postalAddress, String email, String jurisdiction) {

    static LetterRecipient of(AffectedIndividual person) {
        return new LetterRecipient(person.name(), nullToEmpty(person.postalAddress()), nullToEmpty(person.email()), person.jurisdiction());
    }

    /** As the templates read it: {@code $recipient.name}, {@code $recipient.postalAddress}... */
    Map<String, Object> asFacts() {
        return Map.of("name", name, "postalAddress", postalAddress, "email", email, "jurisdiction", jurisdiction);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
