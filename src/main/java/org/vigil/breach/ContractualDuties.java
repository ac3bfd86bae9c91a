package org.vigil.breach;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.vigil.documents.Documents;
import org.vigil.platform.SeedReader;

/**
 * The register of agreements (BAAs, customer contracts) in seeds/breach/agreements.yaml and the notices they require.
 * An agreement binds the company for the data it holds for the counterparty in the role the agreement gives it, so
 * it obliges a notice only for an incident in that role which involves that counterparty's data.
 */
@Component
class ContractualDuties {

    /** The roles an agreement may give the company: a counterparty's data held as its HIPAA business associate or its GDPR processor. */
    static final Set<String> ROLES = Set.of("business_associate", "processor");
    static final Pattern COUNTERPARTY_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    record Agreement(String id, String counterparty, String counterpartyId, String kind, List<String> ourRoles, Duration noticePeriod,
            String contact, String clause) {}

    record Register(List<Agreement> agreements) {}

    private final List<Agreement> agreements;
    private final Documents documents;

    ContractualDuties(BreachSettings settings, Documents documents) {
        Resource register = settings.agreements();
        this.documents = documents;
        this.agreements = List.copyOf(SeedReader.read(register, Register.class).agreements());
        // An agreement that cannot match an incident would silently never oblige a notice: refuse to start instead.
        for (Agreement agreement : agreements) {
            if (agreement.counterpartyId() == null || !COUNTERPARTY_ID.matcher(agreement.counterpartyId()).matches()) {
                throw new IllegalStateException("The agreements register " + register + ": agreement " + agreement.id()
                        + " needs a counterpartyId of lower-case letters, digits, '.', '_' or '-' (e.g. northwind-clinics)");
            }
            if (agreement.ourRoles() == null || agreement.ourRoles().isEmpty() || !ROLES.containsAll(agreement.ourRoles())) {
                throw new IllegalStateException("The agreements register " + register + ": agreement " + agreement.id()
                        + " needs ourRoles, the company's role for the counterparty's data: " + String.join(" and/or ", ROLES.stream().sorted().toList()));
            }
        }
    }

    /** The register's agreements, as read at start. */
    List<Agreement> agreements() {
        return agreements;
    }

    /**
     * A "notify counterparty" duty per agreement that applies to the incident, due its notice period after discovery:
     * the company holds the counterparty's data in a role of the agreement (the investigation's HIPAA role or GDPR
     * role), and that counterparty's data is involved (named by the investigation, or people marked as its on the list).
     * Before the investigation ({@code facts} null, a provisional plan) the company counts as covered entity, whose
     * own data no agreement covers.
     */
    List<PlannedDuty> dutiesFor(Incident incident, InvestigationFacts facts) {
        var involved = involvedCounterparties(incident, facts);
        var roles = new HashSet<String>();
        if (facts != null && facts.role() != null) {
            roles.add(facts.role());
        }
        if (facts != null && facts.gdpr() != null && facts.gdpr().role() != null) {
            roles.add(facts.gdpr().role());
        }
        Instant discoveredAt = incident.discoveredAt();
        return agreements.stream()
                .filter(agreement -> involved.contains(agreement.counterpartyId()))
                .filter(agreement -> agreement.ourRoles().stream().anyMatch(roles::contains))
                .map(agreement -> {
                    Instant deadline = discoveredAt.plus(agreement.noticePeriod());
                    // Short contractual clocks are chased like the hour clocks of GDPR: reminder a day, escalation 12 hours before.
                    boolean hours = agreement.noticePeriod().toDays() < 7;
                    return new PlannedDuty("contract:" + agreement.id(), "counterparty:" + agreement.id(), "CONTRACT", agreement.counterparty(),
                            agreement.clause(), "contract", "fixed_" + (hours ? "hours" : "calendar_days"), deadline, deadline, hours, null, null, null,
                            "discovery " + discoveredAt + " + " + agreement.noticePeriod() + " (" + agreement.kind() + ", contact "
                                    + agreement.contact() + "; " + agreement.counterpartyId() + "'s data involved, held as "
                                    + String.join(" or ", agreement.ourRoles().stream().filter(roles::contains).toList()) + ")");
                }).toList();
    }

    /** Whose data the incident involves: named by the investigation, or marked on the list of the affected. */
    Set<String> involvedCounterparties(Incident incident, InvestigationFacts facts) {
        var involved = new LinkedHashSet<String>(facts == null ? List.of() : facts.counterparties());
        involved.addAll(documents.affectedCounts(NoticeDocuments.listOf(incident.id())).byCounterparty().keySet());
        return involved;
    }

    /** The counterparty ids the investigation and the list of affected individuals may name. */
    Set<String> counterpartyIds() {
        var ids = new LinkedHashSet<String>();
        agreements.forEach(agreement -> ids.add(agreement.counterpartyId()));
        return ids;
    }

    /** The agreement of a "notify counterparty" obligation ({@code counterparty:<agreement id>}). */
    Optional<Agreement> agreementNotified(String recipient) {
        return agreements.stream().filter(agreement -> ("counterparty:" + agreement.id()).equals(recipient)).findFirst();
    }
}
