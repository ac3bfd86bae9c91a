package org.vigil.risk;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The risk API's own refusals as {@code application/problem+json}; bad input and conflicts are the platform's ApiProblems'. */
@RestControllerAdvice(assignableTypes = RiskController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class RiskProblems {

    @ExceptionHandler(RiskRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RiskRefusedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Refused");
        return respond(problem);
    }

    @ExceptionHandler(NoSuchRiskRecordException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchRiskRecordException e) {
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
