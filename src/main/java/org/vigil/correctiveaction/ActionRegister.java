package org.vigil.correctiveaction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.correctiveaction.events.CorrectiveActionRaised;
import org.vigil.platform.PeopleDirectory;

/**
 * {@link CorrectiveActions}: records a raised action (its description encrypted), starts its process and announces it.
 * The source is the idempotency key: raising the same type and reference again, by a retried job or a second click,
 * gives the first action and starts nothing.
 */
@Service
class ActionRegister implements CorrectiveActions {

    private static final Logger log = LoggerFactory.getLogger(ActionRegister.class);
    static final Set<String> SOURCE_TYPES = Set.of(ActionSource.AUDIT_FINDING, ActionSource.INCIDENT_REVIEW, ActionSource.EXERCISE_GAP,
            ActionSource.MANAGEMENT_REVIEW, ActionSource.RISK_TREATMENT, ActionSource.MANUAL);
    /** References are ids joined by colons ({@code audit:12:finding:40}): never free text, which could hold patient data. */
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:._-]{0,199}");
    static final int DESCRIPTION_MAX = 10_000;

    private final ActionStore store;
    private final ActionSchedule schedule;
    private final SeverityPolicy policy;
    private final CorrectiveActionProcess process;
    private final PeopleDirectory people;
    private final CorrectiveActionSettings settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ActionRegister(ActionStore store, ActionSchedule schedule, SeverityPolicy policy, CorrectiveActionProcess process,
            PeopleDirectory people, CorrectiveActionSettings settings, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.schedule = schedule;
        this.policy = policy;
        this.process = process;
        this.people = people;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long raise(RaiseAction request) {
        validate(request);
        ActionSource source = request.source();
        var existing = store.idOfSource(source.type(), source.reference());
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant raisedAt = clock.instant();
        Instant dueAt = request.dueDate() == null ? schedule.dueFrom(raisedAt, request.severity()) : schedule.closeOf(request.dueDate());
        String owner = request.owner() == null || request.owner().isBlank() ? null : request.owner().strip();
        long id;
        try {
            id = store.insert(source.type(), source.reference(), request.severity(), request.ownerGroup(), request.description().strip(),
                    request.raisedBy(), raisedAt, dueAt, request.repeatOf(), request.exercise(), owner,
                    raisedAt.atZone(clock.getZone()).toLocalDate().plusYears(settings.retainYears()));
        } catch (DuplicateKeyException raisedMeanwhile) {
            // Another node raised the same source between the look-up and the insert: theirs is the action.
            return store.idOfSource(source.type(), source.reference()).orElseThrow(() -> raisedMeanwhile);
        }
        String instance = process.start(id, request.severity(), request.ownerGroup(), checkerGroupFor(source.type()), dueAt,
                schedule.remindAt(dueAt, request.severity()));
        store.started(id, instance);
        events.publishEvent(new CorrectiveActionRaised(id, source.type(), source.reference(), request.severity(), request.ownerGroup(),
                raisedAt, dueAt, request.exercise()));
        log.info("Corrective action {} raised ({} {}, {}), due {}", id, source.type(), source.reference(), request.severity(), dueAt);
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ActionSummary> summary(long actionId) {
        return store.find(actionId).map(ActionStore.ActionRow::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ActionSummary> bySource(String sourceType, String referencePrefix) {
        return store.bySource(sourceType, referencePrefix).stream().map(ActionStore.ActionRow::summary).toList();
    }

    /** Who checks effectiveness: the auditors for an audit's finding, else the CISO's group (settings). */
    String checkerGroupFor(String sourceType) {
        return ActionSource.AUDIT_FINDING.equals(sourceType) ? settings.auditFindingCheckerGroup() : settings.checkerGroup();
    }

    /** Bad input is an IllegalArgumentException whose message starts with the field's name and never quotes the value. */
    private void validate(RaiseAction request) {
        if (request == null) {
            throw new IllegalArgumentException("body: the action is missing");
        }
        ActionSource source = request.source();
        if (source == null) {
            throw new IllegalArgumentException("source: is required");
        }
        if (source.type() == null || !SOURCE_TYPES.contains(source.type())) {
            throw new IllegalArgumentException("source.type: must be one of " + String.join(", ", SOURCE_TYPES.stream().sorted().toList()));
        }
        if (source.reference() == null || !REFERENCE.matcher(source.reference()).matches()) {
            throw new IllegalArgumentException("source.reference: must be ids joined by colons (letters, digits, : . _ -), at most 200 characters");
        }
        if (!SeverityPolicy.isKnown(request.severity())) {
            throw new IllegalArgumentException("severity: must be one of " + String.join(", ", SeverityPolicy.SEVERITIES));
        }
        policy.of(request.severity());
        if (!people.isWorkflowGroup(request.ownerGroup())) {
            throw new IllegalArgumentException("ownerGroup: is not a group of Vigil's users");
        }
        if (request.description() == null || request.description().isBlank()) {
            throw new IllegalArgumentException("description: must not be blank");
        }
        if (request.description().length() > DESCRIPTION_MAX) {
            throw new IllegalArgumentException("description: must be at most " + DESCRIPTION_MAX + " characters");
        }
        if (request.raisedBy() == null || request.raisedBy().isBlank()) {
            throw new IllegalArgumentException("raisedBy: is required");
        }
        if (request.repeatOf() != null && store.find(request.repeatOf()).isEmpty()) {
            throw new IllegalArgumentException("repeatOf: no corrective action " + request.repeatOf());
        }
        if (request.dueDate() != null && request.dueDate().isBefore(clock.instant().atZone(clock.getZone()).toLocalDate())) {
            throw new IllegalArgumentException("dueDate: must not be in the past");
        }
        if (request.owner() != null && !request.owner().isBlank() && !people.membersOf(request.ownerGroup()).contains(request.owner().strip())) {
            throw new IllegalArgumentException("owner: must be a member of " + people.groupNameOf(request.ownerGroup()));
        }
    }
}
