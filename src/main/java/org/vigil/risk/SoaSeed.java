package org.vigil.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vigil.audit.AnnexAControl;
import org.vigil.platform.SeedReader;

/**
 * {@code seeds/risk/soa.yaml}: the Statement of Applicability's defaults, checked against the 93 controls of the audit
 * catalogue (every control exactly once, nothing else, a justification either way, a known status). A broken file
 * stops the start naming every wrong entry.
 */
final class SoaSeed {

    static final String PATH = "seeds/risk/soa.yaml";

    record Entry(String control, Boolean applicable, String status, String justification) {}

    record File(List<Entry> controls) {}

    private SoaSeed() {}

    /** The checked entries in the catalogue's order. */
    static List<Entry> read(List<AnnexAControl> catalogue) {
        return checked(SeedReader.read(PATH, File.class), catalogue);
    }

    static List<Entry> checked(File file, List<AnnexAControl> catalogue) {
        List<String> problems = new ArrayList<>();
        Map<String, Entry> byId = new LinkedHashMap<>();
        var known = catalogue.stream().map(AnnexAControl::id).toList();
        for (Entry entry : file == null || file.controls() == null ? List.<Entry>of() : file.controls()) {
            String where = "control " + entry.control();
            if (entry.control() == null || !known.contains(entry.control())) {
                problems.add(where + ": is not a control of ISO/IEC 27001:2022 Annex A (seeds/audit/annex-a-2022.yaml)");
                continue;
            }
            if (byId.putIfAbsent(entry.control(), entry) != null) {
                problems.add(where + ": is listed twice");
            }
            if (entry.applicable() == null) {
                problems.add(where + ": applicable is missing (true or false)");
            }
            if (entry.justification() == null || entry.justification().isBlank()) {
                problems.add(where + ": justification is missing (required whether the control applies or not)");
            } else if (entry.justification().length() > Soa.JUSTIFICATION_MAX) {
                problems.add(where + ": justification is longer than " + Soa.JUSTIFICATION_MAX + " characters");
            }
            if (!Soa.STATUSES.contains(entry.status())) {
                problems.add(where + ": status must be one of " + String.join(", ", Soa.STATUSES));
            }
        }
        for (String id : known) {
            if (!byId.containsKey(id)) {
                problems.add("control " + id + ": is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Seed file " + PATH + " is not valid (" + problems.size() + " problem(s)):\n  "
                    + String.join("\n  ", problems));
        }
        return known.stream().map(byId::get).toList();
    }
}
