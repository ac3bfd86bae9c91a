package org.vigil.documents;

import org.springframework.modulith.NamedInterface;

/**
 * Whose list of affected individuals it is: the record of the capability that owns it, breach's incident 42 being
 * {@code new AffectedListKey("incident", 42)}. The tables keep it as {@code incident:42}, as they always have.
 */
@NamedInterface("api")
public record AffectedListKey(String owner, long id) {

    public AffectedListKey {
        OwnerRefs.requireOwner(owner);
    }

    /** The key as the tables hold it. */
    String ref() {
        return owner + ":" + id;
    }
}
