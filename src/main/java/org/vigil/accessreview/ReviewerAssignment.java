package org.vigil.accessreview;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.ItemRow;
import org.vigil.accessreview.Rows.RosterEntry;

/**
 * Who reviews an entitlement, and who may take a review over. Plain logic over plain inputs (the roster's managers,
 * the system's owner and deputy, the policy's fallback reviewer), so the rules can be read and tested as a table:
 * regular access goes to the holder's manager, privileged access to the system owner and a second, different
 * reviewer, nobody reviews their own access, and a review is delegated only to a manager who does not review yet.
 */
final class ReviewerAssignment {

    /** The holder's line manager reviews regular access. */
    static final String MANAGER = "MANAGER";
    /** Privileged access: the system owner reviews first... */
    static final String OWNER = "OWNER";
    /** ...and a second, different person reviews it too. */
    static final String SECOND = "SECOND";

    record Assigned(String role, String reviewerId) {}

    private final Map<String, String> managerByPerson;
    private final String fallbackReviewer;

    /**
     * @param managerByPerson the roster's manager of each person who has one
     * @param fallbackReviewer the policy's reviewer of last resort, or null
     */
    ReviewerAssignment(Map<String, String> managerByPerson, String fallbackReviewer) {
        this.managerByPerson = Map.copyOf(managerByPerson);
        this.fallbackReviewer = fallbackReviewer;
    }

    /** The assignment over a campaign's frozen HR roster. */
    static ReviewerAssignment over(Collection<RosterEntry> roster, String fallbackReviewer) {
        Map<String, String> managers = new HashMap<>();
        roster.stream().filter(e -> e.managerId() != null).forEach(e -> managers.put(e.personId(), e.managerId()));
        return new ReviewerAssignment(managers, fallbackReviewer);
    }

    /** The roster's manager wins over the snapshot's: HR knows about a change of team before the system does. */
    String managerOf(String personId, String managerFromSnapshot) {
        String fromRoster = personId == null ? null : managerByPerson.get(personId);
        return fromRoster != null ? fromRoster : managerFromSnapshot;
    }

    /**
     * The reviewers of one entitlement: one {@link #MANAGER} for regular access, an {@link #OWNER} and a
     * {@link #SECOND} for privileged access.
     *
     * @param personId the holder, or null for an account nobody holds (orphaned)
     */
    List<Assigned> reviewersOf(String personId, String managerFromSnapshot, boolean privileged, String ownerId, String deputyId) {
        String manager = managerOf(personId, managerFromSnapshot);
        if (privileged) {
            String owner = pick(personId, Set.of(), ownerId, deputyId, fallbackReviewer, manager);
            String second = pick(personId, Set.of(owner), manager, deputyId, fallbackReviewer, managerOf(manager, null), ownerId);
            return List.of(new Assigned(OWNER, owner), new Assigned(SECOND, second));
        }
        return List.of(new Assigned(MANAGER,
                pick(personId, Set.of(), manager, managerOf(manager, null), ownerId, deputyId, fallbackReviewer)));
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

    /** Nobody decides on their own access, not even a reviewer who was assigned it by delegation. */
    static void refuseSelfReview(ItemRow item, String decider) {
        if (decider.equals(item.personId())) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "You cannot review your own access: item " + item.id()
                    + " (" + item.systemId() + ", " + item.entitlement() + ") belongs to " + decider
                    + ". Delegate it to another manager or ask the CISO.");
        }
    }

    /**
     * Refuses handing a review over to {@code to} when they are not a manager, would review their own access, already
     * review in the campaign, or are the other reviewer of a privileged entitlement among the handed-over items.
     *
     * @param handedOver the items of the reviewer who delegates
     * @param campaignItems every item of the campaign, read only when privileged access is handed over
     */
    static void refuseDelegation(long campaignId, String to, boolean toIsManager, Collection<ItemRow> handedOver,
            boolean toReviewsAlready, Supplier<? extends Collection<ItemRow>> campaignItems) {
        if (!toIsManager) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "A review can be delegated to a manager only; " + to + " is not one");
        }
        for (ItemRow item : handedOver) {
            if (to.equals(item.personId())) {
                throw new ReviewRefusedException(Kind.FORBIDDEN, "Nobody reviews their own access: " + to
                        + " holds item " + item.id() + " (" + item.systemId() + ", " + item.entitlement() + ") of this review");
            }
        }
        if (toReviewsAlready) {
            throw new ReviewRefusedException(Kind.CONFLICT, to + " already reviews in campaign " + campaignId
                    + "; delegate to a manager who does not");
        }
        Set<Long> privileged = handedOver.stream().filter(ItemRow::privileged).map(ItemRow::entitlementId)
                .collect(Collectors.toSet());
        if (!privileged.isEmpty() && campaignItems.get().stream()
                .anyMatch(i -> privileged.contains(i.entitlementId()) && to.equals(i.reviewerId()))) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, to + " is already the other reviewer of privileged access in "
                    + "this review; privileged access needs two different reviewers");
        }
    }
}
