/**
 * Management review (ISO 27001 clause 9.3): the quarterly management review, the monthly security review and the
 * annual ISMS review (processes/management-review.bpmn), their input pack assembled from the other capabilities and
 * frozen when the meeting is held, the people's own inputs, attendees, minutes and decisions (each an action of the
 * corrective-action capability), the chair's sign-off that locks the record, and the document (HTML, PDF).
 *
 * <p>The capabilities contribute their inputs through the named interface {@code spi} ({@link
 * org.vigil.managementreview.spi.ReviewInputSource}); this capability depends on none of them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Management review", allowedDependencies = {"correctiveaction::api", "documents::api", "notification::api", "platform"})
package org.vigil.managementreview;
