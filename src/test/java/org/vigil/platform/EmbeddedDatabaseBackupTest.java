package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup and restore commands refuse what they cannot do well before they touch a database or a file. */
class EmbeddedDatabaseBackupTest {

    @TempDir Path dir;

    @Test
    void onlyTheBackupAndRestoreOptionsMakeACommandOfTheJar() {
        assertThat(EmbeddedDatabaseBackup.requested("--vigil.backup.to=backup.sql")).isTrue();
        assertThat(EmbeddedDatabaseBackup.requested("--spring.profiles.active=demo", "--vigil.restore.from=backup.sql")).isTrue();
        assertThat(EmbeddedDatabaseBackup.requested("--spring.profiles.active=demo")).isFalse();
        assertThat(EmbeddedDatabaseBackup.requested()).isFalse();
    }

    @Test
    void refusesAnExternalDatabaseWhichItsOwnServerBacksUp() {
        Path backup = dir.resolve("backup.sql");
        assertThat(EmbeddedDatabaseBackup.run("--spring.datasource.url=jdbc:mariadb://db.example:3306/vigil", "--vigil.backup.to=" + backup)).isEqualTo(1);
        assertThat(backup).doesNotExist();
    }

    @Test
    void refusesABackupAndARestoreAtOnce() {
        assertThat(EmbeddedDatabaseBackup.run("--vigil.embedded-db.data-dir=" + dir.resolve("mariadb"),
                "--vigil.backup.to=" + dir.resolve("a.sql"), "--vigil.restore.from=" + dir.resolve("b.sql"))).isEqualTo(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesToBackUpADataDirectoryWithoutADatabase() {
        assertThat(EmbeddedDatabaseBackup.run("--vigil.embedded-db.data-dir=" + dir.resolve("nothing-here"),
                "--vigil.backup.to=" + dir.resolve("backup.sql"))).isEqualTo(1);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void restoresNothingButADumpAndLeavesNoDataDirectory() throws IOException {
        Path notADump = Files.writeString(dir.resolve("notes.txt"), "DROP TABLE incident;\n");
        Path dataDir = dir.resolve("mariadb");
        assertThat(EmbeddedDatabaseBackup.run("--vigil.embedded-db.data-dir=" + dataDir, "--vigil.restore.from=" + notADump)).isEqualTo(1);
        assertThat(EmbeddedDatabaseBackup.run("--vigil.embedded-db.data-dir=" + dataDir, "--vigil.restore.from=" + dir.resolve("missing.sql"))).isEqualTo(1);
        assertThat(dataDir).doesNotExist();
    }
}
