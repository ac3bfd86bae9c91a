package org.vigil.managementreview;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.vigil.platform.StateConflict;

/** Errors of the management-review API as {@code application/problem+json}, naming the field or the review at fault. */
@RestControllerAdvice(assignableTypes = ManagementReviewController.class)
// Ahead of the application-wide ApiProblems, which handles some of the same exceptions for every controller.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ManagementReviewProblems {

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badInput(IllegalArgumentException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Bad request");
        String message = e.getMessage() == null ? "" : e.getMessage();
        int colon = message.indexOf(':');
        if (colon > 0 && colon < 60) {
            problem.setProperty("field", message.substring(0, colon));
        }
        return respond(problem);
    }

    @ExceptionHandler(org.springframework.beans.TypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongType(org.springframework.beans.TypeMismatchException e) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Parameter " + name + " has the wrong type");
        problem.setTitle("Bad request");
        problem.setProperty("field", name);
        return respond(problem);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        // Jackson's own message quotes the input, so only the field is named.
        String field = e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? mapping.getPath().stream()
                        .takeWhile(ref -> ref.getFieldName() == null || ref.getFieldName().matches("[A-Za-z0-9_-]{1,64}"))
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining()).replaceFirst("^\\.", "")
                : "";
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field.isEmpty()
                ? "The request body is not valid JSON of the expected shape" : "Field " + field + " has the wrong type or format");
        problem.setTitle("Bad request");
        problem.setProperty("field", field.isEmpty() ? "body" : field);
        return respond(problem);
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<ProblemDetail> conflict(StateConflict e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        return respond(problem);
    }

    @ExceptionHandler(ReviewRefusedException.class)
    ResponseEntity<ProblemDetail> refused(ReviewRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Refused");
        return respond(problem);
    }

    @ExceptionHandler(NoSuchReviewException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchReviewException e) {
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
