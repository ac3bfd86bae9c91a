package org.vigil.breach;

import org.vigil.breach.events.NoticeDispatched;
import org.vigil.breach.events.ObligationScheduled;
import org.vigil.breach.events.ObligationWithdrawn;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.Actors;

/**
 * The notification obligations of incidents: created from the plan, chased by timers, settled by a recorded
 * dispatch. A re-plan adds new duties and moves open ones; a sent obligation is never dropped or changed.
 */
@Service
class Obligations {

    private final ObligationRepository obligations;
    private final NotificationObligationProcess process;
    private final BreachResponseProcess breachProcess;
    private final Notifications notifications;
    private final BreachLinks links;
    private final ApplicationEventPublisher events;
    private final ResponseMilestones milestones;
    private final ObligationCards cards;
    private final Clock clock;
    private final ExerciseMarks exercises;

    Obligations(ObligationRepository obligations, NotificationObligationProcess process, BreachResponseProcess breachProcess,
            Notifications notifications, BreachLinks links, ApplicationEventPublisher events, ResponseMilestones milestones, Clock clock,
            ObligationCards cards, ExerciseMarks exercises) {
        this.exercises = exercises;
        this.obligations = obligations;
        this.cards = cards;
        this.process = process;
        this.breachProcess = breachProcess;
        this.notifications = notifications;
        this.links = links;
        this.events = events;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** Which plan is applied: it decides what becomes of a duty the plan no longer finds. */
    enum PlanKind {
        /** From the report's first facts: every clock runs from the first hour. */
        PROVISIONAL,
        /** After the four-factor assessment: it takes provisional duties over and drops the others, with the reason. */
        ASSESSMENT,
        /** Facts learnt later, a list, a dispatch: a duty that goes waits for the privacy office's confirmation. */
        CHANGE
    }

    /** What changed and who changed it, for the record of a duty the new plan no longer finds. */
    record PlanChange(String what, String by) {}

    record Applied(List<Long> started, List<Long> proposedWithdrawals, List<Long> withdrawn) {}

    /** Stores the plan's duties as obligations; starts a notification process for each new one. Safe to re-run. */
    @Transactional
    Applied apply(long incidentId, PlanResult plan, PlanKind kind, PlanChange change) {
        Instant now = clock.instant();
        List<Long> started = new ArrayList<>();
        for (PlannedDuty duty : plan.duties()) {
            var existing = obligations.findByIncidentIdAndRuleIdAndJurisdiction(incidentId, duty.ruleId(), duty.jurisdiction())
                    .or(() -> obligations.findLegacy(incidentId, duty.recipient(), duty.jurisdiction()));
            if (existing.isPresent() && existing.get().status() == ObligationStatus.WITHDRAWN) {
                // Back in the plan after a withdrawal: owed again, with a process of its own again.
                var obligation = existing.get();
                obligation.replan(duty, plan.catalogVersion(), now);
                obligation.reopen(now);
                obligation.startedAs(process.start(obligation));
                track(obligation);
                started.add(obligation.id());
                continue;
            }
            if (existing.isPresent()) {
                var obligation = existing.get();
                if (kind == PlanKind.ASSESSMENT) {
                    obligation.confirmedByAssessment();
                }
                if (obligation.replan(duty, plan.catalogVersion(), now) && obligation.processInstanceId() != null) {
                    followDeadline(obligation);
                }
                continue;
            }
            var obligation = obligations.saveAndFlush(new Obligation(incidentId, duty, plan.catalogVersion(), now, kind == PlanKind.PROVISIONAL));
            obligation.startedAs(process.start(obligation));
            track(obligation);
            started.add(obligation.id());
        }
        List<Long> proposed = new ArrayList<>();
        List<Long> withdrawn = new ArrayList<>();
        var planned = plan.duties().stream().map(duty -> duty.ruleId() + "/" + duty.jurisdiction()).collect(java.util.stream.Collectors.toSet());
        for (var obligation : obligations.findByIncidentIdOrderByTargetDeadline(incidentId)) {
            if (!obligation.isOpen() || planned.contains(obligation.ruleId() + "/" + obligation.jurisdiction())) {
                continue;
            }
            String reason = reasonNotPlanned(obligation, plan);
            if (obligation.provisional() && kind != PlanKind.CHANGE) {
                // A duty guessed from the first facts, which the better-informed plan does not find: dropped, and said why.
                end(obligation, now, Actors.VIGIL, (kind == PlanKind.ASSESSMENT ? "the assessment's plan" : "the plan of the report")
                        + " does not find this provisional duty: " + reason);
                withdrawn.add(obligation.id());
            } else if (obligation.proposeWithdrawal(now, reason + "; after " + change.what() + " by " + change.by())) {
                proposed.add(obligation.id());
            }
        }
        if (!withdrawn.isEmpty()) {
            settleIfNothingIsOpen(incidentId);
        }
        return new Applied(started, proposed, withdrawn);
    }

    /** Every open provisional duty withdrawn, with the reason; safe to re-run. */
    @Transactional
    void dropProvisional(long incidentId, String reason) {
        Instant now = clock.instant();
        boolean any = false;
        for (var obligation : obligations.findByIncidentIdOrderByTargetDeadline(incidentId)) {
            if (obligation.provisional() && obligation.isOpen()) {
                end(obligation, now, Actors.VIGIL, "provisional duty dropped: " + reason);
                any = true;
            }
        }
        if (any) {
            settleIfNothingIsOpen(incidentId);
        }
    }

    /** The duties waiting for the privacy office to confirm their withdrawal. */
    @Transactional(readOnly = true)
    List<Obligation> proposedWithdrawals(long incidentId) {
        return obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream().filter(Obligation::withdrawalProposed).toList();
    }

    /**
     * The privacy office's answer to a change of plan: every proposed withdrawal among {@code decided} is withdrawn,
     * except those in {@code kept}, which stay owed.
     */
    @Transactional
    void decideWithdrawals(long incidentId, java.util.Collection<Long> decided, java.util.Collection<Long> kept, String by) {
        Instant now = clock.instant();
        for (var obligation : proposedWithdrawals(incidentId)) {
            if (!decided.contains(obligation.id())) {
                continue;
            }
            if (kept.contains(obligation.id())) {
                obligation.keep(now, by);
            } else {
                end(obligation, now, by, "confirmed: " + obligation.withdrawalReason());
            }
        }
        settleIfNothingIsOpen(incidentId);
    }

    private void end(Obligation obligation, Instant now, String by, String reason) {
        obligation.withdraw(now, by, reason);
        if (obligation.processInstanceId() != null) {
            process.end(obligation.processInstanceId(), "withdrawn: " + reason);
        }
        announce(obligation, new ObligationWithdrawn(obligation.id(), obligation.incidentId()));
        // The duty withdrawn may have been the last individual notice still unsent.
        milestones.individualNoticesChanged(obligation.incidentId());
    }

    private void settleIfNothingIsOpen(long incidentId) {
        var all = obligations.findByIncidentIdOrderByTargetDeadline(incidentId);
        if (!all.isEmpty() && all.stream().allMatch(Obligation::isSettled)) {
            breachProcess.obligationsSettled(incidentId);
        }
    }

    /** The plan's own reason when it names the duty among those ruled out, else that it no longer finds it. */
    private static String reasonNotPlanned(Obligation obligation, PlanResult plan) {
        String prefix = obligation.recipient() + " (" + obligation.jurisdiction() + "): ";
        return plan.notRequired().stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> "not required: " + line.substring(prefix.length()))
                .orElse("the plan no longer finds this duty (" + obligation.basis() + ")");
    }

    /** A moved deadline moves everything that follows it: the timers, the open task's due and follow-up dates, the SLA entry. */
    private void followDeadline(Obligation obligation) {
        Date reminder = Date.from(obligation.reminderAt() != null ? obligation.reminderAt() : obligation.targetDeadline());
        process.moveTimers(obligation.processInstanceId(), reminder, Date.from(obligation.escalationAt()),
                Date.from(obligation.targetDeadline()), obligation.holdUntil() == null ? null : Date.from(obligation.holdUntil()));
        process.moveTaskDates(obligation, Date.from(obligation.targetDeadline()), reminder);
        track(obligation);
    }

    /** What the SLA registry hears of an obligation; nothing of an exercise's, which counts in no real figure. */
    private void announce(Obligation obligation, Object event) {
        if (!exercises.isExercise(obligation.incidentId())) {
            events.publishEvent(event);
        }
    }

    /** Every obligation is a deadline others watch (the SLA dashboard): announced when planned, moved or owed again. */
    private void track(Obligation obligation) {
        announce(obligation, new ObligationScheduled(obligation.id(), obligation.incidentId(), obligation.recipient(),
                obligation.jurisdiction(),
                // Whom in words, as on the Tasklist card ("Texas attorney general"), from rule codes only: no PHI.
                "Notice to " + RecipientNames.cardName(obligation.recipient(), obligation.jurisdiction()) + " (" + obligation.jurisdiction()
                        + "), incident " + obligation.incidentId(),
                "privacy-office", obligation.processInstanceId(), obligation.plannedAt(), obligation.targetDeadline(),
                obligation.reminderAt(), obligation.escalationAt()));
    }

    @Transactional
    Obligation require(long obligationId) {
        return obligations.findById(obligationId)
                .orElseThrow(() -> new IllegalStateException("Obligation " + obligationId + " does not exist"));
    }

    @Transactional
    void prepared(long obligationId, String noticeReference, String noticeText) {
        require(obligationId).prepared(noticeReference, noticeText);
    }

    @Transactional
    void approved(long obligationId) {
        require(obligationId).approved();
    }

    /** The approver sent the notice back to be prepared again, saying why. */
    @Transactional
    void sentBack(long obligationId, String reason) {
        require(obligationId).sentBack(reason);
    }

    /** Records the dispatch; refused before the end of a law-enforcement hold or in the future. */
    @Transactional
    void recordDispatch(long obligationId, Instant sentAt, String channel, String proof) {
        var obligation = require(obligationId);
        if (obligation.holdUntil() != null && sentAt.isBefore(obligation.holdUntil())) {
            throw new IllegalArgumentException("Field sentAt: the notice may not be released before the law-enforcement hold ends at "
                    + obligation.holdUntil());
        }
        if (sentAt.isAfter(clock.instant())) {
            throw new IllegalArgumentException("Field sentAt lies in the future");
        }
        obligation.sent(sentAt, channel, proof);
        // Judged by the sending date, not by when it was recorded: a notice sent after its deadline is late.
        announce(obligation, new NoticeDispatched(obligation.id(), obligation.incidentId(), obligation.ruleId(), obligation.recipient(),
                obligation.targetDeadline(), sentAt, obligation.status() == ObligationStatus.SENT_LATE));
        if (ResponseMilestones.isIndividual(obligation)) {
            milestones.individualNoticesChanged(obligation.incidentId());
        }
    }

    /** After a dispatch: when no obligation of the incident is left open, the breach process goes on to the review. */
    @Transactional
    void settle(long obligationId) {
        var obligation = require(obligationId);
        boolean allSettled = obligations.findByIncidentIdOrderByTargetDeadline(obligation.incidentId()).stream()
                .allMatch(Obligation::isSettled);
        if (allSettled) {
            breachProcess.obligationsSettled(obligation.incidentId());
        }
    }

    @Transactional
    void remind(long obligationId) {
        var obligation = require(obligationId);
        // Never a reminder for a deadline already passed, nor one whose time had come when the deadline was set.
        if (obligation.isSettled() || obligation.reminderAt() == null || !clock.instant().isBefore(obligation.targetDeadline())) {
            return;
        }
        notifications.queue(exercises.mail(obligation.incidentId(), MailRequest.toGroups(key(obligation, "reminder"), "obligation-reminder",
                List.of("privacy-office"), model(obligation))));
    }

    @Transactional
    void escalate(long obligationId, String privacyLead) {
        var obligation = require(obligationId);
        if (obligation.isSettled()) {
            return;
        }
        notifications.queue(exercises.mail(obligation.incidentId(), new MailRequest(key(obligation, "escalation"), "obligation-escalation",
                privacyLead == null || privacyLead.isBlank() ? List.of() : List.of(privacyLead), List.of("ciso"), model(obligation))));
    }

    @Transactional
    void missed(long obligationId) {
        var obligation = require(obligationId);
        if (obligation.isSettled()) {
            return;
        }
        obligation.missed();
        notifications.queue(exercises.mail(obligation.incidentId(), MailRequest.toGroups(key(obligation, "missed"), "obligation-missed",
                List.of("ciso", "managers"), model(obligation))));
    }

    /** One mail per obligation, kind and deadline: a moved deadline may remind again, a re-run never does. */
    private static String key(Obligation obligation, String kind) {
        return "obligation:" + obligation.id() + ":" + kind + ":" + obligation.targetDeadline().getEpochSecond();
    }

    /** Whom the notice goes to in the words of its Tasklist card; the deadline as an instant, which the mail says in the company zone. */
    private Map<String, String> model(Obligation obligation) {
        return Map.of(
                "obligationId", Long.toString(obligation.id()),
                "incidentId", Long.toString(obligation.incidentId()),
                "recipient", cards.recipient(obligation),
                "deadline", obligation.targetDeadline().toString(),
                "link", links.tasklist());
    }
}
