package org.vigil.documents;

import java.util.List;

/** A document was asked for without facts it must contain; names them, never their values. */
public class MissingFactsException extends RuntimeException {

    private final transient List<String> missing;

    public MissingFactsException(DocumentKind kind, List<String> missing) {
        super("Missing facts for " + kind.template() + ": " + String.join(", ", missing));
        this.missing = List.copyOf(missing);
    }

    public List<String> missing() {
        return missing;
    }
}
