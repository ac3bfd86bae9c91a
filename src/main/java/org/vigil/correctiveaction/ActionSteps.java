package org.vigil.correctiveaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.correctiveaction.ActionStore.ActionRow;
import org.vigil.correctiveaction.events.CorrectiveActionClosed;
import org.vigil.correctiveaction.events.EffectivenessCheckFailed;
import org.vigil.platform.PeopleDirectory;

/**
 * The steps of an action as the owner group and the checker take them: each checks what the person filled in (a
 * refusal names the form's label and field, never the value), stores the free text encrypted and moves the status.
 * Closing and reopening run once: they act only on an action that waits for them.
 */
@Service
class ActionSteps {

    /** Root-cause methods the analysis form offers. */
    static final Set<String> METHODS = Set.of("five-whys", "fishbone", "fault-tree", "pareto", "other");
    static final int TEXT_MAX = 10_000;
    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);

    /** The planned due date and the reminder before it, which the process's timers move to. */
    record Planned(Instant dueAt, Instant remindAt) {}

    /** A reopened action's new due date and reminder, and how often it has been reopened. */
    record Reopening(Instant dueAt, Instant remindAt, int reopenCount) {}

    private final ActionStore store;
    private final ActionSchedule schedule;
    private final PeopleDirectory people;
    private final CorrectiveActionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionSteps(ActionStore store, ActionSchedule schedule, PeopleDirectory people, CorrectiveActionSettings settings,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.people = people;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    ActionRow require(long actionId) {
        return store.find(actionId).orElseThrow(() -> new NoSuchActionException(actionId));
    }

    @Transactional
    void correct(long actionId, String correctionMade, String correction) {
        locked(actionId);
        if (!"yes".equals(correctionMade) && !"none".equals(correctionMade)) {
            throw new IllegalArgumentException("'Corrected at once?' (correctionMade) must be yes or none");
        }
        String text = required(correction, "yes".equals(correctionMade) ? "What was corrected" : "Why no correction is possible",
                CorrectiveActionVariables.PHI_CORRECTION);
        store.corrected(actionId, "yes".equals(correctionMade), text);
    }

    @Transactional
    void analyse(long actionId, String rootCause, String method, String similarElsewhere, String similarWhere) {
        locked(actionId);
        String cause = required(rootCause, "Root cause", CorrectiveActionVariables.PHI_ROOT_CAUSE);
        if (method == null || !METHODS.contains(method)) {
            throw new IllegalArgumentException("'Method' (rootCauseMethod) must be one of " + String.join(", ", METHODS.stream().sorted().toList()));
        }
        if (!"yes".equals(similarElsewhere) && !"no".equals(similarElsewhere)) {
            throw new IllegalArgumentException("'Similar nonconformities elsewhere?' (similarElsewhere) must be yes or no");
        }
        boolean similar = "yes".equals(similarElsewhere);
        String where = similar ? required(similarWhere, "Where", CorrectiveActionVariables.PHI_SIMILAR_WHERE) : blankToNull(similarWhere);
        store.analysed(actionId, cause, method, similar, where);
    }

    /**
     * The plan, its owner (a member of the owner group) and its due date; a date after the one the severity policy set
     * needs a reason. Returns the due date and the reminder the process's timers move to.
     */
    @Transactional
    Planned plan(long actionId, String plan, String owner, String dueDate, String laterDueReason) {
        ActionRow action = locked(actionId);
        String text = required(plan, "Action plan", CorrectiveActionVariables.PHI_ACTION_PLAN);
        if (owner == null || owner.isBlank()) {
            throw new IllegalArgumentException("'Owner of the action' (actionOwner) is required");
        }
        if (!people.membersOf(action.ownerGroup()).contains(owner.strip())) {
            throw new IllegalArgumentException("'Owner of the action' (actionOwner) must be a member of " + people.groupNameOf(action.ownerGroup()));
        }
        LocalDate day = dueDay(dueDate);
        LocalDate today = clock.instant().atZone(clock.getZone()).toLocalDate();
        if (day.isBefore(today)) {
            throw new IllegalArgumentException("'Due date' (planDueDate) must not be in the past");
        }
        Instant dueAt = schedule.closeOf(day);
        String reason = blankToNull(laterDueReason);
        if (dueAt.isAfter(action.dueAt()) && reason == null) {
            throw new IllegalArgumentException("'Reason for the later due date' (phiLaterDueReason) is required: the severity policy sets "
                    + schedule.dueDay(action.dueAt()));
        }
        if (reason != null && reason.length() > TEXT_MAX) {
            throw new IllegalArgumentException("'Reason for the later due date' (phiLaterDueReason) must be at most " + TEXT_MAX + " characters");
        }
        store.planned(actionId, text, owner.strip(), dueAt, reason, clock.instant());
        return new Planned(dueAt, schedule.remindAt(dueAt, action.severity()));
    }

    /** Records the evidence; returns when the effectiveness check falls due. */
    @Transactional
    Instant implement(long actionId, String evidence, String links, String by) {
        ActionRow action = locked(actionId);
        String text = required(evidence, "Evidence", CorrectiveActionVariables.PHI_EVIDENCE);
        String linkText = blankToNull(links);
        String stored = linkText == null ? text : text + "\n\nLinks:\n" + linkText.strip();
        if (stored.length() > TEXT_MAX) {
            throw new IllegalArgumentException("'Evidence' (phiEvidence) and its links must be at most " + TEXT_MAX + " characters");
        }
        Instant at = clock.instant();
        store.implemented(actionId, stored, by, at);
        return schedule.effectivenessCheckAt(at, action.severity());
    }

    @Transactional
    void verifying(long actionId) {
        locked(actionId);
        store.setStatus(actionId, "VERIFYING");
    }

    /** The checker's verdict and notes; the owner and the implementer are refused by name of the conflict. */
    @Transactional
    void check(long actionId, String verdict, String notes, String by) {
        ActionRow action = locked(actionId);
        if (by.equals(action.ownerUser())) {
            throw new ActionRefusedException("You own corrective action CA-" + actionId
                    + ": its effectiveness is checked by someone other than its owner. Hand the task to a colleague of " + people.groupNameOf(checkerGroup(action)));
        }
        if (by.equals(action.implementedBy())) {
            throw new ActionRefusedException("You implemented corrective action CA-" + actionId
                    + ": its effectiveness is checked by someone who did not implement it. Hand the task to a colleague of " + people.groupNameOf(checkerGroup(action)));
        }
        if (!"effective".equals(verdict) && !"not-effective".equals(verdict)) {
            throw new IllegalArgumentException("'Is the action effective?' (verdict) must be effective or not-effective");
        }
        store.checked(actionId, required(notes, "What the check found", CorrectiveActionVariables.PHI_EFFECTIVENESS_NOTES), by, clock.instant());
    }

    /** Closes an action found effective, once, and tells the others. */
    @Transactional
    boolean close(long actionId) {
        ActionRow action = locked(actionId);
        if ("CLOSED".equals(action.status())) {
            return false;
        }
        Instant at = clock.instant();
        store.closed(actionId, at, at.atZone(clock.getZone()).toLocalDate().plusYears(settings.retainYears()));
        events.publishEvent(new CorrectiveActionClosed(actionId, action.sourceType(), action.sourceReference(), action.severity(),
                action.raisedAt(), at, action.exercise()));
        return true;
    }

    /** Reopens an action found not effective, once per check: a new due date from now, and the others hear of it. */
    @Transactional
    Reopening reopen(long actionId) {
        ActionRow action = locked(actionId);
        if (!"VERIFYING".equals(action.status())) {
            return new Reopening(action.dueAt(), schedule.remindAt(action.dueAt(), action.severity()), action.reopenCount());
        }
        Instant at = clock.instant();
        Instant dueAt = schedule.dueFrom(at, action.severity());
        store.reopened(actionId, dueAt);
        int count = action.reopenCount() + 1;
        events.publishEvent(new EffectivenessCheckFailed(actionId, action.sourceType(), action.sourceReference(),
                action.checkedAt() == null ? at : action.checkedAt(), count));
        return new Reopening(dueAt, schedule.remindAt(dueAt, action.severity()), count);
    }

    /** What the forms show read-only beside their fields: the action's texts so far and the prefilled due date. */
    @Transactional(readOnly = true)
    Map<String, Object> formValues(long actionId) {
        ActionRow a = require(actionId);
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("actionSource", ActionReminders.sourceInWords(a));
        values.put("actionDescription", a.description());
        values.put("actionRepeatOf", a.repeatOf() == null ? "no" : "CA-" + a.repeatOf());
        values.put("actionReopenCount", a.reopenCount());
        values.put("actionDueDay", DAY.format(schedule.dueDay(a.dueAt())));
        values.put("actionCorrection", orNone(a.correction()));
        values.put("actionRootCause", orNone(a.rootCause()));
        values.put("actionSimilarWhere", orNone(a.similarWhere()));
        values.put("actionPlan", orNone(a.plan()));
        values.put("actionOwnerUser", a.ownerUser() == null ? "not named yet" : a.ownerUser());
        values.put("actionEvidence", orNone(a.evidence()));
        values.put("actionEffectivenessNotes", orNone(a.effectivenessNotes()));
        values.put(CorrectiveActionVariables.PLAN_DUE_DATE.name(), schedule.dueDay(a.dueAt()).toString());
        if (a.ownerUser() != null) {
            // Decided before the plan (a management review's decision): the plan starts from it.
            values.put(CorrectiveActionVariables.ACTION_OWNER.name(), a.ownerUser());
        }
        return values;
    }

    private String checkerGroup(ActionRow action) {
        return ActionSource.AUDIT_FINDING.equals(action.sourceType()) ? settings.auditFindingCheckerGroup() : settings.checkerGroup();
    }

    private ActionRow locked(long actionId) {
        return store.lock(actionId).orElseThrow(() -> new NoSuchActionException(actionId));
    }

    private static LocalDate dueDay(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'Due date' (planDueDate) is required");
        }
        String text = value.strip();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'Due date' (planDueDate) must be a date, e.g. 2026-04-30");
        }
    }

    private static String required(String value, String label, String key) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + label + "' (" + key + ") is required");
        }
        if (value.length() > TEXT_MAX) {
            throw new IllegalArgumentException("'" + label + "' (" + key + ") must be at most " + TEXT_MAX + " characters");
        }
        return value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none yet)" : value;
    }
}
