package org.vigil.audit;

import java.util.List;

/**
 * The audit programme ({@code seeds/audit/programme.yaml}): the cycle in years, the timers planning the comprehensive
 * and focused audits (6-field cron, company zone), the areas of a focused audit, the areas every comprehensive audit
 * covers and, per programme year, the areas it covers on top of them.
 */
public record AuditProgramme(int cycleYears, String comprehensiveCycle, String focusedCycle, List<String> focusedAreas,
        List<List<String>> rotation, List<String> coreAreas) {

    public AuditProgramme {
        focusedAreas = List.copyOf(focusedAreas);
        rotation = rotation.stream().map(List::copyOf).toList();
        coreAreas = List.copyOf(coreAreas);
    }
}
