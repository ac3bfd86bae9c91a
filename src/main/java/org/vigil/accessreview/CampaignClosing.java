package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewText.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.Sha256;
import org.vigil.accessreview.ReviewRefusedException.Kind;
import org.vigil.accessreview.Rows.CampaignRow;
import org.vigil.accessreview.events.ReviewsClosed;

/**
 * The end of a campaign: closing the review window (undecided items become exceptions, revokes become revocations),
 * the owners' sign-off per system, and the final close that renders and keeps the report as evidence. Models read
 * the sign-off date as {@code ${campaignClosing.signOffDue(campaignId)}}.
 */
@Service
public class CampaignClosing {

    private static final Logger log = LoggerFactory.getLogger(CampaignClosing.class);

    private final AccessReviewStore store;
    private final AccessReviewSettings settings;
    private final PhiSystemRegister register;
    private final AccessRevocations revocations;
    private final ReviewFigures figures;
    private final CampaignReportRenderer reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CampaignClosing(AccessReviewStore store, AccessReviewSettings settings, PhiSystemRegister register,
            AccessRevocations revocations, ReviewFigures figures, CampaignReportRenderer reports, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.register = register;
        this.revocations = revocations;
        this.figures = figures;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
    }

    /** Ends the review window: undecided items become exceptions, every revoke gets its revocation. */
    @Transactional
    public int closeReviews(long campaignId) {
        CampaignRow campaign = store.lockCampaign(campaignId).orElseThrow(() -> CampaignStates.notFound(campaignId));
        if (!CampaignStates.OPEN.equals(campaign.status())) {
            return (int) store.counts(campaignId).exceptions();
        }
        int exceptions = store.markUndecidedAsExceptions(campaignId);
        revocations.createRevocations(store.items(campaignId));
        store.setStatus(campaignId, CampaignStates.REVIEWS_CLOSED);
        var counts = store.counts(campaignId);
        events.publishEvent(new ReviewsClosed(campaignId, counts.items(), counts.decided(), counts.exceptions(), clock.instant()));
        log.info("Campaign {}: reviews closed, {} item(s) undecided and flagged as exceptions", campaignId, exceptions);
        return exceptions;
    }

    /** Sign-off is due {@code signOffPeriod} after the reviews closed (now). */
    public Date signOffDue(long campaignId) {
        return Date.from(clock.instant().atZone(clock.getZone()).plus(settings.signOffPeriod()).toInstant());
    }

    /** The system's owner confirms its review; nobody else may. */
    @Transactional
    public void signOff(long campaignId, String systemId, String by, String comment) {
        CampaignRow campaign = CampaignStates.existing(store, campaignId);
        if (CampaignStates.CLOSED.equals(campaign.status())) {
            throw CampaignStates.closed(campaignId);
        }
        String owner = register.ownerOf(systemId);
        if (by != null && !by.equals(owner)) {
            throw new ReviewRefusedException(Kind.FORBIDDEN, "The sign-off of " + systemId + " belongs to its owner " + owner
                    + ", not to " + by);
        }
        store.signOff(campaignId, systemId, owner, clock.instant(), blankToNull(comment));
    }

    /** Closes the campaign for good: renders and keeps the report; from now on the campaign is read-only. */
    @Transactional
    public String close(long campaignId) {
        CampaignRow campaign = store.lockCampaign(campaignId).orElseThrow(() -> CampaignStates.notFound(campaignId));
        if (CampaignStates.CLOSED.equals(campaign.status())) {
            return campaign.reportSha256();
        }
        if (CampaignStates.OPEN.equals(campaign.status())) {
            closeReviews(campaignId);
        }
        Instant now = clock.instant();
        String html = reports.render(campaign, now, store.campaignSnapshots(campaignId), store.systems(),
                store.reviewers(campaignId), store.items(campaignId), store.revocations(campaignId),
                store.signOffs(campaignId), figures.figures(campaignId));
        String sha = Sha256.hex(html);
        store.closeCampaign(campaignId, now, html, sha);
        log.info("Campaign {} closed; report sha256 {}", campaignId, sha);
        return sha;
    }

    @Transactional(readOnly = true)
    public String report(long campaignId) {
        CampaignStates.existing(store, campaignId);
        return store.report(campaignId).orElseThrow(() -> new ReviewRefusedException(Kind.CONFLICT,
                "Campaign " + campaignId + " is not closed yet; its report exists once it is"));
    }
}
