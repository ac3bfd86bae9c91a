package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** The engine's ERROR for a listener's refusal is dropped; any other failure of a command stays an ERROR. */
class EngineRefusalLoggingTest {

    private final LoggerContext context = new LoggerContext();
    private final EngineRefusalLogging.RefusalFilter filter = new EngineRefusalLogging.RefusalFilter();

    @Test
    void aWrappedRefusalIsNotAnError() {
        var wrapped = new ProcessEngineException("Exception while invoking TaskListener: meetingDate: required",
                new BadUserRequestException("meetingDate: required"));
        assertThat(decide(EngineRefusalLogging.ENGINE_CONTEXT_LOGGER, Level.ERROR, wrapped)).isEqualTo(FilterReply.DENY);
        var conflict = new ProcessEngineException("Exception while invoking TaskListener", new StateConflict("Closed", "closed", java.util.Map.of()));
        assertThat(decide(EngineRefusalLogging.ENGINE_CONTEXT_LOGGER, Level.ERROR, conflict)).isEqualTo(FilterReply.DENY);
    }

    @Test
    void otherFailuresAndOtherLoggersAreLeftAlone() {
        var failure = new ProcessEngineException("Exception while invoking TaskListener", new IllegalStateException("bug"));
        assertThat(decide(EngineRefusalLogging.ENGINE_CONTEXT_LOGGER, Level.ERROR, failure)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(EngineRefusalLogging.ENGINE_CONTEXT_LOGGER, Level.ERROR, null)).isEqualTo(FilterReply.NEUTRAL);
        var refusal = new ProcessEngineException("x", new BadUserRequestException("y"));
        assertThat(decide("org.camunda.bpm.engine.jobexecutor", Level.ERROR, refusal)).isEqualTo(FilterReply.NEUTRAL);
    }

    private FilterReply decide(String logger, Level level, Throwable thrown) {
        // As the engine's logger calls it: the message template, then its parameters with the exception last.
        Object[] params = thrown == null ? new Object[] {"message"} : new Object[] {thrown.getMessage(), thrown};
        return filter.decide(null, context.getLogger(logger), level, "ENGINE-16004 Exception while closing command context: {}", params, null);
    }
}
