package org.vigil.accessreview;

import java.util.List;
import org.springframework.stereotype.Component;
import org.vigil.platform.SeedReader;

/**
 * {@code seeds/accessreview/policy.yaml}: dormancy, de-provisioning deadlines in working days, SoD pairs, the fallback
 * reviewer. The working days themselves are the company calendar's ({@link org.vigil.platform.CompanyCalendar}).
 */
@Component
public class AccessReviewPolicy {

    record Deprovisioning(int privilegedWorkingDays, int regularWorkingDays, int verifyWithinWorkingDays) {}

    record SodConflict(String a, String b, String why) {}

    record Seed(int dormantAfterDays, Deprovisioning deprovisioning, String fallbackReviewer,
            List<SodConflict> sodConflicts) {}

    static final String PATH = "seeds/accessreview/policy.yaml";
    private final Seed seed;

    AccessReviewPolicy() {
        this(load());
    }

    AccessReviewPolicy(Seed seed) {
        this.seed = seed;
    }

    private static Seed load() {
        return SeedReader.read(PATH, Seed.class);
    }

    int dormantAfterDays() { return seed.dormantAfterDays(); }
    String fallbackReviewer() { return seed.fallbackReviewer(); }
    List<SodConflict> sodConflicts() { return seed.sodConflicts() == null ? List.of() : seed.sodConflicts(); }

    int deprovisioningWorkingDays(boolean privileged) {
        return privileged ? seed.deprovisioning().privilegedWorkingDays() : seed.deprovisioning().regularWorkingDays();
    }

    int verifyWithinWorkingDays() { return seed.deprovisioning().verifyWithinWorkingDays(); }
}
