package org.vigil.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.audit.AuditApi.AuditDetail;
import org.vigil.correctiveaction.CorrectiveActions;
import org.vigil.platform.Sha256;

/**
 * A closed audit's file for certification auditors, as one ZIP: the programme's excerpt, the plan, the checklist with
 * its results, the evidence list and files, every report version (HTML and PDF), the findings with their corrective
 * actions through to closure, the auditees' responses, and an index ({@code index.txt}, {@code index.json}) with the
 * SHA-256 of every other file. Only once closed, when nothing of it changes any more.
 */
@Component
class AuditEvidencePack {

    private final Audits audits;
    private final AuditReports reports;
    private final AuditCatalog catalog;
    private final CorrectiveActions actions;
    private final ObjectMapper json;

    AuditEvidencePack(Audits audits, AuditReports reports, AuditCatalog catalog, CorrectiveActions actions, ObjectMapper json) {
        this.audits = audits;
        this.reports = reports;
        this.catalog = catalog;
        this.actions = actions;
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
    }

    record IndexEntry(String path, long size, String sha256) {}

    @Transactional(readOnly = true)
    byte[] zip(long auditId) {
        AuditDetail detail = audits.detail(auditId);
        if (detail.audit().closedAt() == null) {
            throw new AuditRefusedException(AuditRefusedException.Kind.CONFLICT, "Audit " + auditId
                    + " is not closed: its evidence file is complete, and downloadable, once every finding is closed");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Object> programme = new LinkedHashMap<>();
        programme.put("programme", catalog.programme());
        programme.put("areasInScope", detail.audit().scope().stream().map(catalog::area).flatMap(java.util.Optional::stream)
                .map(area -> Map.of("id", area.id(), "name", area.name(), "ownerGroup", area.ownerGroup(), "cites", area.cites()))
                .toList());
        files.put("programme.json", write(programme));
        files.put("plan.json", write(detail.audit()));
        files.put("checklist.json", write(detail.checklist()));
        files.put("evidence/list.json", write(detail.evidence()));
        for (var evidence : detail.evidence()) {
            files.put("evidence/" + evidence.id() + "-" + safe(evidence.fileName()), audits.evidenceContent(auditId, evidence.id()));
        }
        for (var report : detail.reports()) {
            String base = "reports/report-v" + report.version() + "-" + report.stage();
            files.put(base + ".html", reports.html(auditId, report.version()).getBytes(StandardCharsets.UTF_8));
            files.put(base + ".pdf", reports.pdf(auditId, report.version()));
        }
        List<Map<String, Object>> findings = new ArrayList<>();
        for (var finding : detail.findings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("finding", finding);
            entry.put("correctiveAction", finding.correctiveActionId() == null ? null : actions.summary(finding.correctiveActionId()).orElse(null));
            findings.add(entry);
        }
        files.put("findings.json", write(findings));
        files.put("responses.json", write(detail.responses()));

        List<IndexEntry> index = files.entrySet().stream()
                .map(file -> new IndexEntry(file.getKey(), file.getValue().length, Sha256.hex(file.getValue()))).toList();
        var text = new StringBuilder("Internal audit " + auditId + ": evidence file. SHA-256 of every file in this archive.\n\n");
        index.forEach(entry -> text.append(entry.sha256()).append("  ").append(entry.path()).append('\n'));
        files.put("index.txt", text.toString().getBytes(StandardCharsets.UTF_8));
        files.put("index.json", write(Map.of("auditId", auditId, "closedAt", detail.audit().closedAt().toString(), "files", index)));

        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry("audit-" + auditId + "/" + file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String safe(String name) {
        String cleaned = name == null ? "file" : name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        return cleaned.length() > 100 ? cleaned.substring(cleaned.length() - 100) : cleaned;
    }
}
