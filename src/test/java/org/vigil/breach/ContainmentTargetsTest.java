package org.vigil.breach;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The management review's containment targets are the SLA policy's (seeds/sla/policies.yaml), read from the same
 * file: elapsed hours by severity as targets, the working days of a low-severity incident in words only.
 */
class ContainmentTargetsTest {

    final ContainmentTargets targets = new ContainmentTargets("classpath:seeds/sla/policies.yaml", new DefaultResourceLoader());

    @Test
    void criticalHighAndMediumIncidentsHaveTheirElapsedHoursAsTarget() {
        assertThat(targets.forSeverity("critical")).isEqualTo(new ContainmentTargets.Target(4.0, "4 hours"));
        assertThat(targets.forSeverity("high")).isEqualTo(new ContainmentTargets.Target(24.0, "24 hours"));
        assertThat(targets.forSeverity("medium")).isEqualTo(new ContainmentTargets.Target(72.0, "72 hours"));
    }

    @Test
    void aLowIncidentFallsToThePolicyWithoutConditionWhoseWorkingDaysHaveNoFixedLength() {
        assertThat(targets.forSeverity("low")).isEqualTo(new ContainmentTargets.Target(null, "5 working days (company calendar)"));
    }
}
