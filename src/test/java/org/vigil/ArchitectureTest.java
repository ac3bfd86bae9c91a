package org.vigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The package-per-capability layout of DESIGN.md and the house rules of STYLE.md. */
class ArchitectureTest {

    static final JavaClasses vigil = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vigil");

    @Test
    void capabilitiesTalkOnlyThroughEachOthersPublicApi() {
        ApplicationModules.of(VigilApplication.class).verify();
    }

    /**
     * A module that declares nothing may depend on every other; each names its own, so {@code verify()} above refuses
     * any dependency the module map does not show (src/docs/module-map.puml, {@link ModuleMapTest}).
     */
    @Test
    void everyCapabilityDeclaresWhatItMayDependOn() {
        ApplicationModules.of(VigilApplication.class).forEach(module -> {
            var declared = Package.getPackage(module.getBasePackage().getName()).getAnnotation(ApplicationModule.class);
            assertThat(declared).as("@ApplicationModule on %s's package-info", module.getName()).isNotNull();
            assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getName())
                    .doesNotContain(ApplicationModule.OPEN_TOKEN);
        });
    }

    /**
     * Only the shared kernel {@code platform} is used whole; another capability is reached through one of its named
     * interfaces, so what it keeps to itself (repositories, entities, renderers, the rule catalogue) stays its own.
     */
    @Test
    void capabilitiesReachEachOtherOnlyThroughNamedInterfaces() {
        var modules = ApplicationModules.of(VigilApplication.class);
        modules.forEach(module -> {
            var declared = Package.getPackage(module.getBasePackage().getName()).getAnnotation(ApplicationModule.class);
            assertThat(declared.allowedDependencies()).as("allowedDependencies of %s", module.getName())
                    .allMatch(dependency -> dependency.equals("platform") || dependency.contains("::"));
        });
        assertThat(modules.getModuleByName("regulation").orElseThrow().getNamedInterfaces().getByName("api")).isPresent();
        assertThat(modules.getModuleByName("documents").orElseThrow().getNamedInterfaces().getByName("api")).isPresent();
        assertThat(modules.getModuleByName("notification").orElseThrow().getNamedInterfaces().getByName("api")).isPresent();
        assertThat(modules.getModuleByName("breach").orElseThrow().getNamedInterfaces().getByName("events")).isPresent();
        assertThat(modules.getModuleByName("accessreview").orElseThrow().getNamedInterfaces().getByName("events")).isPresent();
    }

    @Test
    void nobodyReadsTheSystemClockDirectly() {
        noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("deadlines must be testable: read the injected java.time.Clock")
                .check(vigil);
    }

    @Test
    void onlyPlatformDelegatesListenersAndProcessClassesTouchCamunda() {
        noClasses().that().resideOutsideOfPackage("org.vigil.platform..")
                .and().haveSimpleNameNotEndingWith("Delegate")
                .and().haveSimpleNameNotEndingWith("Listener")
                .and().haveSimpleNameNotEndingWith("Process")
                .and().haveSimpleNameNotEndingWith("ProcessStarter")
                .should().dependOnClassesThat().resideInAPackage("org.camunda..")
                .because("a later move to Operaton or CIB seven must stay a mechanical rename")
                .allowEmptyShould(true)
                .check(vigil);
    }

    @Test
    void everyCsvIsWrittenByTheWriterThatDefusesFormulas() {
        noClasses().that().doNotHaveFullyQualifiedName("org.vigil.platform.SafeCsvWriter")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
                .orShould().callMethod(org.apache.commons.csv.CSVFormat.class, "format", Object[].class)
                .because("people open our CSV files in spreadsheets, which run cells that start like formulas: write them with SafeCsvWriter")
                .check(vigil);
    }

    @Test
    void everyCsvIsReadByTheOneReader() {
        noClasses().that().doNotHaveFullyQualifiedName("org.vigil.platform.CsvInput")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.commons.csv.CSVParser")
                .because("one reader counts lines the same way for every import: read CSV with CsvInput")
                .check(vigil);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(vigil);
    }
}
