package org.vigil.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;
import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine REST API with one change: a task listener that refuses a completion (a missing fact, a dispatch before
 * a hold ends) throws {@link BadUserRequestException}, and the {@link SteeringGuard} refuses a field a form does not
 * offer with {@link FormFieldValidationException}; the engine wraps both, and where it would answer 500 the caller
 * gets 400 with the message, as for any other bad input. A listener that finds the record in a state that refuses the
 * step (a task of a closed incident) throws {@link StateConflict}: 409 with a problem body; one that refuses who acts
 * throws {@link AuthorizationException}: 403 with its message, wrapped or not.
 */
@Component
class EngineRestRefusals implements ResourceConfigCustomizer {

    @Override
    public void customize(ResourceConfig config) {
        config.register(RefusalMapper.class);
    }

    /**
     * The same mapping for the webapps' own engine API ({@code /camunda/api/engine}, what Tasklist calls), a Jersey
     * application of Camunda's that no Spring customizer reaches: Jersey runs this for every application it starts
     * (META-INF/services), and it joins the one that serves the engine's resources.
     */
    public static class OnTheWebappsEngineApi implements ForcedAutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            var configuration = context.getConfiguration();
            if (configuration.getRuntimeType() == RuntimeType.SERVER
                    && configuration.getClasses().contains(NamedProcessEngineRestServiceImpl.class)
                    && !configuration.isRegistered(RefusalMapper.class)) {
                context.register(RefusalMapper.class);
            }
        }
    }

    @Priority(1)
    public static class RefusalMapper implements ExceptionMapper<RestException> {

        private final RestExceptionHandler engineDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof StateConflict conflict) {
                    // A problem body, with the engine's "message" beside "detail": Tasklist shows the message.
                    var body = conflict.problemBody();
                    body.put("message", conflict.getMessage());
                    return Response.status(Response.Status.CONFLICT).entity(body).type("application/problem+json").build();
                }
                if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException
                        || cause instanceof AuthorizationException) {
                    var refusal = cause;
                    var body = new ExceptionDto();
                    body.setType(refusal.getClass().getSimpleName());
                    body.setMessage(refusal.getMessage());
                    // A listener's refusal of who acts (not your review, not your system) is a 403, as the engine's own.
                    var status = cause instanceof AuthorizationException ? Response.Status.FORBIDDEN : Response.Status.BAD_REQUEST;
                    return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
                }
            }
            return engineDefault.toResponse(exception);
        }
    }
}
