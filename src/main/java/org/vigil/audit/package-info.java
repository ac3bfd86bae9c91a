/**
 * Internal audit: the three-year audit programme and its checklists ({@code seeds/audit/}, read and checked at start by
 * {@link org.vigil.audit.AuditCatalog}: the 93 controls of ISO/IEC 27001:2022 Annex A, clauses 4-10, the mapping from
 * the 2013 numbering, a checklist per audit area with the healthcare requirements it tests), the audits planned on
 * the programme's timers or by the CISO and run through processes/internal-audit.bpmn (plan, independence check,
 * checklist, fieldwork, draft report, auditee response, final report, follow-up), their findings with evidence,
 * the versioned reports and the read-only evidence file auditors download.
 *
 * <p>Serves ISO 27001 clause 9.2 (internal audit) and, through the corrective-action capability it raises actions
 * in, clause 10.2 (nonconformity and corrective action); audits test the controls protecting patient data against
 * HIPAA 164.308(a)(1)(ii)(D) and 164.308(a)(8), HITECH and GDPR Art. 32(1)(d). Uses correctiveaction (raising and
 * following actions), breach's events (exercise reports whose gaps become findings), notification (reminders) and
 * platform (seeds, people directory, dates).
 *
 * <p>Contributes the {@code audits} input of management reviews ({@code AuditReviewInput}, through
 * {@code managementreview::spi}): audits on schedule, findings by kind, one item per audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Internal audit",
        allowedDependencies = {"correctiveaction::api", "correctiveaction::events", "breach::events", "documents::api",
                "managementreview::spi", "notification::api", "platform"})
package org.vigil.audit;
