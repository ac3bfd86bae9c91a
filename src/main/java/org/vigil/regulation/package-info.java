/**
 * Regulation: which breach notifications are due, to whom, by when and on what legal basis.
 *
 * <p>Owns the jurisdiction rule catalog ({@code seeds/regulation/breach-notification-rules.yaml}, loaded and
 * validated at start), the deadline arithmetic of RULES.md C1-C12 (calendar days, business days, elapsed hours,
 * months, annual logs, relative deadlines, law-enforcement holds) and the notification plan served by
 * {@code POST /api/notification-plans}. It serves HIPAA 45 CFR 164.400-414 (breach notification) and 164.530(j)
 * (the plan is evidence for the 164.414(b) burden of proof), the FTC Health Breach Notification Rule (16 CFR 318),
 * GDPR and UK GDPR Arts 33-34, NIS2 Art. 23, PIPEDA, the Australian NDB scheme and fourteen US state laws, and
 * ISO 27001 Annex A 5.24-5.26 and 5.31 (incident response, legal and regulatory requirements).
 *
 * <p>Pure Java: no Camunda and no JPA types. Other capabilities may use only the named interface {@code api}: the facade
 * {@link org.vigil.regulation.NotificationPlans}, its request and response records and the refusal of a request
 * ({@link org.vigil.regulation.InvalidPlanRequestException}); the architecture test refuses anything else.
 * Plans are pure functions of the request: nothing here reads the system clock.
 * The catalog's version and rules are also an input of management reviews ({@code CatalogReviewInput}, through
 * {@code managementreview::spi}), read through the injected clock's instant only to say when.
 *
 * <p>Not legal advice: every rule carries its citation and the confidence tag of RULES.md for counsel to review.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regulation", allowedDependencies = {"managementreview::spi"})
package org.vigil.regulation;
