package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewText.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.accessreview.AccessReviewApi.BulkDecision;
import org.vigil.accessreview.AccessReviewApi.DecisionInput;
import org.vigil.accessreview.AccessReviewApi.ReviewItem;
import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.CampaignRow;
import org.vigil.accessreview.Rows.ItemRow;
import org.vigil.accessreview.events.ReviewDecided;
import org.vigil.platform.PeopleDirectory;

/**
 * What a reviewer sees and decides: the items of a campaign, decisions one by one or in bulk (through the REST API or
 * the review task's form), the reasons the rules ask for, completing a review, and handing it to another manager.
 */
@Service
public class ReviewDecisions {

    private static final Logger log = LoggerFactory.getLogger(ReviewDecisions.class);
    static final Set<String> DECISIONS = Set.of("KEEP", "REVOKE", "MODIFY");
    /** The groups whose members may take a review over, the same who may start a campaign. */
    static final List<String> MANAGER_GROUPS = List.of("managers", "ciso");

    /**
     * How refusals name what is at fault: the API's field names ({@code reason of item 18}), or the labels of the
     * review form (the reason of the row of account jdoe on the EHR), so a reviewer in Tasklist finds the row.
     */
    record FieldNames(Function<ItemRow, String> reason, Function<ItemRow, String> decision, String bulkDecision,
            Function<ItemRow, String> bulkReason) {

        static final FieldNames API = new FieldNames(item -> "reason of item " + item.id(),
                item -> "decision of item " + item.id(), "bulk decision", item -> "reason of item " + item.id());

        /** The labels of forms/access-review-decide.form. */
        static final FieldNames FORM = new FieldNames(item -> "'Reason' of account " + item.account() + " on " + item.systemId(),
                item -> "'Decision' of account " + item.account() + " on " + item.systemId(),
                "'Bulk decision for the items left undecided'",
                item -> "'Reason for the bulk decision' (account " + item.account() + " on " + item.systemId() + ")");
    }

    private final AccessReviewStore store;
    private final AccessReviewPolicy policy;
    private final AccessRevocations revocations;
    private final PeopleDirectory people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReviewDecisions(AccessReviewStore store, AccessReviewPolicy policy, AccessRevocations revocations,
            PeopleDirectory people, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.revocations = revocations;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ReviewItem> items(long campaignId, String reviewerOrNull) {
        CampaignStates.existing(store, campaignId);
        var rows = reviewerOrNull == null ? store.items(campaignId) : store.itemsOf(campaignId, reviewerOrNull);
        return rows.stream().map(ReviewDecisions::toApi).toList();
    }

    /** The campaign's revoked items, for IT operations, who removes them. */
    @Transactional(readOnly = true)
    public List<ReviewItem> revokedItems(long campaignId) {
        CampaignStates.existing(store, campaignId);
        return store.revokedItems(campaignId).stream().map(ReviewDecisions::toApi).toList();
    }

    /** Decisions through the API, by the reviewer who holds the items. */
    @Transactional
    public int decide(long campaignId, String decider, List<DecisionInput> decisions, BulkDecision bulk) {
        CampaignRow campaign = CampaignStates.lockedForReview(store, campaignId);
        var reviewer = store.reviewer(campaignId, decider).orElseThrow(() -> new ReviewRefusedException(Kind.FORBIDDEN,
                decider + " is not a reviewer of campaign " + campaignId));
        if (reviewer.completedAt() != null) {
            throw new ReviewRefusedException(Kind.CONFLICT, decider + " completed the review of campaign " + campaignId
                    + " on " + reviewer.completedAt() + "; decisions are final");
        }
        return apply(campaign, decider, decider, decisions == null ? List.of() : decisions, bulk, FieldNames.API);
    }

    /**
     * A reviewer completes their review task (the form's decisions and bulk decision are applied first). Items left
     * undecided stay open until the campaign closes, and then become exceptions. Revocations are created now.
     *
     * @param decisionLines one decision per line: {@code <item id> keep|revoke|modify [reason]}
     */
    @Transactional
    public int completeReview(long campaignId, String reviewer, String decider, String decisionLines, BulkDecision bulk) {
        return completeReview(campaignId, reviewer, decider, parseLines(decisionLines), bulk, FieldNames.API);
    }

    /** The same, with the decisions of the review form's rows, refusals named by the form's labels. */
    @Transactional
    public int completeReview(long campaignId, String reviewer, String decider, List<DecisionInput> decisionInputs,
            BulkDecision bulk, FieldNames names) {
        CampaignRow campaign = CampaignStates.lockedForReview(store, campaignId);
        String by = decider == null ? reviewer : decider;
        if (!by.equals(reviewer)) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "This review belongs to " + reviewer + ", not to " + by
                    + "; reassign the task to yourself first (delegation) if you take it over");
        }
        int applied = apply(campaign, reviewer, by, decisionInputs, bulk, names);
        Instant now = clock.instant();
        store.markReviewer(campaignId, reviewer, "completed_at", now);
        List<ItemRow> items = store.itemsOf(campaignId, reviewer);
        revocations.createRevocations(items);
        events.publishEvent(new ReviewDecided(campaignId, reviewer, items.size(),
                items.stream().filter(item -> item.decision() != null).count(),
                items.stream().filter(item -> "REVOKE".equals(item.decision())).count(), now));
        return applied;
    }

    private int apply(CampaignRow campaign, String reviewer, String decider, List<DecisionInput> decisions, BulkDecision bulk,
            FieldNames names) {
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
            String decision = decisionOf(input.decision(), names.decision().apply(item));
            if (decision.equals(item.decision()) && java.util.Objects.equals(blankToNull(input.reason()), item.reason())) {
                // The form lists the decisions made before (through the API): sent back unchanged, they stay as made.
                decidedNow.add(item.id());
                continue;
            }
            ReviewerAssignment.refuseSelfReview(item, decider);
            requireReason(item, decision, input.reason(), names.reason().apply(item));
            store.decide(item.id(), decision, blankToNull(input.reason()), decider, now);
            decidedNow.add(item.id());
            applied++;
        }
        if (bulk != null && bulk.decision() != null && !bulk.decision().isBlank()) {
            String decision = decisionOf(bulk.decision(), names.bulkDecision());
            boolean all = "all".equalsIgnoreCase(bulk.scope());
            if (!all && bulk.scope() != null && !bulk.scope().isBlank() && !"unflagged".equalsIgnoreCase(bulk.scope())) {
                throw new IllegalArgumentException("bulk scope: must be 'unflagged' or 'all'");
            }
            List<ItemRow> targets = mine.values().stream()
                    .filter(i -> i.decision() == null && !decidedNow.contains(i.id()))
                    .filter(i -> all || i.flags().isEmpty())
                    .sorted(Comparator.comparing(ItemRow::id)).toList();
            // Checked first for every target: a bulk decision applies to all of them or to none.
            for (ItemRow item : targets) {
                ReviewerAssignment.refuseSelfReview(item, decider);
                requireReason(item, decision, bulk.reason(), names.bulkReason().apply(item));
            }
            for (ItemRow item : targets) {
                store.decide(item.id(), decision, blankToNull(bulk.reason()), decider, now);
                applied++;
            }
        }
        return applied;
    }

    private void requireReason(ItemRow item, String decision, String reason, String field) {
        if (reason != null && !reason.isBlank()) {
            if (reason.length() > 1000) {
                throw new IllegalArgumentException(field + ": longer than 1000 characters");
            }
            return;
        }
        boolean dormant = item.flags().contains("DORMANT");
        if (!decision.equals("KEEP")) {
            throw new IllegalArgumentException(field + ": required to " + decision.toLowerCase(Locale.ROOT) + " access");
        }
        if (item.privileged() || dormant) {
            throw new IllegalArgumentException(field + ": required to keep "
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
        CampaignStates.lockedForReview(store, campaignId);
        boolean toIsManager = MANAGER_GROUPS.stream().anyMatch(group -> people.membersOf(group).contains(to));
        var handedOver = store.itemsOf(campaignId, from);
        ReviewerAssignment.refuseDelegation(campaignId, to, toIsManager, handedOver,
                store.reviewer(campaignId, to).isPresent(), () -> store.items(campaignId));
        store.delegateReviewer(campaignId, from, to);
        log.info("Campaign {}: review delegated from {} to {}", campaignId, from, to);
    }

    /**
     * The reviewer's items as the review form lists them, one row each, flagged ones first: what the decision
     * depends on (system, account, entitlement, flags, last login) and the decision so far. Account and entitlement
     * names of staff, never patient data.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> formRows(long campaignId, String reviewer) {
        return store.itemsOf(campaignId, reviewer).stream()
                .sorted(Comparator.comparing((ItemRow i) -> i.flags().isEmpty()).thenComparing(ItemRow::id))
                .map(ReviewDecisions::formRow).toList();
    }

    /**
     * What the owner's sign-off form shows of a system (read-only): the items that ask for the owner's attention,
     * with their decisions: revoked or modified, undecided (exceptions), or flagged. Kept access without any flag is
     * only counted in the report, so that a system of thousands of accounts stays a short list.
     */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> signOffRows(long campaignId, String systemId) {
        return store.items(campaignId).stream().filter(i -> systemId.equals(i.systemId()))
                .filter(i -> i.exception() || !i.flags().isEmpty() || !"KEEP".equals(i.decision()))
                .sorted(Comparator.comparing(ItemRow::account).thenComparing(ItemRow::id))
                .map(i -> {
                    Map<String, Object> row = formRow(i);
                    row.put("decision", i.exception() ? "exception (undecided)" : i.decision() == null ? "undecided"
                            : i.decision().toLowerCase(Locale.ROOT));
                    row.put("decidedBy", i.decidedBy() == null ? "" : i.decidedBy());
                    return row;
                }).toList();
    }

    static Map<String, Object> formRow(ItemRow i) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("item", i.id());
        row.put("system", i.systemId());
        row.put("account", i.account());
        row.put("entitlement", i.entitlement() + (i.privileged() ? " (privileged)" : ""));
        row.put("flags", i.flags().isEmpty() ? "none" : i.flags().replace(",", ", "));
        row.put("lastLogin", i.lastLogin() == null ? "never" : i.lastLogin().toString());
        row.put("decision", i.decision() == null ? null : i.decision().toLowerCase(Locale.ROOT));
        row.put("reason", i.reason() == null ? "" : i.reason());
        return row;
    }

    private static ReviewItem toApi(ItemRow i) {
        return new ReviewItem(i.id(), i.systemId(), i.account(), i.personId(), i.entitlement(), i.privileged(), i.lastLogin(),
                i.flags().isEmpty() ? List.of() : Arrays.asList(i.flags().split(",")), i.reviewRole(), i.reviewerId(),
                i.decision(), i.reason(), i.decidedBy(), i.decidedAt(), i.exception());
    }
}
