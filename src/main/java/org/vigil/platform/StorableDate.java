package org.vigil.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * A date Vigil can store and compute from. MariaDB's DATETIME holds the years 1000 to 9999, but such a date also
 * starts deadlines (days to years later) and Camunda's timers, so the edge takes a range no real incident leaves:
 * {@link #EARLIEST} to {@link #LATEST}. Null is valid (use {@code @NotNull} where a date is required).
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = StorableDate.Validator.class)
public @interface StorableDate {

    Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

    String message() default "must lie between 1900-01-01 and 2999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Reads an {@link OffsetDateTime}, {@link ZonedDateTime}, {@link Instant} or {@link LocalDate} (taken at UTC). */
    class Validator implements ConstraintValidator<StorableDate, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            Instant instant;
            if (value == null) {
                return true;
            } else if (value instanceof OffsetDateTime dateTime) {
                instant = dateTime.toInstant();
            } else if (value instanceof ZonedDateTime dateTime) {
                instant = dateTime.toInstant();
            } else if (value instanceof Instant at) {
                instant = at;
            } else if (value instanceof LocalDate date) {
                instant = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                throw new IllegalArgumentException("@StorableDate does not apply to " + value.getClass().getSimpleName());
            }
            return (!instant.isBefore(EARLIEST) && !instant.isAfter(LATEST));
        }
    }
}
