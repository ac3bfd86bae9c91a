package org.vigil.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API with one change: a task listener that refuses a completion (a missing fact, a dispatch before
 * a hold ends) throws {@link BadUserRequestException}, and the {@link SteeringGuard} refuses a field a form does not
 * offer with {@link FormFieldValidationException}; the engine wraps both, and where it would answer 500 the caller
 * gets 400 with the message, as for any other bad input.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(RefusalMapper.class);
    }

    @Priority(1)
    public static class RefusalMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler engineDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
                    var refusal = cause;
                    var body = new ExceptionDto();
                    body.setType(refusal.getClass().getSimpleName());
                    body.setMessage(refusal.getMessage());
                    return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return engineDefault.toResponse(exception);
        }
    }
}
