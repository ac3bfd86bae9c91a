package org.vigil;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.vigil.platform.EmbeddedDatabaseBackup;

/** Vigil: the ISMS of a healthcare software company as executable Camunda 7 workflows. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class VigilApplication {

    public static void main(String[] args) {
        // --vigil.backup.to=FILE, --vigil.restore.from=FILE: a command that exits, not Vigil.
        if (EmbeddedDatabaseBackup.requested(args)) {
            System.exit(EmbeddedDatabaseBackup.run(args));
        }
        SpringApplication.run(VigilApplication.class, args);
    }
}
