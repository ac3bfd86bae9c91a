/**
 * Access review: the register of systems holding PHI, imported entitlement and HR-roster snapshots with their
 * risk flags, quarterly review campaigns (processes/access-review.bpmn), reviewer decisions, revocations with
 * their de-provisioning and verification (processes/access-revocation.bpmn), the campaign report, and the
 * figures the SLA dashboard reads ({@link org.vigil.accessreview.ReviewFigures#figures(long)}).
 *
 * <p>Serves ISO 27001 A.5.18 (access rights) and A.5.15/A.8.2 (privileged access), and HIPAA 164.308(a)(3)
 * (workforce clearance and termination) and 164.308(a)(4) (access authorization). Holds workforce data
 * (accounts, people's ids, entitlements), never patient data. Uses notification (e-mail through the outbox)
 * and platform (people directory, seeds).
 *
 * <p>Contributes the {@code access-reviews} input of management reviews ({@code AccessReviewReviewInput}, through
 * {@code managementreview::spi}): campaigns closed on time or late, accounts revoked, removals verified late.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access review", allowedDependencies = {"managementreview::spi", "notification::api", "platform"})
package org.vigil.accessreview;
