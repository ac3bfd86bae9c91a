package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewText.entitlementKey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.accessreview.AccessReviewApi.CampaignOpened;
import org.vigil.accessreview.AccessReviewStore.NewItem;
import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.CampaignRow;
import org.vigil.accessreview.Rows.EntitlementRow;
import org.vigil.accessreview.Rows.RosterEntry;
import org.vigil.accessreview.Rows.SnapshotRow;
import org.vigil.accessreview.Rows.SystemRow;
import org.vigil.platform.PeopleDirectory;

/**
 * Starting and opening review campaigns (processes/access-review.bpmn): who may start one, and the opening that
 * freezes the snapshots in scope, flags every entitlement and assigns its reviewers. Models read a campaign's
 * reviewers and systems as {@code ${reviewCampaigns.reviewersOf(campaignId)}}.
 */
@Service
public class ReviewCampaigns {

    private static final Logger log = LoggerFactory.getLogger(ReviewCampaigns.class);

    private final AccessReviewStore store;
    private final AccessReviewPolicy policy;
    private final AccessReviewSettings settings;
    private final AccessReviewProcess reviewProcess;
    private final PeopleDirectory people;
    private final Clock clock;

    ReviewCampaigns(AccessReviewStore store, AccessReviewPolicy policy, AccessReviewSettings settings,
            AccessReviewProcess reviewProcess, PeopleDirectory people, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.settings = settings;
        this.reviewProcess = reviewProcess;
        this.people = people;
        this.clock = clock;
    }

    /** A manager asks for a campaign now; the process opens it. Returns the process instance id. */
    public String requestCampaign(String startedBy, boolean changesOnly, List<String> systems) {
        requireStarter(startedBy);
        if (systems != null) {
            Set<String> known = store.systems().stream().map(SystemRow::id).collect(Collectors.toSet());
            systems.stream().filter(s -> !known.contains(s)).findFirst().ifPresent(s -> {
                throw new IllegalArgumentException("systems: a system is not in the register of PHI systems");
            });
        }
        return reviewProcess.start(startedBy, changesOnly, systems == null || systems.isEmpty() ? null : String.join(",", systems));
    }

    /** Whether this user may start a campaign (null: the quarterly timer may). Not transactional: a no leaves nothing to roll back. */
    public boolean mayStart(String startedBy) {
        return startedBy == null || people.mayStart(startedBy, AccessReviewProcess.KEY);
    }

    private void requireStarter(String startedBy) {
        if (!mayStart(startedBy)) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "Only managers or the CISO start an access review; "
                    + startedBy + " is neither. Reviews also start on their own every quarter.");
        }
    }

    /**
     * Opens the campaign of a process instance: freezes the latest snapshot of every system in scope and the
     * roster, flags every entitlement and assigns its reviewers. Safe to run twice for the same instance.
     *
     * @param startedBy the manager who asked, or null when the quarterly timer started it
     * @param systemIds comma-separated system ids, or null for the whole register
     */
    @Transactional
    public CampaignOpened openCampaign(String processInstanceId, String startedBy, boolean changesOnly, String systemIds) {
        var existing = store.campaignOfProcess(processInstanceId);
        if (existing.isPresent()) {
            return opened(existing.get());
        }
        requireStarter(startedBy);
        Instant startedAt = clock.instant();
        ZonedDateTime start = startedAt.atZone(clock.getZone());
        Instant dueAt = start.plus(settings.reviewPeriod()).toInstant();
        Instant remindAt = dueAt.atZone(clock.getZone()).minus(settings.reminderBefore()).toInstant();
        Instant closesAt = dueAt.atZone(clock.getZone()).plus(settings.closeAfterDue()).toInstant();
        var roster = store.latestSnapshot(SnapshotKind.ROSTER.name(), null);
        long campaignId = store.insertCampaign(processInstanceId, changesOnly, startedBy == null ? "timer" : startedBy,
                startedAt, dueAt, remindAt, closesAt, roster.map(SnapshotRow::id).orElse(null));
        roster.ifPresent(r -> store.insertCampaignSnapshot(campaignId, r));
        Map<String, RosterEntry> people = roster.map(r -> store.roster(r.id())).orElse(List.of()).stream()
                .collect(Collectors.toMap(RosterEntry::personId, e -> e));
        var assignment = ReviewerAssignment.over(people.values(), policy.fallbackReviewer());

        Set<String> scope = systemIds == null || systemIds.isBlank() ? null : Set.of(systemIds.split(","));
        List<NewItem> items = new ArrayList<>();
        LocalDate dormantBefore = start.toLocalDate().minusDays(policy.dormantAfterDays());
        for (SystemRow system : store.systems()) {
            if (scope != null && !scope.contains(system.id())) {
                continue;
            }
            var snapshot = store.latestSnapshot(SnapshotKind.ENTITLEMENTS.name(), system.id());
            if (snapshot.isEmpty()) {
                log.warn("Campaign {}: no entitlement snapshot of {} yet, not in scope", campaignId, system.id());
                continue;
            }
            store.insertCampaignSnapshot(campaignId, snapshot.get());
            List<EntitlementRow> rows = store.entitlements(snapshot.get().id());
            Set<String> previous = store.previousCampaignFor(system.id(), campaignId)
                    .map(c -> (Set<String>) new HashSet<>(store.reviewedKeys(c, system.id()))).orElse(null);
            Map<String, Set<String>> heldByPerson = new HashMap<>();
            rows.stream().filter(r -> r.personId() != null).forEach(r -> heldByPerson
                    .computeIfAbsent(r.personId(), p -> new HashSet<>()).add(system.id() + "/" + r.entitlement()));
            for (EntitlementRow row : rows) {
                boolean isNew = previous != null && !previous.contains(entitlementKey(row.account(), row.entitlement()));
                if (changesOnly && previous != null && !isNew) {
                    continue;
                }
                String flags = flags(row, people, dormantBefore, isNew, heldByPerson, system);
                for (var assigned : assignment.reviewersOf(row.personId(), row.managerId(), row.privileged(),
                        system.ownerId(), system.deputyId())) {
                    items.add(item(row, flags, assigned.role(), assigned.reviewerId()));
                }
            }
        }
        store.insertItems(campaignId, items);
        store.setItemCount(campaignId, items.size());
        Set<String> reviewers = items.stream().map(NewItem::reviewerId).collect(Collectors.toCollection(TreeSet::new));
        store.insertReviewers(campaignId, reviewers);
        log.info("Campaign {} opened: {} items, {} reviewers, due {}", campaignId, items.size(), reviewers.size(), dueAt);
        return new CampaignOpened(campaignId, items.size(), reviewers.size(), dueAt, remindAt, closesAt);
    }

    private CampaignOpened opened(CampaignRow c) {
        return new CampaignOpened(c.id(), c.itemCount(), store.reviewers(c.id()).size(), c.dueAt(), c.remindAt(), c.closesAt());
    }

    private static NewItem item(EntitlementRow row, String flags, String role, String reviewer) {
        return new NewItem(row.id(), row.systemId(), row.account(), row.personId(), row.entitlement(), row.privileged(),
                row.lastLogin(), flags, role, reviewer);
    }

    private String flags(EntitlementRow row, Map<String, RosterEntry> roster, LocalDate dormantBefore, boolean isNew,
            Map<String, Set<String>> heldByPerson, SystemRow system) {
        List<String> flags = new ArrayList<>();
        RosterEntry person = row.personId() == null ? null : roster.get(row.personId());
        if (person == null) {
            flags.add("ORPHANED");
        } else if (person.terminated()) {
            flags.add("TERMINATED");
        }
        if (row.lastLogin() == null || row.lastLogin().isBefore(dormantBefore)) {
            flags.add("DORMANT");
        }
        if (row.privileged()) {
            flags.add("PRIVILEGED");
        }
        if (row.personId() != null) {
            String mine = system.id() + "/" + row.entitlement();
            Set<String> held = heldByPerson.getOrDefault(row.personId(), Set.of());
            boolean conflict = policy.sodConflicts().stream().anyMatch(c ->
                    (c.a().equals(mine) && held.contains(c.b())) || (c.b().equals(mine) && held.contains(c.a())));
            if (conflict) {
                flags.add("SOD_CONFLICT");
            }
        }
        if (isNew) {
            flags.add("NEW");
        }
        return String.join(",", flags);
    }

    @Transactional(readOnly = true)
    public long campaignOfProcess(String processInstanceId) {
        return store.campaignOfProcess(processInstanceId).map(CampaignRow::id)
                .orElseThrow(() -> new IllegalArgumentException("No campaign for process instance " + processInstanceId));
    }

    /** The reviewers of a campaign, one multi-instance review task each. */
    @Transactional(readOnly = true)
    public List<String> reviewersOf(long campaignId) {
        return store.reviewers(campaignId).stream().map(Rows.ReviewerRow::reviewerId).toList();
    }

    /** The systems in a campaign's scope, one sign-off each. */
    @Transactional(readOnly = true)
    public List<String> systemsOf(long campaignId) {
        return store.systemsOf(campaignId);
    }
}
