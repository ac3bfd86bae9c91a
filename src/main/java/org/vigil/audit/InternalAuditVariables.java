package org.vigil.audit;

import static org.vigil.platform.ProcessVariable.dateVariable;
import static org.vigil.platform.ProcessVariable.intVariable;
import static org.vigil.platform.ProcessVariable.longVariable;
import static org.vigil.platform.ProcessVariable.stringVariable;

import java.util.Date;
import org.vigil.platform.ProcessVariable;

/**
 * The variables of processes/internal-audit.bpmn, the one place that spells their names: ids, kinds, group and user
 * ids, dates and counts only. What people type (criteria, evidence notes, responses) lives encrypted in the audit's
 * tables; the forms' free-text fields are removed from the process once stored.
 * Public for the tests of other packages, which name the public constants; no other module may depend on this one.
 */
public final class InternalAuditVariables {

    private InternalAuditVariables() {}

    // The start: the programme's timers set the kind; the CISO's start also who asked and, for an ad-hoc audit, its areas.
    public static final ProcessVariable<String> STARTED_BY = stringVariable("startedBy");
    public static final ProcessVariable<String> AUDIT_KIND = stringVariable("auditKind");
    static final ProcessVariable<String> AUDIT_AREAS = stringVariable("auditAreas");
    /** The focused-audit-schedule instance that started this audit: a re-run of its job starts no second audit. */
    static final ProcessVariable<String> SCHEDULED_BY = stringVariable("scheduledBy");

    // The opened audit.
    public static final ProcessVariable<Long> AUDIT_ID = longVariable("auditId");

    // The plan form (forms/audit-plan.form).
    static final ProcessVariable<String> SCOPE = stringVariable("scope");
    static final ProcessVariable<String> CRITERIA = stringVariable("criteria");
    static final ProcessVariable<String> LEAD_AUDITOR = stringVariable("leadAuditor");
    static final ProcessVariable<String> TEAM = stringVariable("team");
    static final ProcessVariable<String> PLANNED_START = stringVariable("plannedStart");
    static final ProcessVariable<String> PLANNED_END = stringVariable("plannedEnd");
    /** Local to the plan task: the areas in scope with their owner groups, which the form shows as a table. */
    static final String SCOPE_AREAS = "scopeAreas";

    /** Local to the checklist task: a row per question (id, area, citations, editable text), a dynamic list. */
    static final String CHECKLIST_ITEMS = "checklistItems";
    /**
     * Local to the fieldwork task: a row per question with its result, evidence notes and links. Named {@code phi*}:
     * the notes may quote a record naming a patient, so the history never records the variable (platform's
     * TransientFormFieldHistoryFilter) and the listener removes it once the notes are stored encrypted.
     */
    static final String FIELDWORK_ITEMS = "phiFieldworkItems";

    // After the fieldwork and the draft report.
    public static final ProcessVariable<Integer> FINDING_COUNT = intVariable("findingCount");
    static final ProcessVariable<Date> RESPONSE_DUE_AT = dateVariable("responseDueAt");
    static final ProcessVariable<Date> RESPONSE_REMIND_AT = dateVariable("responseRemindAt");
    /** One auditee group's response (the multi-instance element). */
    static final ProcessVariable<String> AUDITEE_GROUP = stringVariable("auditeeGroup");
    /** Local to a response task: the group's findings, a table. */
    static final String GROUP_FINDINGS = "groupFindings";
    /** The auditee's response, free text: {@code phi*}, kept out of the history, stored encrypted and removed. */
    static final ProcessVariable<String> RESPONSE = stringVariable("phiResponse");

    // The final report and the follow-up.
    /** Local to the finalize task: every finding with the auditees' responses, a table. */
    static final String REPORT_FINDINGS = "reportFindings";
    static final ProcessVariable<Boolean> REPORT_APPROVED = org.vigil.platform.ProcessVariable.booleanVariable("reportApproved");
    public static final ProcessVariable<Integer> OPEN_FINDINGS = intVariable("openFindings");
}
