package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrations (scripts, and CamundaSchemaMigration in Java) form one global sequence, V001 upwards without gaps, so a new one can only be the next number: two
 * branches that both add one collide on the number at once instead of one failing validation on a later database.
 */
class MigrationOrderTest {

    @Test
    void migrationsAreNumberedOneAfterAnotherWithoutGaps() throws IOException {
        List<String> scripts = scripts();

        assertThat(scripts).allMatch(name -> name.matches("V\\d{3}__[a-z0-9_]+\\.sql"),
                "named V<three digits>__<lower_case_words>.sql");
        var versions = new ArrayList<Integer>(scripts.stream().map(name -> Integer.parseInt(LegacyMigrationNames.version(name))).toList());
        // Camunda's schema, a migration in Java.
        versions.add(Integer.parseInt(new CamundaSchemaMigration().getVersion().getVersion()));
        versions.sort(null);
        assertThat(versions).containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
    }

    @Test
    void everyOldNameIsRenamedToAScriptThatExistsInTheSameOrder() throws IOException {
        List<String> scripts = scripts();

        assertThat(scripts).containsAll(LegacyMigrationNames.RENAMED.values());
        assertThat(new ArrayList<>(LegacyMigrationNames.RENAMED.values()))
                .as("the old names keep the order in which databases applied them")
                .isSortedAccordingTo((a, b) -> a.compareTo(b));
        assertThat(new ArrayList<>(LegacyMigrationNames.RENAMED.keySet()))
                .isSortedAccordingTo((a, b) -> Integer.compare(
                        Integer.parseInt(LegacyMigrationNames.version(a)), Integer.parseInt(LegacyMigrationNames.version(b))));
    }

    private static List<String> scripts() throws IOException {
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        return Arrays.stream(resources).map(Resource::getFilename).sorted().toList();
    }
}
