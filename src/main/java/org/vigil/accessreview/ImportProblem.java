package org.vigil.accessreview;

/** What is wrong with one line of an import: the line number in the file (the CSV header is line 1), the field, why. */
public record ImportProblem(int line, String field, String message) {

    @Override
    public String toString() {
        return "line " + line + ", " + field + ": " + message;
    }
}
