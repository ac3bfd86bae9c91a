package org.vigil.documents;

import org.springframework.modulith.NamedInterface;

/**
 * Whose letter batches they are: the record that asked for them, breach's obligation 7 being
 * {@code new LetterBatchOwner("obligation", 7)}. The tables keep it as {@code obligation:7}.
 */
@NamedInterface("api")
public record LetterBatchOwner(String owner, long id) {

    public LetterBatchOwner {
        OwnerRefs.requireOwner(owner);
    }

    /** The owner as the tables hold it. */
    String ref() {
        return owner + ":" + id;
    }
}
