package org.vigil.documents;

/** What a letter batch holds: a PDF per person for the print house, or HTML (e-mail, web, quick checks). */
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
