package org.vigil.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The audit API's own refusals as {@code application/problem+json}, naming the audit or the rule at fault; bad input
 * and unreadable bodies are the application-wide {@code ApiProblems}'.
 */
@RestControllerAdvice(assignableTypes = AuditController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

    @ExceptionHandler(AuditClosedException.class)
    ResponseEntity<ProblemDetail> closed(AuditClosedException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Audit closed");
        problem.setProperty("auditId", e.auditId());
        return respond(problem);
    }

    @ExceptionHandler(AuditRefusedException.class)
    ResponseEntity<ProblemDetail> refused(AuditRefusedException e) {
        var status = e.kind() == AuditRefusedException.Kind.FORBIDDEN ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        var problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Refused");
        return respond(problem);
    }

    @ExceptionHandler(NoSuchAuditException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchAuditException e) {
        return respond(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
