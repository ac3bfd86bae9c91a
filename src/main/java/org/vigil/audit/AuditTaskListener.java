package org.vigil.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.vigil.platform.Actors;
import org.vigil.platform.StateConflict;

/**
 * What the internal-audit task listeners share: who acts on a task, and how a refusal reaches the person. A bad input
 * or a refusal of the audit's rules (the independence check among them) becomes the engine's
 * {@link BadUserRequestException}, which Tasklist shows on the form and the engine REST API answers with a 400 naming
 * the field; a closed audit a 409; never a 500.
 */
abstract class AuditTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        try {
            act(task);
        } catch (IllegalArgumentException | NoSuchAuditException e) {
            throw new BadUserRequestException(e.getMessage());
        } catch (AuditRefusedException e) {
            if (e.kind() == AuditRefusedException.Kind.FORBIDDEN) {
                throw new AuthorizationException(e.getMessage());
            }
            throw new BadUserRequestException(e.getMessage());
        } catch (AuditClosedException e) {
            throw new StateConflict("Audit closed", e.getMessage(), Map.of("auditId", e.auditId()));
        }
    }

    abstract void act(DelegateTask task);

    static boolean creating(DelegateTask task) {
        return EVENTNAME_CREATE.equals(task.getEventName());
    }

    static String actingUser(DelegateTask task) {
        return Actors.of(task);
    }

    /** A list typed into one field: comma-, semicolon- or line-separated. */
    static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,;\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A day from a form's date field (an ISO date, or a date-time whose day counts) or a {@link Date}. */
    static LocalDate day(Object value, String field, ZoneId zone) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(field + ": must be a date (YYYY-MM-DD)");
        }
    }

    static String string(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null ? null : value.toString();
    }
}
