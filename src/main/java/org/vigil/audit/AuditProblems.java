package org.vigil.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the audit API as {@code application/problem+json}, naming the field, the audit or the rule at fault. */
@RestControllerAdvice(assignableTypes = AuditController.class)
// Ahead of the application-wide ApiProblems (which reads unreadable bodies and wrong types for every controller): the
// audit's own refusals, and the field a "field: why" refusal names.
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class AuditProblems {

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
