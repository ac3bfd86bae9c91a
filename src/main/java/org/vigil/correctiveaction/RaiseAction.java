package org.vigil.correctiveaction;

import org.springframework.modulith.NamedInterface;

/**
 * A nonconformity to correct. {@code severity} is {@code major}, {@code minor} or {@code improvement}; the
 * description is free text that may hold patient data, stored encrypted and never shown on a card; {@code repeatOf}
 * names the earlier action of the same nonconformity, raised again.
 */
@NamedInterface("api")
public record RaiseAction(ActionSource source, String severity, String ownerGroup, String description, String raisedBy,
        Long repeatOf, boolean exercise) {}
