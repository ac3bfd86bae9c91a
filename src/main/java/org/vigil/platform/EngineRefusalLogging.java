package org.vigil.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * A task listener's refusal of a form submission (bad input: {@link BadUserRequestException}; a closed record:
 * {@link StateConflict}; who acts: {@link AuthorizationException}) reaches the engine wrapped by its listener
 * invocation ("Exception while invoking TaskListener"), so the engine logs it as ENGINE-16004 at ERROR with a stack
 * trace, although the user simply gets a 400, 403 or 409 ({@link EngineRestRefusals}). The engine itself logs these
 * refusals at DEBUG when they are not wrapped; this filter does the same for the wrapped ones: the ERROR is dropped
 * and one DEBUG line kept. Any other failure of a command is still an ERROR.
 */
@Component
class EngineRefusalLogging {

    /** Where the engine logs a failed command (ENGINE-16004). */
    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(EngineRefusalLogging.class);

    EngineRefusalLogging() {
        // Logback is Spring Boot's default; under another logging system the engine's ERROR stays.
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(RefusalFilter.class::isInstance)) {
            // Added again by each application context: Spring Boot resets logback when a new one starts (tests).
            context.addTurboFilter(new RefusalFilter());
        }
    }

    static final class RefusalFilter extends TurboFilter {

        @Override
        public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
            if (level != Level.ERROR || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
                return FilterReply.NEUTRAL;
            }
            Throwable thrown = t;
            if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
                thrown = last;
            }
            Throwable refusal = refusalIn(thrown);
            if (refusal == null) {
                return FilterReply.NEUTRAL;
            }
            log.debug("A command was refused ({}): {}", refusal.getClass().getSimpleName(), refusal.getMessage());
            return FilterReply.DENY;
        }

        private static Throwable refusalIn(Throwable thrown) {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException
                        || cause instanceof AuthorizationException || cause instanceof StateConflict) {
                    return cause;
                }
            }
            return null;
        }
    }
}
