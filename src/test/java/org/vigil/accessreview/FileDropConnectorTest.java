package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-drop connector claims each file once and files it as imported or rejected with its problems. */
class FileDropConnectorTest {

    @TempDir Path folder;

    @Test
    void offersEachDroppedFileOnceWithItsKindAndFormat() throws Exception {
        Files.writeString(folder.resolve("roster-2026-q4.csv"), "person,manager,status,terminatedOn\n");
        Files.writeString(folder.resolve("ehr.json"), "[]");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        var connector = new FileDropConnector(folder);

        var pending = connector.pending();

        assertThat(pending).extracting(EntitlementConnector.PendingImport::name, EntitlementConnector.PendingImport::kind,
                EntitlementConnector.PendingImport::contentType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ehr.json", SnapshotKind.ENTITLEMENTS, "application/json"),
                org.assertj.core.groups.Tuple.tuple("roster-2026-q4.csv", SnapshotKind.ROSTER, "text/csv"));
        assertThat(connector.pending()).as("claimed files are not offered again").isEmpty();
        assertThat(folder.resolve("notes.txt")).exists();
    }

    @Test
    void filesAnImportAsImportedOrAsRejectedWithItsProblems() throws Exception {
        Files.writeString(folder.resolve("a.csv"), "x");
        Files.writeString(folder.resolve("b.csv"), "y");
        var connector = new FileDropConnector(folder);
        var pending = connector.pending();

        connector.imported(pending.get(0));
        connector.rejected(pending.get(1), List.of(new ImportProblem(3, "privileged", "must be true or false, not 'perhaps'")));

        assertThat(folder.resolve("imported/a.csv")).exists();
        assertThat(folder.resolve("rejected/b.csv")).exists();
        assertThat(Files.readString(folder.resolve("rejected/b.csv.problems.txt")))
                .isEqualTo("line 3, privileged: must be true or false, not 'perhaps'\n");
    }
}
