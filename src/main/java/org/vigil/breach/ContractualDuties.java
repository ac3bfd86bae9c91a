package org.vigil.breach;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/** The register of agreements (BAAs, customer contracts) in seeds/breach/agreements.yaml and the notices they require. */
@Component
class ContractualDuties {

    record Agreement(String id, String counterparty, String kind, Duration noticePeriod, String contact, String clause) {}

    record Register(List<Agreement> agreements) {}

    private final List<Agreement> agreements;

    ContractualDuties(@Value("${vigil.breach.agreements:classpath:seeds/breach/agreements.yaml}") Resource register) {
        try (var in = register.getInputStream()) {
            var mapper = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
            this.agreements = List.copyOf(mapper.readValue(in, Register.class).agreements());
        } catch (IOException e) {
            throw new UncheckedIOException("The agreements register " + register + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** A "notify counterparty" duty per agreement, due its notice period after discovery. */
    List<PlannedDuty> dutiesFor(Instant discoveredAt) {
        return agreements.stream().map(agreement -> {
            Instant deadline = discoveredAt.plus(agreement.noticePeriod());
            // Short contractual clocks are chased like the hour clocks of GDPR: reminder a day, escalation 12 hours before.
            boolean hours = agreement.noticePeriod().toDays() < 7;
            return new PlannedDuty("contract:" + agreement.id(), "counterparty:" + agreement.id(), "CONTRACT", agreement.counterparty(), agreement.clause(),
                    "contract", "fixed_" + (hours ? "hours" : "calendar_days"), deadline, deadline, hours, null, null, null,
                    "discovery " + discoveredAt + " + " + agreement.noticePeriod() + " (" + agreement.kind() + ", contact "
                            + agreement.contact() + ")");
        }).toList();
    }

    List<Agreement> agreements() {
        return agreements;
    }
}
