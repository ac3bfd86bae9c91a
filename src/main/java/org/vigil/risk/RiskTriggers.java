package org.vigil.risk;

import java.util.List;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.vigil.accessreview.events.PhiSystemRegistered;
import org.vigil.breach.events.AgreementChanged;
import org.vigil.breach.events.IncidentClosed;
import org.vigil.regulation.events.CatalogVersionChanged;

/**
 * The significant changes that make an assessment due (ISO 27001 8.2: "when significant changes are proposed or
 * occur"), each recorded as the assessment's trigger, once: after commit, retried from the event publication registry,
 * and a redelivered event finds the assessment it started. The access-review register is mirrored here too.
 */
@Component
class RiskTriggers {

    static final String PHI_SYSTEM_ADDED = "phi-system-added";
    static final String CLASSIFICATION_RAISED = "classification-raised";
    static final String BREACH_CLOSED = "breach-closed";
    static final String CATALOG_VERSION = "catalog-version";
    static final String AGREEMENT_CHANGED = "agreement-changed";
    /** Severities of a closed breach that call for a new assessment. */
    static final Set<String> SIGNIFICANT_SEVERITIES = Set.of("high", "critical");
    /** The register's classifications from least to most sensitive: a move to the right is a raise. */
    static final List<String> SENSITIVITY = List.of("other", "phi-limited", "phi-restricted");

    private final RiskRegister register;
    private final RiskAssessments assessments;

    RiskTriggers(RiskRegister register, RiskAssessments assessments) {
        this.register = register;
        this.assessments = assessments;
    }

    /**
     * A system of the access-review register: mirrored as an asset; a new one (not the seeds' initial register) or one
     * whose classification was raised is assessed on its own, without the scope step.
     */
    @ApplicationModuleListener
    void on(PhiSystemRegistered event) {
        register.mirror(event.systemId(), event.name(), event.ownerId(), event.classification());
        if (event.seeded()) {
            return;
        }
        if (event.previousClassification() == null) {
            assessments.startTriggered(PHI_SYSTEM_ADDED, event.systemId(), List.of(event.systemId()));
        } else if (SENSITIVITY.indexOf(event.classification()) > SENSITIVITY.indexOf(event.previousClassification())) {
            assessments.startTriggered(CLASSIFICATION_RAISED, event.systemId() + ":" + event.previousClassification() + ">"
                    + event.classification() + ":" + event.at().toEpochMilli(), List.of(event.systemId()));
        }
    }

    /** A real breach closed at high or critical severity: the PHI assets, scoped by the CISO. An exercise starts nothing. */
    @ApplicationModuleListener
    void on(IncidentClosed event) {
        if (event.exercise() || event.severity() == null || !SIGNIFICANT_SEVERITIES.contains(event.severity())) {
            return;
        }
        assessments.startTriggered(BREACH_CLOSED, "incident:" + event.incidentId(), List.of());
    }

    /** A new version of the regulatory catalog: the PHI assets, scoped by the CISO. */
    @ApplicationModuleListener
    void on(CatalogVersionChanged event) {
        assessments.startTriggered(CATALOG_VERSION, event.version(), List.of());
    }

    /** An agreement added or changed: the PHI assets, scoped by the CISO. */
    @ApplicationModuleListener
    void on(AgreementChanged event) {
        assessments.startTriggered(AGREEMENT_CHANGED, event.agreementId() + ":" + event.fingerprint().substring(0, 16), List.of());
    }
}
