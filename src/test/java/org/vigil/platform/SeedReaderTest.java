package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeedReaderTest {

    record Holidays(String calendar, List<LocalDate> days) {}

    static Holidays read(String yaml) {
        return SeedReader.read(yaml.getBytes(StandardCharsets.UTF_8), "seeds/test/holidays.yaml", Holidays.class);
    }

    @Test
    void readsYamlIntoRecordsWithDates() {
        assertThat(read("calendar: US\ndays:\n  - 2026-01-01\n  - 2026-12-25\n"))
                .isEqualTo(new Holidays("US", List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 25))));
    }

    @Test
    void aMisspeltKeyOrABadValueStopsTheStartNamingTheFileAndTheKey() {
        assertThatThrownBy(() -> read("calendar: US\ndayz:\n  - 2026-01-01\n"))
                .hasMessageStartingWith("Seed file seeds/test/holidays.yaml cannot be read: Unrecognized field \"dayz\"")
                .hasMessageEndingWith("(at key dayz)");
        assertThatThrownBy(() -> read("calendar: US\ndays:\n  - 2026-01-01\n  - 25 December\n"))
                .hasMessageStartingWith("Seed file seeds/test/holidays.yaml cannot be read: ")
                .hasMessageEndingWith("(at key days[1])");
    }

    @Test
    void brokenYamlIsReportedAtItsLine() {
        assertThatThrownBy(() -> read("calendar: US\ndays: [2026-01-01\n"))
                .hasMessageStartingWith("Seed file seeds/test/holidays.yaml cannot be read: ")
                .message().containsPattern("line [0-9]+");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> SeedReader.read("seeds/none.yaml", Holidays.class))
                .hasMessageStartingWith("Seed file seeds/none.yaml cannot be read");
    }

    @Test
    void theShippedSeedsRead() {
        assertThat(SeedReader.read("seeds/identity/groups-and-grants.yaml", IdentitySeeds.GroupsAndGrants.class).groups()).isNotEmpty();
        assertThat(SeedReader.read("seeds/demo/users.yaml", IdentitySeeds.DemoUsers.class).users()).isNotEmpty();
    }
}
