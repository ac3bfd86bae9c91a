package org.vigil.documents;

import org.springframework.modulith.NamedInterface;

/** What a letter batch holds: a PDF per person for the print house, or HTML (e-mail, web, quick checks). */
@NamedInterface("api")
public enum LetterFormat {
    PDF("pdf"), HTML("html");

    private final String extension;

    LetterFormat(String extension) {
        this.extension = extension;
    }

    String extension() {
        return extension;
    }
}
