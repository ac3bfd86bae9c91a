package org.vigil.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * One e-mail to people, by user id and group id. {@code eventKey} names the event that causes it
 * (e.g. {@code obligation:42:reminder}): a second request with the same key is ignored.
 * The model must hold no patient data: ids, titles, dates and links only.
 */
@NamedInterface("api")
public record MailRequest(String eventKey, String template, List<String> toUsers, List<String> toGroups,
        Map<String, String> model) {

    public MailRequest {
        Objects.requireNonNull(eventKey, "eventKey");
        Objects.requireNonNull(template, "template");
        toUsers = toUsers == null ? List.of() : List.copyOf(toUsers);
        toGroups = toGroups == null ? List.of() : List.copyOf(toGroups);
        model = model == null ? Map.of() : Map.copyOf(model);
    }

    public static MailRequest toGroups(String eventKey, String template, List<String> groups, Map<String, String> model) {
        return new MailRequest(eventKey, template, List.of(), groups, model);
    }
}
