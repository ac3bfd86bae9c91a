package org.vigil.breach;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A fact refused by {@link FactChecks} answers 400 with a problem body naming the field, as Bean Validation's refusals
 * do (the platform's advice would answer it without the field). Scoped to the breach controllers.
 */
@RestControllerAdvice(assignableTypes = {IncidentController.class, NoticeController.class, EvidenceController.class,
        DispatchCorrectionController.class, ExerciseController.class})
// Ahead of the application-wide advice, which would otherwise take it as any IllegalArgumentException.
@Order(Ordered.HIGHEST_PRECEDENCE)
class BreachProblems {

    @ExceptionHandler(InvalidFactException.class)
    ProblemDetail invalidFact(InvalidFactException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("field", e.field());
        return problem;
    }
}
