/**
 * Notification: e-mail to people (assignments, reminders, escalations, missed deadlines, digests) through an
 * outbox. A request is recorded in the transaction of the state change that causes it, sent after commit,
 * retried until the mail server takes it, and never sent twice for the same event key. Templates are Velocity.
 * Others use the named interface {@code api}: {@link org.vigil.notification.Notifications} and its
 * {@link org.vigil.notification.MailRequest}.
 *
 * <p>Serves ISO 27001 A.5.24-A.5.26 (incident communication) and clause 7.4 (communication).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification", allowedDependencies = {"platform"})
package org.vigil.notification;
