package org.vigil.documents;

/** The kind of record owning a list or a batch ({@code incident}, {@code obligation}), the part before the colon. */
final class OwnerRefs {

    private OwnerRefs() {}

    static void requireOwner(String owner) {
        if (owner == null || owner.isBlank() || owner.contains(":")) {
            throw new IllegalArgumentException("An owner is a kind of record such as incident, without a colon: " + owner);
        }
    }
}
