package org.vigil.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanyCalendar;
import org.vigil.platform.SeedReader;

/**
 * SLA policies from seeds/sla/policies.yaml ({@code vigil.sla.policies}): the time each process step may take, by
 * severity or other facts, in working time of the company calendar or in elapsed time.
 */
@Component
class SlaPolicies {

    record Span(Integer workingHours, Integer workingDays, Integer hours, Integer days) {
        Instant after(Instant from, CompanyCalendar calendar) {
            if (workingHours != null) return calendar.plusWorkingHours(from, workingHours);
            if (workingDays != null) {
                // Due at the close of work on the last working day, not at the hour the task happened to start.
                var lastDay = calendar.plusWorkingDays(from.atZone(calendar.zone()).toLocalDate(), workingDays);
                return calendar.endOfWorkingDay(lastDay);
            }
            if (hours != null) return from.plus(Duration.ofHours(hours));
            if (days != null) return from.plus(Duration.ofDays(days));
            throw new IllegalStateException("An SLA span needs workingHours, workingDays, hours or days");
        }
    }

    record Policy(String process, String step, Map<String, Object> when, Span due, Span followUp) {}

    /** {@code calendar} only to say where it went: a policies file of an earlier release may still carry one. */
    record Seeds(Object calendar, List<Policy> policies) {}

    record Dates(Instant due, Instant followUp) {}

    private final List<Policy> policies;
    private final CompanyCalendar calendar;

    SlaPolicies(SlaSettings settings, ResourceLoader resources, CompanyCalendar calendar) {
        String location = settings.policies();
        var parsed = SeedReader.read(resources.getResource(location), Seeds.class);
        if (parsed.calendar() != null) {
            throw new IllegalStateException("SLA policies " + location + ": the calendar moved to the company calendar"
                    + " (vigil.company.calendar, seeds/calendar/company-calendar.yaml); remove it here");
        }
        this.policies = List.copyOf(parsed.policies());
        this.calendar = calendar;
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
}
