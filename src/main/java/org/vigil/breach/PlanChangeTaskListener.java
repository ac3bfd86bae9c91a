package org.vigil.breach;

import static org.vigil.breach.BreachResponseVariables.INCIDENT_ID;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.vigil.platform.Actors;
import org.vigil.platform.CompanySettings;

/**
 * Task_ConfirmPlanChange of breach-response.bpmn. On creation, the duties waiting for a decision are written on the
 * task (numbers, recipients, reasons: no patient data); on completion each of them is withdrawn or kept, as the
 * privacy officer decided, and recorded with who and when. Duties proposed while the task was open get a task of
 * their own.
 */
@Component
class PlanChangeTaskListener implements TaskListener {

    static final String SUMMARY = "planChangeSummary";
    static final String SHOWN = "proposedObligationIds";
    static final String DECISION = "planChangeDecision";
    static final String KEEP = "keepObligations";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z");

    private final Obligations obligations;
    private final BreachResponseProcess process;
    private final ObligationCards cards;
    private final ZoneId zone;

    PlanChangeTaskListener(Obligations obligations, BreachResponseProcess process, ObligationCards cards, CompanySettings company) {
        this.obligations = obligations;
        this.process = process;
        this.cards = cards;
        this.zone = company.zone();
    }

    @Override
    public void notify(DelegateTask task) {
        long incidentId = INCIDENT_ID.from(task);
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariablesLocal(question(incidentId));
            return;
        }
        Set<Long> shown = ids((String) task.getVariableLocal(SHOWN));
        String decision = FormText.text(task::getVariable, DECISION);
        Set<Long> kept = switch (decision == null ? "" : decision) {
            case "withdraw" -> Set.of();
            case "keep" -> shown;
            case "choose" -> chosen(FormText.text(task::getVariable, KEEP), shown);
            default -> throw new BadUserRequestException("'Your decision' (" + DECISION + ") is required: withdraw, keep or choose");
        };
        obligations.decideWithdrawals(incidentId, shown, kept, Actors.of(task));
        // The answer belongs to this change alone; the next one starts from an empty form.
        task.getExecution().removeVariable(DECISION);
        task.getExecution().removeVariable(KEEP);
        ask(incidentId, task.getId());
    }

    /** Puts the duties waiting for a decision before the privacy office, if any wait. */
    void ask(long incidentId) {
        ask(incidentId, null);
    }

    private void ask(long incidentId, String completingTaskId) {
        if (!obligations.proposedWithdrawals(incidentId).isEmpty()) {
            process.proposePlanChange(incidentId, question(incidentId), completingTaskId);
        }
    }

    /** What the task shows: a line per duty waiting, and their numbers, which the decision applies to. */
    private Map<String, Object> question(long incidentId) {
        var proposed = obligations.proposedWithdrawals(incidentId);
        return Map.of(SUMMARY, proposed.stream().map(this::line).collect(Collectors.joining("\n")),
                SHOWN, proposed.stream().map(o -> o.id().toString()).collect(Collectors.joining(",")));
    }

    private String line(Obligation obligation) {
        // Whom it goes to in words, as the Tasklist cards and the notices page say it; the code after it for the record.
        return "#" + obligation.id() + " " + cards.recipient(obligation) + " (" + obligation.recipient() + ", " + obligation.jurisdiction() + "), "
                + obligation.basis()
                + ", due " + WHEN.format(obligation.targetDeadline().atZone(zone)) + ": " + obligation.withdrawalReason();
    }

    private static Set<Long> chosen(String text, Set<Long> shown) {
        Set<Long> kept = ids(text);
        List<Long> unknown = kept.stream().filter(id -> !shown.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new BadUserRequestException("'Numbers of the duties to keep' (" + KEEP + "): " + unknown
                    + " is not among the duties listed");
        }
        return kept;
    }

    private static Set<Long> ids(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        try {
            return Arrays.stream(text.split(",")).map(String::strip).filter(part -> !part.isEmpty())
                    .map(part -> Long.parseLong(part.startsWith("#") ? part.substring(1) : part))
                    .collect(Collectors.toCollection(LinkedHashSet::new));
        } catch (NumberFormatException e) {
            throw new BadUserRequestException("'Numbers of the duties to keep' (" + KEEP + ") takes numbers separated by commas");
        }
    }
}
