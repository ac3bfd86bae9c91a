package org.vigil.risk;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.vigil.audit.AnnexAControl;
import org.vigil.audit.AuditCatalog;
import org.vigil.platform.Sha256;
import org.vigil.risk.events.RiskAssessmentSignedOff;

/**
 * The Statement of Applicability (ISO 27001 6.1.3 d): the 93 controls of Annex A as the CISO keeps them, with the
 * register's risks each treats, and the versions frozen at each assessment's sign-off with their document. Who may
 * read and who may change are checked here, so the API and the page refuse alike.
 */
@Service
class StatementOfApplicability {

    private static final Logger log = LoggerFactory.getLogger(StatementOfApplicability.class);

    static final Set<String> READERS = Set.of("ciso", "managers", "auditors", "camunda-admin");
    static final String EDITOR = "ciso";

    private final SoaStore store;
    private final AuditCatalog catalog;
    private final SoaDocuments documents;
    private final RiskFigures figures;
    private final Clock clock;

    StatementOfApplicability(SoaStore store, AuditCatalog catalog, SoaDocuments documents, RiskFigures figures, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.documents = documents;
        this.figures = figures;
        this.clock = clock;
    }

    static void requireReader(Set<String> groups) {
        if (groups.stream().noneMatch(READERS::contains)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only members of " + String.join(", ", new TreeSet<>(READERS)) + " may read the Statement of Applicability");
        }
    }

    @Transactional(readOnly = true)
    Soa.Current current() {
        var controls = controls(store.current());
        long applicable = controls.stream().filter(Soa.Control::applicable).count();
        return new Soa.Current(controls, applicable, controls.size() - applicable, clock.instant());
    }

    /** The CISO's change of one control; every field required, the justification either way. */
    @Transactional
    Soa.Control edit(String controlId, Soa.Edit edit, String by, Set<String> groups) {
        if (!groups.contains(EDITOR)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the CISO (group ciso) may change the Statement of Applicability");
        }
        String id = control(controlId).id();
        if (edit == null) {
            throw new IllegalArgumentException("body: applicable, justification and status are required");
        }
        if (edit.applicable() == null) {
            throw new IllegalArgumentException("applicable: is required (true or false)");
        }
        if (edit.justification() == null || edit.justification().isBlank()) {
            throw new IllegalArgumentException("justification: is required, whether the control applies or not");
        }
        String justification = edit.justification().strip();
        if (justification.length() > Soa.JUSTIFICATION_MAX) {
            throw new IllegalArgumentException("justification: must be at most " + Soa.JUSTIFICATION_MAX + " characters");
        }
        if (edit.status() == null || !Soa.STATUSES.contains(edit.status())) {
            throw new IllegalArgumentException("status: must be one of " + String.join(", ", Soa.STATUSES));
        }
        store.update(id, edit.applicable(), justification, edit.status(), by, clock.instant());
        return controls(store.current()).stream().filter(c -> c.controlId().equals(id)).findFirst().orElseThrow();
    }

    /**
     * At an assessment's sign-off: all 93 controls with the risks each treats, frozen as the next version with its
     * document. Once per assessment: a second delivery of the event finds the version and returns it.
     */
    @Transactional
    int versionAt(RiskAssessmentSignedOff signedOff) {
        // Two sign-offs at once would take the same number: one versioning at a time, reading what the last committed.
        store.lockVersioning();
        var existing = store.versionOf(signedOff.assessmentId());
        if (existing.isPresent()) {
            return existing.get();
        }
        var controls = controls(store.current());
        long applicable = controls.stream().filter(Soa.Control::applicable).count();
        int number = store.nextVersion();
        Instant now = clock.instant();
        var draft = new Soa.Version(number, signedOff.assessmentId(), signedOff.kind(), signedOff.triggerType(), signedOff.signedOffAt(),
                signedOff.signedOffBy(), now, applicable, controls.size() - applicable, null);
        String html = documents.html(draft, controls, figures.heatMap(signedOff.signedOffAt()));
        byte[] pdf = documents.pdf(html);
        var version = new Soa.Version(number, draft.assessmentId(), draft.assessmentKind(), draft.triggerType(), draft.signedOffAt(),
                draft.signedOffBy(), now, applicable, draft.notApplicable(), Sha256.hex(pdf));
        List<SoaStore.Row> rows = controls.stream().map(c -> new SoaStore.Row(c.controlId(), c.applicable(), c.justification(), c.status(),
                c.riskIds(), c.changedBy(), c.changedAt())).toList();
        store.insertVersion(version, html, pdf, rows);
        log.info("Statement of Applicability version {} frozen at the sign-off of risk assessment {}", number, signedOff.assessmentId());
        return number;
    }

    @Transactional(readOnly = true)
    List<Soa.Version> versions() {
        return store.versions();
    }

    @Transactional(readOnly = true)
    Soa.VersionDetail version(int number) {
        var version = store.version(number).orElseThrow(StatementOfApplicability::noSuchVersion);
        return new Soa.VersionDetail(version, controls(store.versionControls(number)));
    }

    @Transactional(readOnly = true)
    String versionHtml(int number) {
        return store.html(number).orElseThrow(StatementOfApplicability::noSuchVersion);
    }

    @Transactional(readOnly = true)
    byte[] versionPdf(int number) {
        return store.pdf(number).orElseThrow(StatementOfApplicability::noSuchVersion);
    }

    /** The current statement as a document, not a version: for reading, not for evidence. */
    @Transactional(readOnly = true)
    String currentHtml() {
        var controls = controls(store.current());
        return documents.html(null, controls, figures.heatMap(clock.instant()));
    }

    byte[] pdfOf(String html) {
        return documents.pdf(html);
    }

    private AnnexAControl control(String controlId) {
        return catalog.control(SoaStore.normalised(controlId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such control of ISO/IEC 27001:2022 Annex A"));
    }

    /** In the catalogue's order, each with its theme and title; a control without a row yet (before the seed ran) is left out. */
    private List<Soa.Control> controls(Map<String, SoaStore.Row> rows) {
        List<Soa.Control> controls = new ArrayList<>();
        for (AnnexAControl control : catalog.controls()) {
            var row = rows.get(control.id());
            if (row != null) {
                controls.add(new Soa.Control(control.id(), control.theme(), control.title(), row.applicable(), row.justification(), row.status(),
                        row.riskIds(), row.changedBy(), row.changedAt()));
            }
        }
        return List.copyOf(controls);
    }

    private static ResponseStatusException noSuchVersion() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such version of the Statement of Applicability");
    }
}
