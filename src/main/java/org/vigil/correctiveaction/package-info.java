/**
 * Corrective action (CAPA): one process for every source of a nonconformity (an internal audit's finding, a breach's
 * post-incident review, a breach-response exercise's gap, a management-review decision, a risk treatment):
 * immediate correction, root cause, similar cases elsewhere, an action plan with its owner and a due date from the
 * severity policy, implementation with evidence, and an effectiveness check by someone other than the owner after a
 * waiting period, which closes the action or reopens it (processes/corrective-action.bpmn).
 *
 * <p>Others raise and read actions through the named interface {@code api} ({@link
 * org.vigil.correctiveaction.CorrectiveActions}) and hear of them through {@code events}. It depends on none of its
 * sources. Serves ISO 27001 clause 10.2 (nonconformity and corrective action) and 10.1 (continual improvement).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Corrective action", allowedDependencies = {"notification::api", "platform"})
package org.vigil.correctiveaction;
