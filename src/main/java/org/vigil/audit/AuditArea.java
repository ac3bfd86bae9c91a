package org.vigil.audit;

import java.util.List;

/**
 * An audit area of the programme ({@code seeds/audit/checklists/<id>.yaml}): the group audited (the auditee, who may
 * not audit it), the clauses and Annex A controls it covers and its checklist.
 */
public record AuditArea(String id, String name, String ownerGroup /* auditee group, e.g. it-operations */, List<String> cites,
        List<ChecklistQuestion> questions) {

    public AuditArea {
        cites = List.copyOf(cites);
        questions = List.copyOf(questions);
    }
}
