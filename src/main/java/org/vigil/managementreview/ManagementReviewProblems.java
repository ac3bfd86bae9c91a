package org.vigil.managementreview;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The management-review API's own refusals as {@code application/problem+json}; bad input, unreadable bodies and a
 * signed-off review's conflicts are the application-wide {@code ApiProblems}'.
 */
@RestControllerAdvice(assignableTypes = ManagementReviewController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ManagementReviewProblems {

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
