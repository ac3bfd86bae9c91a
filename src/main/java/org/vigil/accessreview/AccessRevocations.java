package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewText.entitlementKey;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.ItemRow;
import org.vigil.accessreview.Rows.RevocationRow;
import org.vigil.accessreview.events.RevocationVerified;
import org.vigil.accessreview.events.RevocationVerified.Method;
import org.vigil.notification.MailRequest;
import org.vigil.notification.Notifications;
import org.vigil.platform.CompanyCalendar;

/**
 * Revocations, from a reviewer's revoke to verified removal (processes/access-revocation.bpmn): their deadlines in
 * working days, the record of de-provisioning, verification by hand or by a later snapshot, and the escalation of a
 * removal nobody verified. Models read the deadlines as {@code ${accessRevocations.verifyBy(revocationId)}}.
 */
@Service
public class AccessRevocations {

    private final AccessReviewStore store;
    private final AccessReviewPolicy policy;
    private final CompanyCalendar calendar;
    private final AccessRevocationProcess revocationProcess;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessRevocations(AccessReviewStore store, AccessReviewPolicy policy, CompanyCalendar calendar,
            AccessRevocationProcess revocationProcess, Notifications notifications, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.calendar = calendar;
        this.revocationProcess = revocationProcess;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    /** Revocations (ids) of a campaign, or of one reviewer's items, for the process to start their de-provisioning. */
    @Transactional(readOnly = true)
    public List<Long> revocationIds(long campaignId, String reviewerOrNull) {
        return reviewerOrNull == null ? store.revocations(campaignId).stream().map(RevocationRow::id).toList()
                : store.revocationIdsOf(campaignId, reviewerOrNull);
    }

    /**
     * Starts the de-provisioning process of each revocation of the campaign (or of one reviewer's items) that has none
     * yet and is not verified: each revocation's process starts once, whoever asks first (the reviewer's hand-over,
     * the close of the reviews), and never again once its removal is verified.
     *
     * @return the revocations whose process started now
     */
    @Transactional
    public List<Long> startDeprovisioning(long campaignId, String reviewerOrNull) {
        List<Long> started = new ArrayList<>();
        Instant now = clock.instant();
        for (long id : revocationIds(campaignId, reviewerOrNull)) {
            if (store.claimProcessStart(id, now)) {
                revocationProcess.start(revocation(id));
                started.add(id);
            }
        }
        return started;
    }

    @Transactional(readOnly = true)
    public Date deprovisionDue(long revocationId) {
        return Date.from(revocation(revocationId).dueAt());
    }

    @Transactional(readOnly = true)
    public Date verifyBy(long revocationId) {
        return Date.from(revocation(revocationId).verifyBy());
    }

    /** IT operations removed the access (through Vigil's own calls, which say so). */
    @Transactional
    public void deprovisioned(long revocationId, String by) {
        deprovisioned(revocationId, by, true);
    }

    /** The remover's form: {@code removed} must be checked, else the task stays open with the reason. */
    @Transactional
    public void deprovisioned(long revocationId, String by, Boolean removed) {
        if (!Boolean.TRUE.equals(removed)) {
            throw new IllegalArgumentException("'The access is removed' (removed): check it once the entitlement is removed"
                    + " from the account; the task stays open until then");
        }
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
        Instant now = clock.instant();
        if (store.verified(revocationId, "HAND", by == null ? "unknown" : by, now)) {
            events.publishEvent(new RevocationVerified(revocationId, revocation.campaignId(), revocation.systemId(), Method.HAND, now));
        }
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
                        "system", store.system(revocation.systemId()).map(Rows.SystemRow::name).orElse(revocation.systemId()),
                        "systemId", revocation.systemId(), "due", revocation.dueAt().toString(),
                        "state", revocation.deprovisionedAt() == null ? "not yet removed" : "removed, not verified")));
        store.revocationEscalated(revocationId, clock.instant());
        return queued;
    }

    /** A revocation for every revoke among {@code items}, once; runs in the caller's transaction. */
    void createRevocations(Collection<ItemRow> items) {
        Instant now = clock.instant();
        for (ItemRow item : items) {
            if ("REVOKE".equals(item.decision())) {
                Instant decidedAt = item.decidedAt() == null ? now : item.decidedAt();
                Instant due = calendar.plusWorkingDays(decidedAt, policy.deprovisioningWorkingDays(item.privileged()));
                Instant verifyBy = calendar.plusWorkingDays(due, policy.verifyWithinWorkingDays());
                store.insertRevocationIfMissing(item, item.decidedBy(), decidedAt, due, verifyBy);
            }
        }
    }

    /**
     * Verifies the carried-out revocations of a system whose access a new snapshot no longer holds, and tells their
     * processes; runs in the importing transaction. Returns the verified revocations' ids.
     *
     * @param present the snapshot's {@link AccessReviewText#entitlementKey entitlement keys}
     */
    List<Long> verifyBySnapshot(String systemId, Set<String> present, long snapshotId, Instant now) {
        List<Long> verified = new ArrayList<>();
        for (RevocationRow revocation : store.awaitingVerification(systemId)) {
            if (!present.contains(entitlementKey(revocation.account(), revocation.entitlement()))
                    && store.verified(revocation.id(), "SNAPSHOT", "snapshot:" + snapshotId, now)) {
                revocationProcess.removalVerifiedBySnapshot(revocation.id());
                events.publishEvent(new RevocationVerified(revocation.id(), revocation.campaignId(), systemId, Method.SNAPSHOT, now));
                verified.add(revocation.id());
            }
        }
        return verified;
    }

    private RevocationRow revocation(long id) {
        return store.revocation(id).orElseThrow(() -> new IllegalArgumentException("No revocation " + id));
    }
}
