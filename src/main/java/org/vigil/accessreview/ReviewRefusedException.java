package org.vigil.accessreview;

/**
 * A request the rules refuse: reviewing one's own access, deciding an item that belongs to someone else, changing a
 * closed campaign. The message says what was refused and why, for the person who asked.
 */
public class ReviewRefusedException extends RuntimeException {

    /** Whether the caller may not do it at all ({@code FORBIDDEN}) or not in the campaign's present state ({@code CONFLICT}). */
    public enum Kind { FORBIDDEN, CONFLICT }

    private final Kind kind;

    ReviewRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
