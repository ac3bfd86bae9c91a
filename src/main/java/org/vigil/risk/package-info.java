/**
 * Risk assessment and treatment (ISO 27001 6.1.2, 6.1.3, 8.2, 8.3; HIPAA 164.308(a)(1)(ii)(A)-(B)): the register of
 * assets (the PHI systems of the access-review register and others the CISO adds) and their risks, rated on the
 * criteria of {@code seeds/risk/criteria.yaml} against the healthcare threat catalogue of {@code seeds/risk/threats.yaml};
 * the assessments run through processes/risk-assessment.bpmn on a yearly and a quarterly timer, by hand, and on the
 * events that make one due (a PHI system added or its classification raised, a breach closed at high or critical
 * severity, a new version of the regulatory catalog, an agreement added or changed); treatment actions run as
 * corrective/improvement actions; the owner's acceptance of a residual risk above the threshold; the Statement of
 * Applicability, versioned at each assessment's sign-off.
 *
 * <p>Contributes the {@code risk} input of management reviews through {@code managementreview::spi}; offers its figures
 * and heat map ({@link org.vigil.risk.RiskFigures}, named interface {@code api}) to the SLA dashboard; reads the 93
 * Annex A controls from the audit catalogue ({@code audit::catalog}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Risk",
        allowedDependencies = {"audit::catalog", "correctiveaction::api", "correctiveaction::events", "breach::events", "accessreview::events", "regulation::events",
                "documents::api", "managementreview::spi", "notification::api", "platform"})
package org.vigil.risk;
