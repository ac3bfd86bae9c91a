package org.vigil.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vigil.audit.AnnexAControl;
import org.vigil.audit.AuditCatalog;

/** seeds/risk/soa.yaml names each of the 93 Annex A controls exactly once, each with a justification and a known status. */
class SoaSeedTest {

    static final List<AnnexAControl> CONTROLS = new AuditCatalog().controls();

    @Test
    void theSeedGivesEveryAnnexAControlOnceWithAJustification() {
        var entries = SoaSeed.read(CONTROLS);
        assertThat(entries).hasSize(93);
        assertThat(entries).extracting(SoaSeed.Entry::control).containsExactlyElementsOf(CONTROLS.stream().map(AnnexAControl::id).toList());
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.justification()).as(entry.control()).isNotBlank();
            assertThat(Soa.STATUSES).as(entry.control()).contains(entry.status());
            assertThat(entry.applicable()).as(entry.control()).isNotNull();
        });
        // The ones that do not apply say why, as every other does.
        assertThat(entries).filteredOn(entry -> !entry.applicable()).isNotEmpty()
                .allSatisfy(entry -> assertThat(entry.justification()).hasSizeGreaterThan(20));
    }

    @Test
    void aSeedWithAMissingADuplicateAnUnknownOrAnUnjustifiedControlIsRefusedNamingEach() {
        var entries = new ArrayList<>(SoaSeed.read(CONTROLS));
        entries.remove(0);
        entries.add(entries.get(0));
        entries.add(new SoaSeed.Entry("A.9.9", true, "implemented", "Not a 2022 control"));
        entries.set(5, new SoaSeed.Entry(entries.get(5).control(), false, "implemented", " "));
        entries.set(6, new SoaSeed.Entry(entries.get(6).control(), true, "done", "Fine"));
        assertThatThrownBy(() -> SoaSeed.checked(new SoaSeed.File(entries), CONTROLS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("control A.5.1: is missing")
                .hasMessageContaining("control A.5.2: is listed twice")
                .hasMessageContaining("control A.9.9: is not a control")
                .hasMessageContaining("control " + entries.get(5).control() + ": justification is missing")
                .hasMessageContaining("control " + entries.get(6).control() + ": status must be one of");
    }
}
