package org.vigil.breach;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.breach.*}: the internal target for duties "without undue delay", the role the provisional plan assumes
 * before the investigation says, the privacy lead (empty: none, escalations go to the CISO alone), the agreements
 * register, and how many years a closed incident's record is kept. Checked at start: a target of no length, a role
 * the plan contract does not know or a record kept less than HIPAA's six years (164.530(j)) would each be found only
 * on the day a breach needed them.
 */
@ConfigurationProperties("vigil.breach")
@Validated
record BreachSettings(
        @NotNull @DefaultValue("P3D") Duration undueDelayTarget,
        @NotBlank @DefaultValue("covered_entity") String provisionalRole,
        @NotNull @DefaultValue("") String privacyLead,
        @NotNull @DefaultValue("classpath:seeds/breach/agreements.yaml") Resource agreements,
        @Min(value = 6, message = "must be at least 6: HIPAA 45 CFR 164.530(j) keeps breach records six years") @DefaultValue("6") int retentionYears) {

    @AssertTrue(message = "must be longer than zero")
    boolean isUndueDelayTarget() {
        return undueDelayTarget == null || !(undueDelayTarget.isNegative() || undueDelayTarget.isZero());
    }

    @AssertTrue(message = "must be a role of the plan contract: covered_entity, business_associate, phr_vendor, phr_service_provider or none")
    boolean isProvisionalRole() {
        if (provisionalRole == null || provisionalRole.isBlank()) {
            return true;
        }
        try {
            PlanCodes.role(provisionalRole);
            return true;
        } catch (IllegalStateException unknown) {
            return false;
        }
    }

    @AssertTrue(message = "must name an agreements register that exists (a YAML file, e.g. classpath:seeds/breach/agreements.yaml)")
    boolean isAgreements() {
        return agreements == null || agreements.exists();
    }
}
