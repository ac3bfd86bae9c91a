package org.vigil.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The engine ships no Micrometer binder: jobs waiting to run, open incidents and running instances. */
@Component
class EngineMetrics implements MeterBinder {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;

    EngineMetrics(ManagementService managementService, RuntimeService runtimeService) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("camunda.jobs.executable", () -> managementService.createJobQuery().executable().count())
                .description("Jobs due and not yet run, timers included").register(registry);
        Gauge.builder("camunda.incidents.open", () -> runtimeService.createIncidentQuery().count())
                .description("Open incidents (failed jobs awaiting a person)").register(registry);
        Gauge.builder("camunda.process.instances.running", () -> runtimeService.createProcessInstanceQuery().active().count())
                .description("Active process instances").register(registry);
    }
}
