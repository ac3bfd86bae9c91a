package org.vigil.breach;

/**
 * A fact of a breach that cannot be true or cannot be stored as given: 400 naming the field over Vigil's API, a refused
 * completion naming it in Tasklist. The message names the field by its key and its form label, never its value.
 */
class InvalidFactException extends IllegalArgumentException {

    private final String field;

    InvalidFactException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
