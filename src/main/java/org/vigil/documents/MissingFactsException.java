package org.vigil.documents;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A document was asked for without facts it must contain; names them, never their values. */
@NamedInterface("api")
public class MissingFactsException extends RuntimeException {

    private final transient DocumentKind kind;
    private final transient List<String> missing;

    public MissingFactsException(DocumentKind kind, List<String> missing) {
        super("Missing facts for " + kind.template() + ": " + String.join(", ", missing));
        this.kind = kind;
        this.missing = List.copyOf(missing);
    }

    public DocumentKind kind() {
        return kind;
    }

    public List<String> missing() {
        return missing;
    }

    /** "the HHS breach report lacks the type of breach and the safeguards in place before the breach" */
    public String inPlainWords() {
        return inPlainWords(kind, missing);
    }

    /** What a document lacks, for the person who must supply it. */
    public static String inPlainWords(DocumentKind kind, List<String> missing) {
        var words = missing.stream().map(DocumentKind::inPlainWords).toList();
        String listed = words.size() == 1 ? words.get(0)
                : String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
        return "the " + kind.title() + " lacks " + listed;
    }
}
