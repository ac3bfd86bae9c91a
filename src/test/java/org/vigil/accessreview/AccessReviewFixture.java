package org.vigil.accessreview;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.vigil.accessreview.AccessReviewApi.PhiSystem;

/**
 * One PHI system of a test's own (unique id, so tests sharing the database never see each other's entitlements) with
 * a roster and a snapshot that give every flag and every kind of reviewer:
 * <pre>
 *   account        person     entitlement     reviewer(s)                 flags
 *   staff          staff      read            manager                     -
 *   sysadmin       sysadmin   admin (priv.)   ciso (owner) + manager      PRIVILEGED
 *   jdoe           jdoe-…     read            manager                     TERMINATED
 *   orphan-7       -          read            ciso (owner)                ORPHANED, DORMANT
 *   manager        manager    read            ciso (manager's manager)    -
 * </pre>
 */
final class AccessReviewFixture {

    final String system = "t-" + UUID.randomUUID().toString().substring(0, 8);
    final String terminated = "jdoe-" + UUID.randomUUID().toString().substring(0, 6);
    final LocalDate today;

    AccessReviewFixture(LocalDate today) {
        this.today = today;
    }

    PhiSystem phiSystem() {
        return new PhiSystem(system, "Test system " + system, "ciso", "manager", "phi-restricted");
    }

    String roster() {
        return """
                person,manager,status,terminatedOn
                ciso,,ACTIVE,
                manager,ciso,ACTIVE,
                privacy,ciso,ACTIVE,
                staff,manager,ACTIVE,
                sysadmin,manager,ACTIVE,
                %s,manager,TERMINATED,%s
                """.formatted(terminated, today.minusDays(20));
    }

    String snapshot() {
        return header() + rows();
    }

    /** The same snapshot without the given account's rows, as the next import after a removal. */
    String snapshotWithout(String account) {
        return header() + rows().lines().filter(line -> !line.split(",")[1].equals(account))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static String header() {
        return "system,account,person,manager,entitlement,privileged,lastLogin\n";
    }

    private String rows() {
        String recent = today.minusDays(3).toString();
        return """
                %1$s,staff,staff,manager,read,false,%2$s
                %1$s,sysadmin,sysadmin,manager,admin,true,%2$s
                %1$s,%3$s,%3$s,manager,read,false,%4$s
                %1$s,orphan-7,,,read,false,%5$s
                %1$s,manager,manager,ciso,read,false,%2$s
                """.formatted(system, recent, terminated, today.minusDays(25), today.minusDays(200));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
