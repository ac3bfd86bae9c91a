package org.vigil.accessreview;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.accessreview.AccessReviewApi.BulkDecision;
import org.vigil.accessreview.AccessReviewApi.CampaignFigures;
import org.vigil.accessreview.AccessReviewApi.CampaignOpened;
import org.vigil.accessreview.AccessReviewApi.DecisionInput;
import org.vigil.accessreview.AccessReviewApi.ImportResult;
import org.vigil.accessreview.AccessReviewApi.PhiSystem;
import org.vigil.accessreview.AccessReviewApi.ReviewItem;
import org.vigil.accessreview.AccessReviewStore.NewItem;
import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.CampaignRow;
import org.vigil.accessreview.Rows.EntitlementRow;
import org.vigil.accessreview.Rows.ItemRow;
import org.vigil.accessreview.Rows.RevocationRow;
import org.vigil.accessreview.Rows.RosterEntry;
import org.vigil.accessreview.Rows.SnapshotRow;
import org.vigil.accessreview.Rows.SystemRow;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.PeopleDirectory;

/**
 * The access-review capability's one public service: the system register, snapshot imports, campaigns, decisions,
 * delegation, revocations and the figures for the SLA dashboard. Models call it as {@code ${accessReviews...}}
 * for dates and collections; delegates and listeners call it for everything else.
 */
@Service("accessReviews")
public class AccessReviews {

    private static final Logger log = LoggerFactory.getLogger(AccessReviews.class);
    static final Set<String> DECISIONS = Set.of("KEEP", "REVOKE", "MODIFY");
    static final String OPEN = "OPEN";
    static final String REVIEWS_CLOSED = "REVIEWS_CLOSED";
    static final String CLOSED = "CLOSED";
    static final List<String> STARTER_GROUPS = List.of("managers", "ciso");

    private final AccessReviewStore store;
    private final AccessReviewPolicy policy;
    private final AccessReviewSettings settings;
    private final AccessRevocationProcess revocationProcess;
    private final AccessReviewProcess reviewProcess;
    private final CampaignReportRenderer reports;
    private final Notifications notifications;
    private final PeopleDirectory people;
    private final Clock clock;

    AccessReviews(AccessReviewStore store, AccessReviewPolicy policy, AccessReviewSettings settings,
            AccessRevocationProcess revocationProcess, AccessReviewProcess reviewProcess, CampaignReportRenderer reports,
            Notifications notifications, PeopleDirectory people, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.settings = settings;
        this.revocationProcess = revocationProcess;
        this.reviewProcess = reviewProcess;
        this.reports = reports;
        this.notifications = notifications;
        this.people = people;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the register

    @Transactional(readOnly = true)
    public List<PhiSystem> systems() {
        return store.systems().stream().map(AccessReviews::toApi).toList();
    }

    /** Adds or changes a system of the register. */
    @Transactional
    public PhiSystem saveSystem(PhiSystem system, String by) {
        requireText(system.id(), "id", 64);
        requireText(system.name(), "name", 200);
        requireText(system.owner(), "owner", 64);
        requireText(system.classification(), "classification", 40);
        if (system.deputy() != null && system.deputy().equals(system.owner())) {
            throw new IllegalArgumentException("deputy: must differ from the owner, who is the first reviewer of privileged access");
        }
        store.saveSystem(new SystemRow(system.id(), system.name(), system.owner(), blankToNull(system.deputy()),
                system.classification(), clock.instant(), by));
        return system;
    }

    /** Seeds: adds a system unless the register has it; edits made through the API stay. */
    @Transactional
    boolean seedSystem(PhiSystem system) {
        return store.insertSystemIfMissing(new SystemRow(system.id(), system.name(), system.owner(),
                blankToNull(system.deputy()), system.classification(), clock.instant(), "seed"));
    }

    // ------------------------------------------------------------------ imports

    /**
     * Imports an entitlement snapshot (one snapshot per system in the file) or the HR roster. All or nothing: any bad
     * line rejects the file with every problem and its line number. An entitlement snapshot also verifies the
     * carried-out revocations of its system whose access it no longer holds.
     */
    @Transactional
    public ImportResult importSnapshot(SnapshotKind kind, String contentType, byte[] content, String source, String by) {
        var parsed = SnapshotParser.parse(kind, contentType, content, LocalDate.now(clock));
        Instant now = clock.instant();
        if (kind == SnapshotKind.ROSTER) {
            String checksum = sha256(parsed.roster().stream()
                    .map(r -> String.join(",", r.person(), nz(r.manager()), r.status(), Objects.toString(r.terminatedOn(), "")))
                    .sorted().collect(Collectors.joining("\n")));
            long id = store.insertSnapshot(kind.name(), null, source, by, now, checksum, parsed.roster().size());
            store.insertRoster(id, parsed.roster());
            log.info("Roster snapshot {} imported from {}: {} people", id, source, parsed.roster().size());
            return new ImportResult(kind, List.of(id), parsed.roster().size(), List.of());
        }
        List<ImportProblem> problems = new ArrayList<>();
        Set<String> known = store.systems().stream().map(SystemRow::id).collect(Collectors.toSet());
        for (var row : parsed.entitlements()) {
            if (!known.contains(row.system())) {
                problems.add(new ImportProblem(row.line(), "system", "is not in the register of PHI systems"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(problems);
        }
        Map<String, List<SnapshotParser.EntitlementRow>> bySystem = parsed.entitlements().stream()
                .collect(Collectors.groupingBy(SnapshotParser.EntitlementRow::system, java.util.TreeMap::new, Collectors.toList()));
        List<Long> ids = new ArrayList<>();
        List<Long> verified = new ArrayList<>();
        for (var entry : bySystem.entrySet()) {
            var rows = entry.getValue();
            String checksum = sha256(rows.stream()
                    .map(r -> String.join(",", r.account(), r.entitlement(), nz(r.person()), nz(r.manager()),
                            String.valueOf(r.privileged()), Objects.toString(r.lastLogin(), "")))
                    .sorted().collect(Collectors.joining("\n")));
            long id = store.insertSnapshot(kind.name(), entry.getKey(), source, by, now, checksum, rows.size());
            store.insertEntitlements(id, rows);
            ids.add(id);
            Set<String> present = rows.stream().map(r -> key(r.account(), r.entitlement())).collect(Collectors.toSet());
            for (RevocationRow revocation : store.awaitingVerification(entry.getKey())) {
                if (!present.contains(key(revocation.account(), revocation.entitlement()))
                        && store.verified(revocation.id(), "SNAPSHOT", "snapshot:" + id, now)) {
                    revocationProcess.removalVerifiedBySnapshot(revocation.id());
                    verified.add(revocation.id());
                }
            }
            log.info("Entitlement snapshot {} of {} imported from {}: {} rows, {} revocation(s) verified",
                    id, entry.getKey(), source, rows.size(), verified.size());
        }
        return new ImportResult(kind, ids, parsed.entitlements().size(), verified);
    }

    // ------------------------------------------------------------------ campaigns

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
                boolean isNew = previous != null && !previous.contains(key(row.account(), row.entitlement()));
                if (changesOnly && previous != null && !isNew) {
                    continue;
                }
                String flags = flags(row, people, dormantBefore, isNew, heldByPerson, system);
                String manager = managerOf(row.personId(), row.managerId(), people);
                if (row.privileged()) {
                    String owner = pick(row.personId(), Set.of(), system.ownerId(), system.deputyId(), policy.fallbackReviewer(), manager);
                    String second = pick(row.personId(), Set.of(owner), manager, system.deputyId(), policy.fallbackReviewer(),
                            managerOf(manager, null, people), system.ownerId());
                    items.add(item(row, flags, "OWNER", owner));
                    items.add(item(row, flags, "SECOND", second));
                } else {
                    String reviewer = pick(row.personId(), Set.of(), manager, managerOf(manager, null, people),
                            system.ownerId(), system.deputyId(), policy.fallbackReviewer());
                    items.add(item(row, flags, "MANAGER", reviewer));
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

    private static String managerOf(String personId, String fromSnapshot, Map<String, RosterEntry> roster) {
        RosterEntry entry = personId == null ? null : roster.get(personId);
        return entry != null && entry.managerId() != null ? entry.managerId() : fromSnapshot;
    }

    /** The first candidate who is neither the person under review nor already a reviewer of the same entitlement. */
    private static String pick(String person, Set<String> taken, String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.equals(person) && !taken.contains(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No reviewer other than the person under review (or the first reviewer) for "
                + "an entitlement of " + person + ": set a deputy on the system or a fallback reviewer in the policy");
    }

    // ------------------------------------------------------------------ for the models

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

    @Transactional(readOnly = true)
    public String ownerOf(String systemId) {
        return store.system(systemId).map(SystemRow::ownerId).orElseThrow(() -> new IllegalArgumentException("No system " + systemId));
    }

    /** Sign-off is due {@code signOffPeriod} after the reviews closed (now). */
    public Date signOffDue(long campaignId) {
        return Date.from(clock.instant().atZone(clock.getZone()).plus(settings.signOffPeriod()).toInstant());
    }

    @Transactional(readOnly = true)
    public Date deprovisionDue(long revocationId) {
        return Date.from(revocation(revocationId).dueAt());
    }

    @Transactional(readOnly = true)
    public Date verifyBy(long revocationId) {
        return Date.from(revocation(revocationId).verifyBy());
    }

    // ------------------------------------------------------------------ reviewing

    @Transactional(readOnly = true)
    public List<ReviewItem> items(long campaignId, String reviewerOrNull) {
        campaign(campaignId);
        var rows = reviewerOrNull == null ? store.items(campaignId) : store.itemsOf(campaignId, reviewerOrNull);
        return rows.stream().map(AccessReviews::toApi).toList();
    }

    /** Decisions through the API, by the reviewer who holds the items. */
    @Transactional
    public int decide(long campaignId, String decider, List<DecisionInput> decisions, BulkDecision bulk) {
        CampaignRow campaign = openCampaignForChange(campaignId);
        var reviewer = store.reviewer(campaignId, decider).orElseThrow(() -> new ReviewRefusedException(Kind.FORBIDDEN,
                decider + " is not a reviewer of campaign " + campaignId));
        if (reviewer.completedAt() != null) {
            throw new ReviewRefusedException(Kind.CONFLICT, decider + " completed the review of campaign " + campaignId
                    + " on " + reviewer.completedAt() + "; decisions are final");
        }
        return apply(campaign, decider, decider, decisions == null ? List.of() : decisions, bulk);
    }

    /**
     * A reviewer completes their review task (the form's decisions and bulk decision are applied first). Items left
     * undecided stay open until the campaign closes, and then become exceptions. Revocations are created now.
     *
     * @param decisionLines one decision per line: {@code <item id> keep|revoke|modify [reason]}
     */
    @Transactional
    public int completeReview(long campaignId, String reviewer, String decider, String decisionLines, BulkDecision bulk) {
        CampaignRow campaign = openCampaignForChange(campaignId);
        String by = decider == null ? reviewer : decider;
        if (!by.equals(reviewer)) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "This review belongs to " + reviewer + ", not to " + by
                    + "; reassign the task to yourself first (delegation) if you take it over");
        }
        int applied = apply(campaign, reviewer, by, parseLines(decisionLines), bulk);
        store.markReviewer(campaignId, reviewer, "completed_at", clock.instant());
        createRevocations(campaignId, store.itemsOf(campaignId, reviewer));
        return applied;
    }

    private int apply(CampaignRow campaign, String reviewer, String decider, List<DecisionInput> decisions, BulkDecision bulk) {
        Map<Long, ItemRow> mine = store.itemsOf(campaign.id(), reviewer).stream().collect(Collectors.toMap(ItemRow::id, i -> i));
        Instant now = clock.instant();
        int applied = 0;
        Set<Long> decidedNow = new HashSet<>();
        for (DecisionInput input : decisions) {
            ItemRow item = mine.get(input.item());
            if (item == null) {
                var other = store.item(input.item()).filter(i -> i.campaignId() == campaign.id());
                throw other.isPresent()
                        ? new ReviewRefusedException(Kind.FORBIDDEN, "Item " + input.item() + " is reviewed by "
                                + other.get().reviewerId() + ", not by " + decider)
                        : new IllegalArgumentException("item: campaign " + campaign.id() + " has no item " + input.item());
            }
            String decision = decisionOf(input.decision(), "decision of item " + item.id());
            refuseSelfReview(item, decider);
            requireReason(item, decision, input.reason(), campaign);
            store.decide(item.id(), decision, blankToNull(input.reason()), decider, now);
            decidedNow.add(item.id());
            applied++;
        }
        if (bulk != null && bulk.decision() != null && !bulk.decision().isBlank()) {
            String decision = decisionOf(bulk.decision(), "bulk decision");
            boolean all = "all".equalsIgnoreCase(bulk.scope());
            if (!all && bulk.scope() != null && !bulk.scope().isBlank() && !"unflagged".equalsIgnoreCase(bulk.scope())) {
                throw new IllegalArgumentException("bulk scope: must be 'unflagged' or 'all'");
            }
            List<ItemRow> targets = mine.values().stream()
                    .filter(i -> i.decision() == null && !decidedNow.contains(i.id()))
                    .filter(i -> all || i.flags().isEmpty())
                    .sorted(Comparator.comparing(ItemRow::id)).toList();
            for (ItemRow item : targets) {
                refuseSelfReview(item, decider);
                requireReason(item, decision, bulk.reason(), campaign);
            }
            for (ItemRow item : targets) {
                store.decide(item.id(), decision, blankToNull(bulk.reason()), decider, now);
                applied++;
            }
        }
        return applied;
    }

    private static void refuseSelfReview(ItemRow item, String decider) {
        if (decider.equals(item.personId())) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "You cannot review your own access: item " + item.id()
                    + " (" + item.systemId() + ", " + item.entitlement() + ") belongs to " + decider
                    + ". Delegate it to another manager or ask the CISO.");
        }
    }

    private void requireReason(ItemRow item, String decision, String reason, CampaignRow campaign) {
        if (reason != null && !reason.isBlank()) {
            if (reason.length() > 1000) {
                throw new IllegalArgumentException("reason of item " + item.id() + ": longer than 1000 characters");
            }
            return;
        }
        boolean dormant = item.flags().contains("DORMANT");
        if (!decision.equals("KEEP")) {
            throw new IllegalArgumentException("reason of item " + item.id() + ": required to " + decision.toLowerCase(Locale.ROOT) + " access");
        }
        if (item.privileged() || dormant) {
            throw new IllegalArgumentException("reason of item " + item.id() + ": required to keep "
                    + (item.privileged() ? "privileged" : "dormant") + " access ("
                    + (dormant ? "no login for " + policy.dormantAfterDays() + " days" : "administrator rights") + ")");
        }
    }

    private static String decisionOf(String text, String field) {
        String decision = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        if (!DECISIONS.contains(decision)) {
            throw new IllegalArgumentException(field + ": must be keep, revoke or modify");
        }
        return decision;
    }

    static List<DecisionInput> parseLines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<DecisionInput> inputs = new ArrayList<>();
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+", 3);
            if (parts.length < 2 || !parts[0].matches("\\d{1,18}")) {
                throw new IllegalArgumentException("decisions, line " + number + ": write '<item id> keep|revoke|modify <reason>', not '"
                        + line.strip() + "'");
            }
            inputs.add(new DecisionInput(Long.parseLong(parts[0]), parts[1], parts.length > 2 ? parts[2] : null));
        }
        return inputs;
    }

    /**
     * A reviewer hands their review to another manager (in Tasklist: reassign the task). Refused when the new
     * reviewer would review their own access, is the other reviewer of a privileged entitlement, already reviews
     * in this campaign, or is not a manager.
     */
    @Transactional
    public void delegate(long campaignId, String from, String to) {
        if (to == null || to.isBlank() || to.equals(from)) {
            return;
        }
        openCampaignForChange(campaignId);
        if (STARTER_GROUPS.stream().noneMatch(group -> people.membersOf(group).contains(to))) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "A review can be delegated to a manager only; " + to + " is not one");
        }
        var items = store.itemsOf(campaignId, from);
        for (ItemRow item : items) {
            if (to.equals(item.personId())) {
                throw new ReviewRefusedException(Kind.FORBIDDEN, "Nobody reviews their own access: " + to
                        + " holds item " + item.id() + " (" + item.systemId() + ", " + item.entitlement() + ") of this review");
            }
        }
        if (store.reviewer(campaignId, to).isPresent()) {
            throw new ReviewRefusedException(Kind.CONFLICT, to + " already reviews in campaign " + campaignId
                    + "; delegate to a manager who does not");
        }
        Set<Long> privileged = items.stream().filter(ItemRow::privileged).map(ItemRow::entitlementId).collect(Collectors.toSet());
        if (!privileged.isEmpty() && store.items(campaignId).stream()
                .anyMatch(i -> privileged.contains(i.entitlementId()) && to.equals(i.reviewerId()))) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, to + " is already the other reviewer of privileged access in "
                    + "this review; privileged access needs two different reviewers");
        }
        store.delegateReviewer(campaignId, from, to);
        log.info("Campaign {}: review delegated from {} to {}", campaignId, from, to);
    }

    // ------------------------------------------------------------------ reminders and escalation

    /** Reminds a reviewer who has not completed, 7 days before the due date. */
    @Transactional
    public boolean remindReviewer(long campaignId, String reviewer) {
        CampaignRow campaign = campaign(campaignId);
        var row = store.reviewer(campaignId, reviewer);
        if (row.isEmpty() || row.get().completedAt() != null || !OPEN.equals(campaign.status())) {
            return false;
        }
        if (people.emailOf(reviewer).isEmpty()) {
            // Nobody to remind by e-mail; the escalation at the due date still reaches the CISO.
            log.warn("Campaign {}: reviewer {} has no e-mail address, no reminder sent", campaignId, reviewer);
            return false;
        }
        long undecided = store.itemsOf(campaignId, reviewer).stream().filter(i -> i.decision() == null).count();
        boolean queued = notifications.queue(new MailRequest("access-review:" + campaignId + ":" + reviewer + ":reminder",
                "access-review-reminder", List.of(reviewer), List.of(), Map.of(
                        "campaignId", String.valueOf(campaignId), "due", campaign.dueAt().atZone(clock.getZone()).toString(),
                        "undecided", String.valueOf(undecided), "link", "/camunda/app/tasklist/")));
        store.markReviewer(campaignId, reviewer, "reminded_at", clock.instant());
        return queued;
    }

    /** Tells the reviewer's manager and the CISO that a review is overdue. */
    @Transactional
    public boolean escalateOverdueReview(long campaignId, String reviewer) {
        CampaignRow campaign = campaign(campaignId);
        var row = store.reviewer(campaignId, reviewer);
        if (row.isEmpty() || row.get().completedAt() != null || !OPEN.equals(campaign.status())) {
            return false;
        }
        Map<String, RosterEntry> roster = campaign.rosterSnapshotId() == null ? Map.of()
                : store.roster(campaign.rosterSnapshotId()).stream().collect(Collectors.toMap(RosterEntry::personId, e -> e));
        String manager = managerOf(reviewer, null, roster);
        long undecided = store.itemsOf(campaignId, reviewer).stream().filter(i -> i.decision() == null).count();
        boolean queued = notifications.queue(new MailRequest("access-review:" + campaignId + ":" + reviewer + ":overdue",
                "access-review-overdue", manager == null ? List.of() : List.of(manager), List.of("ciso"), Map.of(
                        "campaignId", String.valueOf(campaignId), "reviewer", reviewer,
                        "due", campaign.dueAt().atZone(clock.getZone()).toString(),
                        "undecided", String.valueOf(undecided), "closes", campaign.closesAt().atZone(clock.getZone()).toString())));
        store.markReviewer(campaignId, reviewer, "escalated_at", clock.instant());
        return queued;
    }

    // ------------------------------------------------------------------ closing

    /** Ends the review window: undecided items become exceptions, every revoke gets its revocation. */
    @Transactional
    public int closeReviews(long campaignId) {
        CampaignRow campaign = store.lockCampaign(campaignId).orElseThrow(() -> notFound(campaignId));
        if (!OPEN.equals(campaign.status())) {
            return (int) store.counts(campaignId).exceptions();
        }
        int exceptions = store.markUndecidedAsExceptions(campaignId);
        createRevocations(campaignId, store.items(campaignId));
        store.setStatus(campaignId, REVIEWS_CLOSED);
        log.info("Campaign {}: reviews closed, {} item(s) undecided and flagged as exceptions", campaignId, exceptions);
        return exceptions;
    }

    /** Revocations (ids) of a campaign, or of one reviewer's items, for the process to start their de-provisioning. */
    @Transactional(readOnly = true)
    public List<Long> revocationIds(long campaignId, String reviewerOrNull) {
        return reviewerOrNull == null ? store.revocations(campaignId).stream().map(RevocationRow::id).toList()
                : store.revocationIdsOf(campaignId, reviewerOrNull);
    }

    @Transactional
    public void signOff(long campaignId, String systemId, String by, String comment) {
        CampaignRow campaign = campaign(campaignId);
        if (CLOSED.equals(campaign.status())) {
            throw closed(campaignId);
        }
        String owner = ownerOf(systemId);
        if (by != null && !by.equals(owner)) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "The sign-off of " + systemId + " belongs to its owner " + owner
                    + ", not to " + by);
        }
        store.signOff(campaignId, systemId, owner, clock.instant(), blankToNull(comment));
    }

    /** Closes the campaign for good: renders and keeps the report; from now on the campaign is read-only. */
    @Transactional
    public String close(long campaignId) {
        CampaignRow campaign = store.lockCampaign(campaignId).orElseThrow(() -> notFound(campaignId));
        if (CLOSED.equals(campaign.status())) {
            return campaign.reportSha256();
        }
        if (OPEN.equals(campaign.status())) {
            closeReviews(campaignId);
        }
        Instant now = clock.instant();
        String html = reports.render(campaign, now, store.campaignSnapshots(campaignId), store.systems(),
                store.reviewers(campaignId), store.items(campaignId), store.revocations(campaignId),
                store.signOffs(campaignId), figures(campaignId));
        String sha = sha256(html);
        store.closeCampaign(campaignId, now, html, sha);
        log.info("Campaign {} closed; report sha256 {}", campaignId, sha);
        return sha;
    }

    @Transactional(readOnly = true)
    public String report(long campaignId) {
        campaign(campaignId);
        return store.report(campaignId).orElseThrow(() -> new ReviewRefusedException(Kind.CONFLICT,
                "Campaign " + campaignId + " is not closed yet; its report exists once it is"));
    }

    // ------------------------------------------------------------------ revocations

    @Transactional
    public void deprovisioned(long revocationId, String by) {
        revocation(revocationId);
        store.deprovisioned(revocationId, by == null ? "it-operations" : by, clock.instant());
    }

    /** Someone confirms by hand that the access is gone; not the person who removed it. */
    @Transactional
    public void verifiedByHand(long revocationId, String by) {
        RevocationRow revocation = revocation(revocationId);
        if (revocation.verifiedAt() != null) {
            return;
        }
        if (by != null && by.equals(revocation.deprovisionedBy())) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, by + " removed this access and cannot verify it too; "
                    + "someone else confirms it, or the next snapshot does");
        }
        store.verified(revocationId, "HAND", by == null ? "unknown" : by, clock.instant());
    }

    @Transactional
    public boolean escalateUnverified(long revocationId) {
        RevocationRow revocation = revocation(revocationId);
        if (revocation.verifiedAt() != null) {
            return false;
        }
        boolean queued = notifications.queue(MailRequest.toGroups("access-revocation:" + revocationId + ":unverified",
                "access-revocation-unverified", List.of("ciso", "it-operations"), Map.of(
                        "revocationId", String.valueOf(revocationId), "campaignId", String.valueOf(revocation.campaignId()),
                        "system", revocation.systemId(), "due", revocation.dueAt().atZone(clock.getZone()).toString(),
                        "state", revocation.deprovisionedAt() == null ? "not yet removed" : "removed, not verified")));
        store.revocationEscalated(revocationId, clock.instant());
        return queued;
    }

    private void createRevocations(long campaignId, Collection<ItemRow> items) {
        Instant now = clock.instant();
        for (ItemRow item : items) {
            if ("REVOKE".equals(item.decision())) {
                Instant decidedAt = item.decidedAt() == null ? now : item.decidedAt();
                Instant due = policy.plusWorkingDays(decidedAt, policy.deprovisioningWorkingDays(item.privileged()), clock.getZone());
                Instant verifyBy = policy.plusWorkingDays(due, policy.verifyWithinWorkingDays(), clock.getZone());
                store.insertRevocationIfMissing(item, item.decidedBy(), decidedAt, due, verifyBy);
            }
        }
    }

    // ------------------------------------------------------------------ figures

    /** Completion, overdue reviewers and revoke-to-verified times of a campaign, for the SLA dashboard. */
    @Transactional(readOnly = true)
    public CampaignFigures figures(long campaignId) {
        CampaignRow campaign = campaign(campaignId);
        var counts = store.counts(campaignId);
        var reviewers = store.reviewers(campaignId);
        Instant now = clock.instant();
        List<String> overdue = OPEN.equals(campaign.status()) && now.isAfter(campaign.dueAt())
                ? reviewers.stream().filter(r -> r.completedAt() == null).map(Rows.ReviewerRow::reviewerId).toList()
                : List.of();
        var revocations = store.revocations(campaignId);
        List<Duration> times = revocations.stream().filter(r -> r.verifiedAt() != null)
                .map(r -> Duration.between(r.decidedAt(), r.verifiedAt())).sorted().toList();
        int overdueRevocations = (int) revocations.stream()
                .filter(r -> r.verifiedAt() == null && now.isAfter(r.verifyBy())).count();
        return new CampaignFigures(campaignId, campaign.status(), campaign.startedAt(), campaign.dueAt(), counts.items(),
                counts.decided(), counts.items() == 0 ? 1.0 : (double) counts.decided() / counts.items(), reviewers.size(),
                (int) reviewers.stream().filter(r -> r.completedAt() != null).count(), overdue, counts.exceptions(),
                revocations.size(), times.size(), overdueRevocations,
                times.isEmpty() ? null : times.get(times.size() / 2), times.isEmpty() ? null : times.get(times.size() - 1));
    }

    /** Figures of every campaign, newest first. */
    @Transactional(readOnly = true)
    public List<CampaignFigures> figures() {
        return store.campaigns().stream().map(c -> figures(c.id())).toList();
    }

    @Transactional(readOnly = true)
    public long campaignOfProcess(String processInstanceId) {
        return store.campaignOfProcess(processInstanceId).map(CampaignRow::id)
                .orElseThrow(() -> new IllegalArgumentException("No campaign for process instance " + processInstanceId));
    }

    // ------------------------------------------------------------------ helpers

    private CampaignRow campaign(long id) {
        return store.campaign(id).orElseThrow(() -> notFound(id));
    }

    private CampaignRow openCampaignForChange(long id) {
        CampaignRow campaign = store.lockCampaign(id).orElseThrow(() -> notFound(id));
        if (!OPEN.equals(campaign.status())) {
            throw closed(id);
        }
        return campaign;
    }

    private RevocationRow revocation(long id) {
        return store.revocation(id).orElseThrow(() -> new IllegalArgumentException("No revocation " + id));
    }

    private static ReviewRefusedException closed(long id) {
        return new ReviewRefusedException(Kind.CONFLICT, "Campaign " + id + " is closed for review and read-only");
    }

    static NoSuchCampaignException notFound(long id) {
        return new NoSuchCampaignException(id);
    }

    private static String key(String account, String entitlement) {
        return account + "\u0000" + entitlement;
    }

    private static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": longer than " + max + " characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PhiSystem toApi(SystemRow s) {
        return new PhiSystem(s.id(), s.name(), s.ownerId(), s.deputyId(), s.classification());
    }

    private static ReviewItem toApi(ItemRow i) {
        return new ReviewItem(i.id(), i.systemId(), i.account(), i.personId(), i.entitlement(), i.privileged(), i.lastLogin(),
                i.flags().isEmpty() ? List.of() : Arrays.asList(i.flags().split(",")), i.reviewRole(), i.reviewerId(),
                i.decision(), i.reason(), i.decidedBy(), i.decidedAt(), i.exception());
    }
}
