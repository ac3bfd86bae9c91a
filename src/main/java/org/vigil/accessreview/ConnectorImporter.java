package org.vigil.accessreview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Imports what the connectors offer, on a schedule. The file-drop connector is on when
 * {@code vigil.access-review.file-drop-directory} names a folder.
 */
@Component
class ConnectorImporter {

    private static final Logger log = LoggerFactory.getLogger(ConnectorImporter.class);
    private final SnapshotImports imports;
    private final List<EntitlementConnector> connectors = new ArrayList<>();

    ConnectorImporter(SnapshotImports imports, AccessReviewSettings settings, ObjectProvider<EntitlementConnector> beans) {
        this.imports = imports;
        beans.orderedStream().forEach(connectors::add);
        if (!settings.fileDropDirectory().isBlank()) {
            connectors.add(new FileDropConnector(Path.of(settings.fileDropDirectory())));
        }
    }

    @Scheduled(fixedDelayString = "${vigil.access-review.file-drop-poll-every:PT5M}", initialDelayString = "PT30S")
    void poll() {
        connectors.forEach(this::drain);
    }

    /** Imports everything one connector offers now; returns how many imports succeeded. */
    int drain(EntitlementConnector connector) {
        int imported = 0;
        for (var pending : connector.pending()) {
            try {
                var result = imports.importSnapshot(pending.kind(), pending.contentType(), pending.content(),
                        connector.name(), "connector:" + connector.name());
                connector.imported(pending);
                imported++;
                log.info("{} imported from {}: {} rows", pending.name(), connector.name(), result.rows());
            } catch (ImportRejectedException e) {
                connector.rejected(pending, e.problems());
                log.warn("{} from {} rejected: {}", pending.name(), connector.name(), e.getMessage());
            }
        }
        return imported;
    }
}
