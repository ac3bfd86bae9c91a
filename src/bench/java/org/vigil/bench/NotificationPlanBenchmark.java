package org.vigil.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.vigil.regulation.NotificationPlan;
import org.vigil.regulation.NotificationPlans;
import org.vigil.regulation.PlanRequest;
import org.vigil.regulation.PlanRequest.EntityFlag;
import org.vigil.regulation.PlanRequest.Gdpr;
import org.vigil.regulation.PlanRequest.RiskAssessmentConclusion;
import org.vigil.regulation.PlanRequest.Role;
import org.vigil.regulation.RuleCatalog;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Plans per second and time per plan, in process, after warm-up, for incidents touching 1, 5 and 20 jurisdictions.
 * Not a test: run with {@code mvn -o -Pbench test-compile exec:exec}; it prints figures and never fails on timing.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NotificationPlanBenchmark {

    /** Sixteen US states, three EU/UK codes, Canada and Australia: 20 in all (the same 20 since issue 3). */
    private static final List<String> JURISDICTIONS = List.of("US-TX", "US-CA", "US-NY", "EU-DE", "UK",
            "US-CO", "US-CT", "US-DE", "US-FL", "US-IL", "US-ME", "US-MD", "US-TN", "US-VT", "US-WA", "US-AZ",
            "US-OH", "EU-FR", "CA-ON", "AU");

    @Param({"1", "5", "20"})
    public int jurisdictions;

    private NotificationPlans plans;
    private PlanRequest request;

    @Setup
    public void setUp() {
        plans = new NotificationPlans(RuleCatalog.loadDefault());
        var counts = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < jurisdictions; i++) {
            counts.put(JURISDICTIONS.get(i), 120 + 97 * i);
        }
        OffsetDateTime discovered = OffsetDateTime.parse("2026-03-02T10:15:00-06:00");
        request = new PlanRequest(discovered, discovered.minusDays(2), "America/Chicago", Role.COVERED_ENTITY, counts,
                List.of("name", "ssn", "diagnosis"), 12, null, false, false, RiskAssessmentConclusion.NOT_LOW_PROBABILITY,
                null, discovered.plusDays(5), null,
                new Gdpr(Gdpr.GdprRegime.GDPR, Gdpr.GdprRole.CONTROLLER, discovered.plusHours(6), Gdpr.RiskLevel.HIGH, null, null, null),
                List.of(EntityFlag.NIS2_IMPORTANT_ENTITY, EntityFlag.PIPEDA_COMMERCIAL_ACTIVITY,
                        EntityFlag.AU_APP_ENTITY_HEALTH_SERVICE_PROVIDER, EntityFlag.CA_LICENSED_CLINIC_HEALTH_FACILITY_HHA_OR_HOSPICE),
                List.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public NotificationPlan plansPerSecond() {
        return plans.plan(request);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public NotificationPlan microsecondsPerPlan() {
        return plans.plan(request);
    }

    /** Runs with the annotated settings; JMH command-line options (e.g. {@code -prof stack}) may override them. */
    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(new OptionsBuilder().parent(new CommandLineOptions(args))
                .include(NotificationPlanBenchmark.class.getSimpleName()).build()).run();
    }
}
