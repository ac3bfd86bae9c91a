package org.vigil.regulation;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.stream.Collectors;

/**
 * 400 answers of the notification-plan API as {@code application/problem+json} naming the field. Scoped to
 * {@link NotificationPlanController} so it cannot change other modules' errors; never echoes a stack trace.
 */
@RestControllerAdvice(assignableTypes = NotificationPlanController.class)
// Ahead of any application-wide advice, which would otherwise answer for this controller too; it reaches no other.
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotificationPlanProblems {

    @ExceptionHandler(InvalidPlanRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidPlanRequestException e) {
        return badRequest(e.field(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            // The rejected value is never echoed: it may be long, and it may be patient data.
            String detail = mapping instanceof InvalidFormatException invalid
                    ? field + " is not a valid " + expected(invalid.getTargetType())
                    : mapping instanceof MismatchedInputException mismatched
                    ? field + " has the wrong type; expected " + expected(mismatched.getTargetType())
                    : field + " is malformed";
            return badRequest(field, detail);
        }
        return badRequest("body", "the request body is missing or is not well-formed JSON");
    }

    private static String path(JsonMappingException e) {
        // A map key is the caller's text: a path stops before one that is no plain name, rather than echo it.
        return e.getPath().stream()
                .takeWhile(ref -> ref.getFieldName() == null || ref.getFieldName().matches("[A-Za-z0-9_-]{1,64}"))
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value; allowed: " + java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> enumName((Enum<?>) c)).collect(Collectors.joining(", "));
        }
        return switch (type.getSimpleName()) {
            case "OffsetDateTime" -> "ISO-8601 timestamp with offset, e.g. 2026-03-02T10:15:00-06:00";
            case "LocalDate" -> "ISO-8601 date, e.g. 2026-04-01";
            case "Integer", "int" -> "integer";
            case "Boolean", "boolean" -> "boolean";
            default -> type.getSimpleName();
        };
    }

    private static String enumName(Enum<?> constant) {
        try {
            var annotation = constant.getDeclaringClass().getField(constant.name())
                    .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
            return annotation != null ? annotation.value() : constant.name();
        } catch (NoSuchFieldException e) {
            return constant.name();
        }
    }

    private static ResponseEntity<ProblemDetail> badRequest(String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid notification-plan request");
        problem.setProperty("field", field);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
