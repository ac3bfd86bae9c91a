package org.vigil.managementreview;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.vigil.platform.Actors;

/**
 * What the management-review task listeners share: a bad input becomes the engine's {@link BadUserRequestException},
 * which Tasklist shows on the form and the engine REST API answers with a 400 naming the field; a signed-off review a
 * 409 ({@link ReviewSignedOffException}); someone other than the one the step is for a 403; never a 500.
 */
abstract class ReviewTaskListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        try {
            act(task);
        } catch (IllegalArgumentException | NoSuchReviewException e) {
            throw new BadUserRequestException(e.getMessage());
        } catch (ReviewRefusedException e) {
            // Who acts is refused (not the chair): 403 from the engine REST API and in Tasklist, as the engine's own.
            throw new org.camunda.bpm.engine.AuthorizationException(e.getMessage());
        }
    }

    abstract void act(DelegateTask task);

    static String actingUser(DelegateTask task) {
        return Actors.of(task);
    }

    static List<String> list(String value) {
        return value == null ? List.of() : Arrays.stream(value.split("[,;\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A day from a form's date field (an ISO date, or a date-time whose day counts) or a {@link Date}. */
    static java.time.LocalDate day(Object value, String field, java.time.ZoneId zone) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        if (value instanceof Date date) {
            return date.toInstant().atZone(zone).toLocalDate();
        }
        String text = value.toString().strip();
        try {
            return java.time.LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(field + ": must be a date (YYYY-MM-DD)");
        }
    }

    static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
