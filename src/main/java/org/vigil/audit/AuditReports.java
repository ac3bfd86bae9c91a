package org.vigil.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditApi.ReportView;
import org.vigil.audit.events.AuditReported;
import org.vigil.platform.Sha256;

/**
 * The audit report's versions: the draft after the fieldwork, the final after the auditees' responses, each HTML and
 * PDF with their SHA-256, never changed once written. Safe to re-run: a stage is rendered once per audit.
 */
@Service
class AuditReports {

    private final AuditStore store;
    private final Audits audits;
    private final AuditCatalog catalog;
    private final AuditReportRenderer renderer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AuditReports(AuditStore store, Audits audits, AuditCatalog catalog, AuditReportRenderer renderer, ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.store = store;
        this.audits = audits;
        this.catalog = catalog;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** Renders the report of {@code stage} (draft or final) as the next version, unless that stage has one. Returns its version. */
    @Transactional
    int render(long auditId, String stage, String by) {
        audits.openAudit(auditId);
        var reports = store.reports(auditId);
        var existing = reports.stream().filter(r -> r.stage().equals(stage)).findFirst();
        if (existing.isPresent()) {
            return existing.get().version();
        }
        int version = reports.stream().mapToInt(ReportView::version).max().orElse(0) + 1;
        Map<String, AuditArea> areas = new LinkedHashMap<>();
        catalog.areas().forEach(area -> areas.put(area.id(), area));
        var detail = audits.detail(auditId);
        String html = renderer.html(detail, version, stage, areas);
        byte[] pdf = renderer.pdf(html);
        store.insertReport(auditId, version, stage, html, pdf, Sha256.hex(html), Sha256.hex(pdf), by, clock.instant());
        if (stage.equals("final")) {
            events.publishEvent(new AuditReported(auditId, detail.audit().kind(), detail.audit().plannedEnd(), clock.instant()));
        }
        return version;
    }

    String html(long auditId, int version) {
        return store.reportHtml(auditId, version);
    }

    byte[] pdf(long auditId, int version) {
        return store.reportPdf(auditId, version);
    }
}
