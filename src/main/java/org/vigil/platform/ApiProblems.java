package org.vigil.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal of Spring MVC (Vigil's API, the pages' endpoints, a path or method that does not exist, a wrong
 * content type, a body too large) answers with an {@code application/problem+json} body that names the field or
 * the limit, never with a stack trace. The rejected value is never echoed, since it may be patient data.
 *
 * <p>Not limited to Vigil's controllers: refusals raised before a handler is found (an unknown path, a wrong
 * content type, a multipart body over the limit) reach only an advice without selectors. Modules' own advices
 * ({@code NotificationPlanProblems}, {@code AccessReviewProblems}) come first for their controllers.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(error -> errors.putIfAbsent(field(error), error.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.putIfAbsent(error.getObjectName(), error.getDefaultMessage()));
        // The detail names the first few; every field is in "errors".
        String detail = errors.entrySet().stream().limit(5).map(entry -> entry.getKey() + " " + entry.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
        var problem = invalid("Invalid " + detail + (errors.size() > 5 ? "; and " + (errors.size() - 5) + " more" : ""),
                errors.keySet().stream().findFirst().orElse(null));
        problem.setProperty("errors", errors);
        return problem(problem, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var exceeded = RequestBodyLimitFilter.exceeded(e);
        if (exceeded != null) {
            return problem(RequestBodyLimitFilter.tooLarge(exceeded), headers);
        }
        String field = e.getCause() instanceof JsonMappingException mapping ? path(mapping) : null;
        String why = e.getCause() instanceof InvalidFormatException format ? "has the wrong format (expected " + expected(format.getTargetType()) + ")"
                : e.getCause() instanceof MismatchedInputException mismatch ? "has the wrong type (expected " + expected(mismatch.getTargetType()) + ")"
                : "cannot be read";
        return problem(invalid(field == null ? "The request body is missing or is not valid JSON" : "Field " + field + " " + why,
                field == null ? "body" : field), headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().stream().map(MessageSourceResolvable::getDefaultMessage).findFirst()
                    .ifPresent(message -> errors.putIfAbsent(name == null ? "parameter" : name, message));
        });
        var problem = invalid("Invalid " + String.join(", ", errors.keySet()), errors.keySet().stream().findFirst().orElse(null));
        problem.setProperty("errors", errors);
        return problem(problem, headers);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        String name = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        return problem(invalid("Parameter " + name + " has the wrong type (expected " + expected(e.getRequiredType()) + ")", name), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(invalid("Parameter " + e.getParameterName() + " is required", e.getParameterName()), headers);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return problem(invalid("Part " + e.getRequestPartName() + " is required", e.getRequestPartName()), headers);
    }

    /** A refusal without a reason ({@code ResponseStatusException(NOT_FOUND)}) still says what it is. */
    @Override
    protected ResponseEntity<Object> handleErrorResponseException(ErrorResponseException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if ((status.value() == 403 || status.value() == 404) && pageShown(request, status)) {
            return null;
        }
        var problem = e.getBody();
        if (problem.getDetail() == null) {
            var known = HttpStatus.resolve(status.value());
            problem.setDetail(known == null ? "Refused" : known.getReasonPhrase());
        }
        return problem(problem, headers);
    }

    /** The refused type is not repeated (it is the caller's text); the accepted ones are. */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getSupportedMediaTypes().isEmpty()
                ? "This Content-Type is not supported here" : "Content-Type must be one of " + e.getSupportedMediaTypes());
        problem.setTitle("Unsupported Media Type");
        problem.setProperty("field", "Content-Type");
        return problem(problem, headers);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (pageShown(request, status)) {
            return null;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such path");
        problem.setTitle("Not Found");
        return problem(problem, headers);
    }

    /** Any upload over the limit (evidence, a list of the affected), named so the caller knows what to change. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is larger than the limit of spring.servlet.multipart.max-file-size (per file) or max-request-size");
        problem.setTitle("File too large");
        problem.setProperty("limit", "spring.servlet.multipart.max-file-size");
        return problem(problem, headers);
    }

    /** A multipart body that cannot be parsed (no boundary, cut short) is the caller's mistake. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e) {
        if (e instanceof MaxUploadSizeExceededException tooLarge) {
            return handleMaxUploadSizeExceededException(tooLarge, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, null);
        }
        return problem(invalid("The multipart body cannot be read", "body"), new HttpHeaders());
    }

    /**
     * Vigil's own refusals of a value ("Parameter format must be html or pdf", "plannedEnd: ..."). Their messages name
     * the field and never hold the value; a message that starts with the field's name gives it as {@code field}. A
     * number that does not parse is a library's message, which would hold the value, so it is replaced.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Object> illegalArgument(IllegalArgumentException e) {
        String detail = e instanceof NumberFormatException || e.getMessage() == null ? "A value has the wrong format" : e.getMessage();
        var named = FIELD_FIRST.matcher(detail);
        return problem(invalid(detail, named.lookingAt() ? named.group(1) : null), new HttpHeaders());
    }

    /** "plannedEnd: the fieldwork cannot end before it starts", "phiDecisions[1].dueDate: ...": the field comes first. */
    private static final java.util.regex.Pattern FIELD_FIRST = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9_.\\[\\]-]{0,59}): ");

    /** A request the record's state does not allow now (a closed incident): 409, saying what would allow it. */
    @ExceptionHandler(StateConflict.class)
    ResponseEntity<Object> conflict(StateConflict e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        return problem(problem, new HttpHeaders());
    }

    /**
     * A browser opening a page that does not exist or is not the user's gets Vigil's page for the status, through the
     * container's error page ({@link ProblemErrorController}), rather than a body meant for programs.
     */
    private static boolean pageShown(WebRequest request, HttpStatusCode status) {
        if (request instanceof ServletWebRequest servlet && servlet.getResponse() != null && !servlet.getResponse().isCommitted()
                && BrowserPages.wantsPage(servlet.getRequest())) {
            try {
                servlet.getResponse().sendError(status.value());
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static ProblemDetail invalid(String detail, String field) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    /** Bean Validation names a map's key as {@code affectedEstimate<K>[US-ZZ]}: the field is {@code affectedEstimate[US-ZZ]}. */
    private static String field(FieldError error) {
        String field = error.getField().replaceAll("<[^>]*>", "");
        // A map key is the caller's text: name the map alone when the key is no plain name, rather than echo it.
        var key = java.util.regex.Pattern.compile("\\[([^]]*)]").matcher(field);
        while (key.find()) {
            if (!key.group(1).matches("[A-Za-z0-9_-]{1,64}")) {
                return field.substring(0, key.start());
            }
        }
        return field;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type.isEnum()) {
            return "one of the allowed values";
        }
        return switch (type.getSimpleName()) {
            case "OffsetDateTime", "Instant", "ZonedDateTime" -> "an ISO-8601 timestamp with offset, e.g. 2026-03-02T10:15:00-06:00";
            case "LocalDate" -> "an ISO-8601 date, e.g. 2026-04-01";
            case "Integer", "int", "Long", "long" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "text";
            case "List", "Set", "Collection" -> "a list";
            case "Map" -> "an object";
            default -> "an object";
        };
    }

    private static String path(JsonMappingException e) {
        // A map key is the caller's text: a path stops before one that is no plain name, rather than echo it.
        return e.getPath().stream()
                .takeWhile(reference -> reference.getFieldName() == null || reference.getFieldName().matches("[A-Za-z0-9_-]{1,64}"))
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                .orElse(null);
    }
}
