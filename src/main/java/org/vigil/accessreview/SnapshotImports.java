package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewText.emptyIfNull;
import static org.vigil.accessreview.AccessReviewText.entitlementKey;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.Sha256;
import org.vigil.accessreview.AccessReviewApi.ImportResult;
import org.vigil.accessreview.Rows.SystemRow;

/**
 * Imports of entitlement snapshots and the HR roster, from the REST API, the file-drop connector and the demo
 * seeds. A campaign freezes the latest snapshot of each system, so an import is evidence: kept whole, with its checksum.
 */
@Service
public class SnapshotImports {

    private static final Logger log = LoggerFactory.getLogger(SnapshotImports.class);

    private final AccessReviewStore store;
    private final AccessRevocations revocations;
    private final Clock clock;
    private final ObjectMapper json;

    SnapshotImports(AccessReviewStore store, AccessRevocations revocations, Clock clock, ObjectMapper json) {
        this.json = json;
        this.store = store;
        this.revocations = revocations;
        this.clock = clock;
    }

    /**
     * Imports an entitlement snapshot (one snapshot per system in the file) or the HR roster. All or nothing: any bad
     * line rejects the file with every problem and its line number. An entitlement snapshot also verifies the
     * carried-out revocations of its system whose access it no longer holds.
     */
    @Transactional
    public ImportResult importSnapshot(SnapshotKind kind, String contentType, byte[] content, String source, String by) {
        var parsed = SnapshotParser.parse(kind, contentType, content, LocalDate.now(clock), json);
        Instant now = clock.instant();
        if (kind == SnapshotKind.ROSTER) {
            String checksum = Sha256.hex(parsed.roster().stream()
                    .map(r -> String.join(",", r.person(), emptyIfNull(r.manager()), r.status(), Objects.toString(r.terminatedOn(), "")))
                    .sorted().collect(Collectors.joining("\n")));
            long id = store.insertSnapshot(kind.name(), null, source, by, now, checksum, parsed.roster().size());
            store.insertRoster(id, parsed.roster());
            log.info("Roster snapshot {} imported from {}: {} people", id, source, parsed.roster().size());
            return new ImportResult(kind, List.of(id), parsed.roster().size(), List.of());
        }
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> known = store.systems().stream().map(SystemRow::id).collect(Collectors.toSet());
        for (var row : parsed.entitlements()) {
            if (!known.contains(row.system())) {
                problems.add(new ImportProblem(row.line(), "system", "is not in the register of PHI systems"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        Map<String, List<SnapshotParser.EntitlementRow>> bySystem = parsed.entitlements().stream()
                .collect(Collectors.groupingBy(SnapshotParser.EntitlementRow::system, TreeMap::new, Collectors.toList()));
        List<Long> ids = new ArrayList<>();
        List<Long> verified = new ArrayList<>();
        for (var entry : bySystem.entrySet()) {
            var rows = entry.getValue();
            String checksum = Sha256.hex(rows.stream()
                    .map(r -> String.join(",", r.account(), r.entitlement(), emptyIfNull(r.person()), emptyIfNull(r.manager()),
                            String.valueOf(r.privileged()), Objects.toString(r.lastLogin(), "")))
                    .sorted().collect(Collectors.joining("\n")));
            long id = store.insertSnapshot(kind.name(), entry.getKey(), source, by, now, checksum, rows.size());
            store.insertEntitlements(id, rows);
            ids.add(id);
            Set<String> present = rows.stream().map(r -> entitlementKey(r.account(), r.entitlement())).collect(Collectors.toSet());
            verified.addAll(revocations.verifyBySnapshot(entry.getKey(), present, id, now));
            log.info("Entitlement snapshot {} of {} imported from {}: {} rows, {} revocation(s) verified",
                    id, entry.getKey(), source, rows.size(), verified.size());
        }
        return new ImportResult(kind, ids, parsed.entitlements().size(), verified);
    }
}
