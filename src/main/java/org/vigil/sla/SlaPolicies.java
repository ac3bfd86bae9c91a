package org.vigil.sla;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** SLA policies from seeds/sla/policies.yaml: the time each process step may take, by severity or other facts. */
@Component
class SlaPolicies {

    record Span(Integer workingHours, Integer workingDays, Integer hours, Integer days) {
        Instant after(Instant from, WorkingCalendar calendar) {
            if (workingHours != null) return calendar.plusWorkingHours(from, workingHours);
            if (workingDays != null) return calendar.plusWorkingDays(from, workingDays);
            if (hours != null) return from.plus(Duration.ofHours(hours));
            if (days != null) return from.plus(Duration.ofDays(days));
            throw new IllegalStateException("An SLA span needs workingHours, workingDays, hours or days");
        }
    }

    record Policy(String process, String step, Map<String, Object> when, Span due, Span followUp) {}

    record CalendarSeed(List<DayOfWeek> workingDays, Map<String, String> workingHours, List<LocalDate> holidays) {}

    record Seeds(CalendarSeed calendar, List<Policy> policies) {}

    record Dates(Instant due, Instant followUp) {}

    private final List<Policy> policies;
    private final WorkingCalendar calendar;

    SlaPolicies(@Value("${vigil.sla.policies:classpath:seeds/sla/policies.yaml}") Resource seeds,
            @Value("${vigil.company.zone}") ZoneId zone) {
        try (var in = seeds.getInputStream()) {
            var parsed = new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(in, Seeds.class);
            this.policies = List.copyOf(parsed.policies());
            var hours = parsed.calendar().workingHours();
            this.calendar = new WorkingCalendar(zone, new HashSet<>(parsed.calendar().workingDays()),
                    LocalTime.parse(hours.get("start")), LocalTime.parse(hours.get("end")),
                    new HashSet<>(parsed.calendar().holidays()));
        } catch (IOException e) {
            throw new UncheckedIOException("SLA policies " + seeds + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The first policy for this step whose conditions hold, applied from {@code from}. */
    Optional<Dates> datesFor(String process, String step, Function<String, Object> facts, Instant from) {
        return policies.stream()
                .filter(policy -> policy.process().equals(process) && policy.step().equals(step))
                .filter(policy -> policy.when() == null || policy.when().entrySet().stream()
                        .allMatch(condition -> String.valueOf(condition.getValue()).equals(String.valueOf(facts.apply(condition.getKey())))))
                .findFirst()
                .map(policy -> new Dates(policy.due().after(from, calendar),
                        policy.followUp() == null ? null : policy.followUp().after(from, calendar)));
    }

    WorkingCalendar calendar() {
        return calendar;
    }
}
