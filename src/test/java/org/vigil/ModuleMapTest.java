package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module map in {@code src/docs/} is what Spring Modulith reads from the code, not a drawing kept by hand: this
 * test writes the map and each module's own under {@code target/spring-modulith-docs/} and fails when the copy
 * checked in differs, so a change of the modules' dependencies comes with its new map.
 */
class ModuleMapTest {

    static final Path GENERATED = Path.of("target", "spring-modulith-docs");
    static final Path CHECKED_IN = Path.of("src", "docs", "module-map.puml");

    @Test
    void theCheckedInModuleMapIsTheOneTheCodeDraws() throws IOException {
        new Documenter(ApplicationModules.of(VigilApplication.class), Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        // The Documenter lists the relations in no fixed order: the same lines make the same map.
        var drawn = Files.readAllLines(GENERATED.resolve("components.puml"));
        assertThat(Files.exists(CHECKED_IN) ? Files.readAllLines(CHECKED_IN) : java.util.List.<String>of())
                .as("The modules changed: copy %s to %s", GENERATED.resolve("components.puml"), CHECKED_IN)
                .containsExactlyInAnyOrderElementsOf(drawn);
    }
}
