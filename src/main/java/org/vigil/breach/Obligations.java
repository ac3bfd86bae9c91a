package org.vigil.breach;

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
    private final Clock clock;

    Obligations(ObligationRepository obligations, NotificationObligationProcess process, BreachResponseProcess breachProcess,
            Notifications notifications, BreachLinks links, ApplicationEventPublisher events, ResponseMilestones milestones, Clock clock) {
        this.obligations = obligations;
        this.process = process;
        this.breachProcess = breachProcess;
        this.notifications = notifications;
        this.links = links;
        this.events = events;
        this.milestones = milestones;
        this.clock = clock;
    }

    /** Stores the plan's duties as obligations; starts a notification process for each new one. Safe to re-run. */
    @Transactional
    List<Long> apply(long incidentId, PlanResult plan) {
        List<Long> started = new ArrayList<>();
        for (PlannedDuty duty : plan.duties()) {
            var existing = obligations.findByIncidentIdAndRuleIdAndJurisdiction(incidentId, duty.ruleId(), duty.jurisdiction())
                    .or(() -> obligations.findLegacy(incidentId, duty.recipient(), duty.jurisdiction()));
            if (existing.isPresent() && existing.get().status() == ObligationStatus.WITHDRAWN) {
                // Back in the plan after a withdrawal: owed again, with a process of its own again.
                var obligation = existing.get();
                obligation.replan(duty, plan.catalogVersion());
                obligation.reopen(clock.instant());
                obligation.startedAs(process.start(obligation.id(), incidentId));
                track(obligation);
                started.add(obligation.id());
                continue;
            }
            if (existing.isPresent()) {
                var obligation = existing.get();
                if (obligation.replan(duty, plan.catalogVersion()) && obligation.processInstanceId() != null) {
                    process.moveTimers(obligation.processInstanceId(), Date.from(obligation.reminderAt()),
                            Date.from(obligation.escalationAt()), Date.from(obligation.targetDeadline()),
                            obligation.holdUntil() == null ? null : Date.from(obligation.holdUntil()));
                    track(obligation);
                }
                continue;
            }
            var obligation = obligations.saveAndFlush(new Obligation(incidentId, duty, plan.catalogVersion(), clock.instant()));
            obligation.startedAs(process.start(obligation.id(), incidentId));
            track(obligation);
            started.add(obligation.id());
        }
        withdrawWhatThePlanNoLongerHas(incidentId, plan);
        return started;
    }

    /** Facts changed: a duty the plan no longer finds is withdrawn and its process ended; a sent notice stays. */
    private void withdrawWhatThePlanNoLongerHas(long incidentId, PlanResult plan) {
        var planned = plan.duties().stream().map(duty -> duty.ruleId() + "/" + duty.jurisdiction()).collect(java.util.stream.Collectors.toSet());
        boolean withdrawn = false;
        for (var obligation : obligations.findByIncidentIdOrderByTargetDeadline(incidentId)) {
            if (obligation.isSettled() || planned.contains(obligation.ruleId() + "/" + obligation.jurisdiction())) {
                continue;
            }
            obligation.withdraw(clock.instant(), plan.catalogVersion());
            if (obligation.processInstanceId() != null) {
                process.end(obligation.processInstanceId(), "withdrawn: no longer in the notification plan");
            }
            events.publishEvent(new ObligationWithdrawn(obligation.id(), incidentId));
            withdrawn = true;
        }
        if (withdrawn) {
            // The duty withdrawn may have been the last individual notice still unsent.
            milestones.individualNoticesChanged(incidentId);
        }
        if (withdrawn && obligations.findByIncidentIdOrderByTargetDeadline(incidentId).stream().allMatch(Obligation::isSettled)) {
            breachProcess.obligationsSettled(incidentId);
        }
    }

    /** Every obligation is a deadline others watch (the SLA dashboard): announced when planned, moved or owed again. */
    private void track(Obligation obligation) {
        events.publishEvent(new ObligationScheduled(obligation.id(), obligation.incidentId(), obligation.recipient(),
                obligation.jurisdiction(),
                "Notice to " + obligation.recipient() + " (" + obligation.jurisdiction() + "), incident " + obligation.incidentId(),
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
        events.publishEvent(new NoticeDispatched(obligation.id(), obligation.incidentId(), obligation.ruleId(), obligation.recipient(),
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
        if (obligation.isSettled()) {
            return;
        }
        notifications.queue(MailRequest.toGroups(key(obligation, "reminder"), "obligation-reminder",
                List.of("privacy-office"), model(obligation)));
    }

    @Transactional
    void escalate(long obligationId, String privacyLead) {
        var obligation = require(obligationId);
        if (obligation.isSettled()) {
            return;
        }
        notifications.queue(new MailRequest(key(obligation, "escalation"), "obligation-escalation",
                privacyLead == null || privacyLead.isBlank() ? List.of() : List.of(privacyLead), List.of("ciso"), model(obligation)));
    }

    @Transactional
    void missed(long obligationId) {
        var obligation = require(obligationId);
        if (obligation.isSettled()) {
            return;
        }
        obligation.missed();
        notifications.queue(MailRequest.toGroups(key(obligation, "missed"), "obligation-missed",
                List.of("ciso", "managers"), model(obligation)));
    }

    /** One mail per obligation, kind and deadline: a moved deadline may remind again, a re-run never does. */
    private static String key(Obligation obligation, String kind) {
        return "obligation:" + obligation.id() + ":" + kind + ":" + obligation.targetDeadline().getEpochSecond();
    }

    private Map<String, String> model(Obligation obligation) {
        return Map.of(
                "obligationId", Long.toString(obligation.id()),
                "incidentId", Long.toString(obligation.incidentId()),
                "recipient", obligation.recipient(),
                "jurisdiction", obligation.jurisdiction(),
                "deadline", obligation.targetDeadline().toString(),
                "link", links.tasklist());
    }
}
