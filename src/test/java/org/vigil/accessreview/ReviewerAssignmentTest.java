package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.ItemRow;

/**
 * Who reviews what, as a table: the holder's manager for regular access, the system owner and a second person for
 * privileged access, never the holder, and delegation only to a manager who may take the review.
 */
class ReviewerAssignmentTest {

    // The roster: alice and pete report to mona and olga, mona to carl. Systems are owned by olga, deputy dave.
    static final ReviewerAssignment ASSIGNMENT = new ReviewerAssignment(
            Map.of("alice", "mona", "mona", "carl", "pete", "olga"), "ciso");

    @ParameterizedTest(name = "{0} (snapshot manager {1}, privileged {2}, owner {3}, deputy {4}) -> {5}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # holder | snapshot's manager | privileged | owner | deputy | reviewers
            alice    | -                  | false      | olga  | dave   | MANAGER:mona
            alice    | sam                | false      | olga  | dave   | MANAGER:mona
            bob      | sam                | false      | olga  | dave   | MANAGER:sam
            -        | -                  | false      | olga  | dave   | MANAGER:olga
            mona     | -                  | false      | olga  | dave   | MANAGER:carl
            xavier   | xavier             | false      | olga  | dave   | MANAGER:olga
            olga     | -                  | false      | olga  | dave   | MANAGER:dave
            alice    | -                  | true       | olga  | dave   | OWNER:olga SECOND:mona
            olga     | -                  | true       | olga  | dave   | OWNER:dave SECOND:ciso
            pete     | -                  | true       | olga  | dave   | OWNER:olga SECOND:dave
            -        | -                  | true       | olga  | -      | OWNER:olga SECOND:ciso
            mona     | -                  | true       | mona  | -      | OWNER:ciso SECOND:carl
            """)
    void assignsReviewersByTheRules(String holder, String managerFromSnapshot, boolean privileged, String owner,
            String deputy, String expected) {
        var assigned = ASSIGNMENT.reviewersOf(holder, managerFromSnapshot, privileged, owner, deputy);

        assertThat(assigned.stream().map(a -> a.role() + ":" + a.reviewerId()).collect(Collectors.joining(" ")))
                .isEqualTo(expected);
    }

    @Test
    void refusesToOpenWhenNobodyButTheHolderCouldReview() {
        var withoutFallback = new ReviewerAssignment(Map.of(), null);

        assertThatThrownBy(() -> withoutFallback.reviewersOf("olga", null, true, "olga", null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set a deputy on the system or a fallback reviewer");
    }

    @ParameterizedTest(name = "manager of {0} (snapshot {1}) is {2}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # person | snapshot's manager | manager
            alice    | sam                | mona
            bob      | sam                | sam
            bob      | -                  | -
            -        | sam                | sam
            """)
    void theRostersManagerWinsOverTheSnapshots(String person, String managerFromSnapshot, String expected) {
        assertThat(ASSIGNMENT.managerOf(person, managerFromSnapshot)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} decides item of {1}: refused {2}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # decider | holder | refused
            alice     | alice  | true
            mona      | alice  | false
            mona      | -      | false
            """)
    void nobodyDecidesOnTheirOwnAccess(String decider, String holder, boolean refused) {
        var decision = assertThatCode(() -> ReviewerAssignment.refuseSelfReview(item(1, holder, false, 10, "mona"), decider));

        if (refused) {
            decision.isInstanceOf(ReviewRefusedException.class).hasMessageContaining("cannot review your own access");
        } else {
            decision.doesNotThrowAnyException();
        }
    }

    // mona hands over alice's regular access and bob's privileged access (entitlement 20), which sven reviews second.
    static final List<ItemRow> HANDED_OVER = List.of(item(1, "alice", false, 10, "mona"), item(2, "bob", true, 20, "mona"));
    static final List<ItemRow> CAMPAIGN = List.of(HANDED_OVER.get(0), HANDED_OVER.get(1), item(3, "bob", true, 20, "sven"));

    @ParameterizedTest(name = "to {0} (manager {1}, reviews already {2}): {3}")
    @CsvSource(nullValues = "-", delimiter = '|', textBlock = """
            # to  | a manager | reviews already | refused as | because
            ciso  | true      | false           | -          | -
            eve   | false     | false           | FORBIDDEN  | delegated to a manager only
            alice | true      | false           | FORBIDDEN  | Nobody reviews their own access
            paul  | true      | true            | CONFLICT   | already reviews in campaign 7
            sven  | true      | false           | FORBIDDEN  | privileged access needs two different reviewers
            """)
    void delegatesOnlyToAManagerWhoMayTakeTheReview(String to, boolean toIsManager, boolean toReviewsAlready, Kind refusedAs,
            String because) {
        var delegation = assertThatCode(() -> ReviewerAssignment.refuseDelegation(7, to, toIsManager, HANDED_OVER,
                toReviewsAlready, () -> CAMPAIGN));

        if (refusedAs == null) {
            delegation.doesNotThrowAnyException();
        } else {
            delegation.isInstanceOfSatisfying(ReviewRefusedException.class, e -> assertThat(e.kind()).isEqualTo(refusedAs))
                    .hasMessageContaining(because);
        }
    }

    @Test
    void readsTheWholeCampaignOnlyWhenPrivilegedAccessIsHandedOver() {
        var read = new AtomicBoolean();

        ReviewerAssignment.refuseDelegation(7, "ciso", true, List.of(item(1, "alice", false, 10, "mona")), false,
                () -> { read.set(true); return CAMPAIGN; });

        assertThat(read).isFalse();
    }

    static ItemRow item(long id, String holder, boolean privileged, long entitlementId, String reviewer) {
        return new ItemRow(id, 7, entitlementId, "ehr", "acct-" + id, holder, "read", privileged, null, "",
                privileged ? "OWNER" : "MANAGER", reviewer, null, null, null, null, false);
    }
}
