package org.vigil.accessreview;

import static org.vigil.accessreview.AccessReviewText.blankToNull;

import java.time.Clock;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.accessreview.AccessReviewApi.PhiSystem;
import org.vigil.accessreview.Rows.SystemRow;
import org.vigil.accessreview.events.PhiSystemRegistered;

/** The register of systems holding PHI: what a campaign reviews, and who owns each system (first reviewer, sign-off). */
@Service
public class PhiSystemRegister {

    private final AccessReviewStore store;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PhiSystemRegister(AccessReviewStore store, Clock clock, ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<PhiSystem> systems() {
        return store.systems().stream().map(PhiSystemRegister::toApi).toList();
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
        String previous = store.system(system.id()).map(SystemRow::classification).orElse(null);
        store.saveSystem(new SystemRow(system.id(), system.name(), system.owner(), blankToNull(system.deputy()),
                system.classification(), clock.instant(), by));
        // Risk assessment mirrors the register and assesses a new system or a raised classification (issue 20).
        events.publishEvent(new PhiSystemRegistered(system.id(), system.name(), system.owner(), system.classification(),
                previous, false, clock.instant()));
        return system;
    }

    /**
     * Seeds: adds a system unless the register has it; edits made through the API stay. The system as the register
     * then holds it is announced as seeded at every start, so that a register older than its listeners is mirrored too.
     */
    @Transactional
    boolean seedSystem(PhiSystem system) {
        boolean added = store.insertSystemIfMissing(new SystemRow(system.id(), system.name(), system.owner(),
                blankToNull(system.deputy()), system.classification(), clock.instant(), "seed"));
        store.system(system.id()).ifPresent(s -> events.publishEvent(new PhiSystemRegistered(s.id(), s.name(), s.ownerId(),
                s.classification(), null, true, clock.instant())));
        return added;
    }

    /** The owner of a system, who signs off its review. */
    @Transactional(readOnly = true)
    public String ownerOf(String systemId) {
        return store.system(systemId).map(SystemRow::ownerId).orElseThrow(() -> new IllegalArgumentException("No system " + systemId));
    }

    private static void requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + ": is required");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(field + ": longer than " + max + " characters");
        }
    }

    private static PhiSystem toApi(SystemRow s) {
        return new PhiSystem(s.id(), s.name(), s.ownerId(), s.deputyId(), s.classification());
    }
}
