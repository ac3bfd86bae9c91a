package org.vigil.audit;

import java.util.List;

/**
 * A checklist question: what the auditor asks, the clauses or Annex A controls it tests ({@code "9.2"},
 * {@code "A.5.15"}), the evidence to look at and the healthcare requirements it also tests
 * ({@code "HIPAA 164.308(a)(4)"}, may be empty).
 */
public record ChecklistQuestion(String id /* "AM-01" */, String area, List<String> cites, String text, String guidance,
        List<String> healthcare) {

    public ChecklistQuestion {
        cites = List.copyOf(cites);
        healthcare = healthcare == null ? List.of() : List.copyOf(healthcare);
    }
}
