package org.vigil.breach;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.vigil.platform.SeedReader;

/**
 * The time the SLA policy gives containment by severity (Task_ContainIncident in {@code seeds/sla/policies.yaml},
 * the file the SLA capability sets the task's due date from), read from the same file so the management review's
 * targets cannot drift from the due dates people saw. Elapsed hours or days become a target in hours; working time
 * (the company calendar) has no fixed length and is given in words only.
 */
@Component
class ContainmentTargets {

    record Target(Double hours, String words) {}

    record Span(Integer workingHours, Integer workingDays, Integer hours, Integer days) {}

    record Policy(String process, String step, Map<String, Object> when, Span due, Span followUp) {}

    record Seeds(Object calendar, List<Policy> policies) {}

    private final List<Policy> containment;

    ContainmentTargets(@Value("${vigil.sla.policies:classpath:seeds/sla/policies.yaml}") String location, ResourceLoader resources) {
        this.containment = SeedReader.read(resources.getResource(location), Seeds.class).policies().stream()
                .filter(policy -> BreachResponseProcess.KEY.equals(policy.process()) && "Task_ContainIncident".equals(policy.step()))
                .toList();
    }

    /** The first containment policy that holds for this severity (a policy without a condition holds for all). */
    Target forSeverity(String severity) {
        return containment.stream()
                .filter(policy -> policy.when() == null || policy.when().entrySet().stream()
                        .allMatch(condition -> condition.getKey().equals("severity") && String.valueOf(condition.getValue()).equals(severity)))
                .findFirst()
                .map(policy -> target(policy.due()))
                .orElse(new Target(null, "no containment policy"));
    }

    private static Target target(Span due) {
        if (due.hours() != null) return new Target((double) due.hours(), due.hours() + " hours");
        if (due.days() != null) return new Target(due.days() * 24.0, due.days() + " days");
        if (due.workingHours() != null) return new Target(null, due.workingHours() + " working hours (company calendar)");
        return new Target(null, due.workingDays() + " working days (company calendar)");
    }
}
