package org.vigil.correctiveaction;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * A nonconformity to correct. {@code severity} is {@code major}, {@code minor} or {@code improvement}; the
 * description is free text that may hold patient data, stored encrypted and never shown on a card; {@code repeatOf}
 * names the earlier action of the same nonconformity, raised again. {@code dueDate} and {@code owner}, when a meeting
 * or a plan already decided them, replace the severity policy's due date and prefill the plan's owner (a member of
 * the owner group); null leaves them to the policy and the plan.
 */
@NamedInterface("api")
public record RaiseAction(ActionSource source, String severity, String ownerGroup, String description, String raisedBy,
        Long repeatOf, boolean exercise, LocalDate dueDate, String owner) {

    public RaiseAction(ActionSource source, String severity, String ownerGroup, String description, String raisedBy, Long repeatOf,
            boolean exercise) {
        this(source, severity, ownerGroup, description, raisedBy, repeatOf, exercise, null, null);
    }
}
