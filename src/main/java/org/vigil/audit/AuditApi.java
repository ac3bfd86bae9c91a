package org.vigil.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What {@code /api/audits} reads and takes; the audit's own rows, decrypted for those who may read them. */
public final class AuditApi {

    private AuditApi() {}

    public record AuditView(long id, String processInstanceId, String kind, int programmeYear, Integer programmeQuarter,
            String status, List<String> scope, String criteria, String leadAuditor, List<String> team, LocalDate plannedStart,
            LocalDate plannedEnd, Instant responseDue, String createdBy, Instant createdAt, Instant plannedAt, Instant closedAt) {

        boolean closed() {
            return closedAt != null;
        }
    }

    public record ChecklistEntry(long id, int position, String questionId, String area, List<String> cites, String text,
            String result, String evidenceNotes, List<String> evidenceLinks, boolean raiseAction, String recordedBy,
            Instant recordedAt) {}

    public record FindingView(long id, Long checklistItemId, String questionId, String area, String source, String kind,
            String description, String ownerGroup, boolean raiseAction, Long correctiveActionId, Long repeatOf, String status,
            Instant recordedAt, Instant closedAt) {}

    public record EvidenceView(long id, String questionId, String fileName, String contentType, long size, String sha256,
            String uploadedBy, Instant uploadedAt) {}

    public record ReportView(long id, int version, String stage, String htmlSha256, String pdfSha256, String createdBy,
            Instant createdAt) {}

    public record ResponseView(String ownerGroup, String response, String respondedBy, Instant respondedAt) {}

    public record AuditDetail(AuditView audit, List<ChecklistEntry> checklist, List<FindingView> findings,
            List<EvidenceView> evidence, List<ReportView> reports, List<ResponseView> responses,
            Map<String, Integer> findingsByKind) {}

    /** One question's edited text ({@code PUT /api/audits/{id}/checklist}): by question id. */
    public record ChecklistEdit(String questionId, String text) {}

    /** One question's result in the fieldwork. */
    public record ResultInput(String questionId, String result, String evidenceNotes, List<String> evidenceLinks, Boolean raiseAction) {}

    /** The plan, as the plan form or a caller gives it. */
    public record PlanInput(List<String> scope, String criteria, String leadAuditor, List<String> team, LocalDate plannedStart,
            LocalDate plannedEnd) {}
}
