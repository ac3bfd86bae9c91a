package org.vigil.risk;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.vigil.platform.SeedReader;

/**
 * {@code seeds/risk/threats.yaml}: the threats an assessment proposes for an asset of each classification, with the
 * Annex A 2022 controls that usually treat them. Read and checked once at start against the 93 controls of
 * {@code seeds/audit/annex-a-2022.yaml}: a broken entry fails the start naming it.
 */
@Component
public class ThreatCatalog {

    static final String PATH = "seeds/risk/threats.yaml";
    static final String ANNEX_A = "seeds/audit/annex-a-2022.yaml";
    /** The classifications a threat may apply to: the access-review register's two PHI ones, and the rest. */
    public static final List<String> CLASSIFICATIONS = List.of("phi-restricted", "phi-limited", "other");

    public record Threat(String id, String name, String description, List<String> appliesTo, List<String> controls, String citation) {}

    record Seed(List<Threat> threats) {}

    record AnnexControl(String id, String title) {}

    record AnnexTheme(String theme, List<AnnexControl> controls) {}

    record Annex(List<AnnexTheme> themes) {}

    private final Map<String, Threat> threats;
    private final Set<String> controls;

    ThreatCatalog() {
        this(SeedReader.read(PATH, Seed.class), annexControls(SeedReader.read(ANNEX_A, Annex.class)));
    }

    ThreatCatalog(Seed seed, Set<String> annexControls) {
        this.controls = Set.copyOf(annexControls);
        this.threats = validated(seed, controls);
    }

    public List<Threat> threats() {
        return List.copyOf(threats.values());
    }

    public Optional<Threat> threat(String id) {
        return Optional.ofNullable(threats.get(id));
    }

    /** The threats proposed for an asset of this classification (a classification the catalogue does not know counts as other). */
    public List<Threat> proposedFor(String classification) {
        String key = CLASSIFICATIONS.contains(classification) ? classification : "other";
        return threats.values().stream().filter(t -> t.appliesTo().contains(key)).toList();
    }

    /** Whether {@code id} (5.1 .. 8.34, "A." allowed in front) is a control of Annex A 2022. */
    public boolean isControl(String id) {
        return controls.contains(controlId(id));
    }

    /** A control's id as the register stores it: "A.8.7" and "8.7" are both 8.7. */
    public static String controlId(String id) {
        String stripped = id == null ? "" : id.strip();
        return stripped.startsWith("A.") ? stripped.substring(2) : stripped;
    }

    static Set<String> annexControls(Annex annex) {
        Set<String> ids = new HashSet<>();
        for (AnnexTheme theme : annex.themes()) {
            theme.controls().forEach(c -> ids.add(controlId(c.id())));
        }
        if (ids.size() != 93) {
            throw new IllegalStateException(ANNEX_A + ": expected the 93 controls of Annex A 2022, found " + ids.size());
        }
        return ids;
    }

    private static Map<String, Threat> validated(Seed seed, Set<String> controls) {
        if (seed == null || seed.threats() == null || seed.threats().isEmpty()) {
            throw new IllegalStateException(PATH + ": threats is missing or empty");
        }
        Map<String, Threat> byId = new LinkedHashMap<>();
        int n = 0;
        for (Threat t : seed.threats()) {
            String where = PATH + ": threats[" + n++ + "]" + (t.id() == null ? "" : " (" + t.id() + ")");
            if (t.id() == null || !t.id().matches("[a-z0-9][a-z0-9-]{0,63}")) {
                throw new IllegalStateException(where + ": id must be lower-case letters, digits and '-', at most 64");
            }
            if (byId.containsKey(t.id())) {
                throw new IllegalStateException(where + ": id is used twice");
            }
            if (t.name() == null || t.name().isBlank() || t.description() == null || t.description().isBlank()) {
                throw new IllegalStateException(where + ": name and description are required");
            }
            if (t.appliesTo() == null || t.appliesTo().isEmpty() || !CLASSIFICATIONS.containsAll(t.appliesTo())) {
                throw new IllegalStateException(where + ": appliesTo must name some of " + String.join(", ", CLASSIFICATIONS));
            }
            if (t.controls() == null || t.controls().isEmpty()) {
                throw new IllegalStateException(where + ": controls must suggest at least one Annex A 2022 control");
            }
            for (String control : t.controls()) {
                if (!controls.contains(controlId(control))) {
                    throw new IllegalStateException(where + ": control " + control + " is not one of the 93 of Annex A 2022");
                }
            }
            byId.put(t.id(), new Threat(t.id(), t.name(), t.description(), List.copyOf(t.appliesTo()),
                    t.controls().stream().map(ThreatCatalog::controlId).toList(), t.citation()));
        }
        return byId;
    }
}
