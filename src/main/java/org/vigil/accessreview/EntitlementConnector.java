package org.vigil.accessreview;

import java.util.List;

/**
 * A source of snapshots other than the REST API: an identity provider, an HR system, a folder files are dropped into.
 * The importer takes what {@link #pending()} offers and reports back on each one.
 */
public interface EntitlementConnector {

    /** One import waiting: its kind, content type ({@code text/csv} or {@code application/json}) and content. */
    record PendingImport(String name, SnapshotKind kind, String contentType, byte[] content) {}

    /** Names the source in each snapshot's {@code source}, e.g. {@code file-drop}. */
    String name();

    /** Imports waiting now; each is claimed, so two nodes never take the same one. */
    List<PendingImport> pending();

    void imported(PendingImport pending);

    void rejected(PendingImport pending, List<ImportProblem> problems);
}
