package org.vigil.breach;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.vigil.platform.CompanySettings;

/**
 * What a Tasklist card of notification-obligation.bpmn says about its notice, so that nine notices of one incident
 * are told apart: {@code name="Prepare the notice: ${obligationCards.title(obligationId)}"} reads "Prepare the
 * notice: Texas attorney general, incident 42, due Fri 1 May 2026". Whom it goes to comes from the rule catalog's
 * codes (or a counterparty's agreement), the rest are ids and dates: never PHI. The deadline is the obligation's
 * target, in the company zone, with the time where the deadline counts in hours.
 */
// Public: the models call it through JUEL, which invokes only methods of public classes.
@Component("obligationCards")
public class ObligationCards {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm z", Locale.ENGLISH);

    private final ObligationRepository obligations;
    private final ContractualDuties contracts;
    private final ZoneId zone;

    ObligationCards(ObligationRepository obligations, ContractualDuties contracts, CompanySettings company) {
        this.obligations = obligations;
        this.contracts = contracts;
        this.zone = company.zone();
    }

    /** "Texas attorney general, incident 42, due Fri 1 May 2026". */
    public String title(Object obligationId) {
        return titleOf(obligation(obligationId));
    }

    String titleOf(Obligation obligation) {
        return recipient(obligation) + ", incident " + obligation.incidentId() + ", due " + deadline(obligation);
    }

    /** "Texas attorney general, incident 42, was due Fri 1 May 2026": the follow-up of a missed deadline. */
    public String missedTitle(Object obligationId) {
        var obligation = obligation(obligationId);
        return recipient(obligation) + ", incident " + obligation.incidentId() + ", was due " + deadline(obligation);
    }

    /** "Tex. Bus. & Com. Code 521.053(i); deadline Wed 1 Apr 2026": the legal basis for a task's description. */
    public String basis(Object obligationId) {
        var obligation = obligation(obligationId);
        return (obligation.basis() == null ? "" : obligation.basis() + "; ") + "deadline " + deadline(obligation);
    }

    /** Whom the notice goes to, in words: "Texas attorney general", "individuals in Texas", "Northwind Clinics (covered entity)". */
    String recipient(Obligation obligation) {
        return recipient(obligation.recipient(), obligation.jurisdiction());
    }

    /** The same from the codes, for the notices page, which reads obligations as views. */
    String recipient(String recipient, String jurisdiction) {
        if (recipient.startsWith("counterparty:")) {
            return contracts.agreementNotified(recipient).map(ContractualDuties.Agreement::counterparty).orElse(recipient);
        }
        return RecipientNames.cardName(recipient, jurisdiction);
    }

    /** "Wed 1 Apr 2026 17:00 EDT": an instant in the company zone with its time and the zone's abbreviation. */
    String withZone(Instant instant) {
        return instant == null ? null : HOUR.format(instant.atZone(zone));
    }

    ZoneId zone() {
        return zone;
    }

    String deadline(Obligation obligation) {
        Instant deadline = obligation.targetDeadline();
        return (obligation.hourBased() ? HOUR : DAY).format(deadline.atZone(zone));
    }

    private Obligation obligation(Object obligationId) {
        long id = ((Number) obligationId).longValue();
        return obligations.findById(id).orElseThrow(() -> new IllegalStateException("Obligation " + id + " does not exist"));
    }
}
