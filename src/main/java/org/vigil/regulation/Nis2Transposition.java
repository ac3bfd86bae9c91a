package org.vigil.regulation;

import org.vigil.regulation.Rule.Confidence;

import java.time.LocalDate;

/**
 * A member state's national law transposing NIS2 (Directive (EU) 2022/2555), as {@code seeds/regulation/eu/
 * nis2-transpositions.yaml} writes it: the NIS2 duties of an entity in that state cite it, and a national period
 * shorter than the Directive's replaces it ({@code earlyWarningHours}). Member states without one keep the Directive.
 */
record Nis2Transposition(
        String jurisdiction,
        String law,
        String authority,
        LocalDate inForceFrom,
        String earlyWarningBasis,
        String notificationBasis,
        String finalReportBasis,
        boolean periodsAsDirective,
        Integer earlyWarningHours,
        Confidence confidence,
        String note) {

    /** The stage of Art. 23(4) a catalog rule stands for. */
    enum Stage {
        EARLY_WARNING, NOTIFICATION, FINAL_REPORT
    }

    String basis(Stage stage) {
        return switch (stage) {
            case EARLY_WARNING -> earlyWarningBasis;
            case NOTIFICATION -> notificationBasis;
            case FINAL_REPORT -> finalReportBasis;
        };
    }
}
