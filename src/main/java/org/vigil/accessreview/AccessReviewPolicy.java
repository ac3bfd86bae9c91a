package org.vigil.accessreview;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** {@code seeds/accessreview/policy.yaml}: dormancy, de-provisioning deadlines, SoD pairs, the company's holidays. */
@Component
public class AccessReviewPolicy {

    record Deprovisioning(int privilegedWorkingDays, int regularWorkingDays, int verifyWithinWorkingDays) {}

    record SodConflict(String a, String b, String why) {}

    record Seed(int dormantAfterDays, Deprovisioning deprovisioning, String fallbackReviewer,
            List<SodConflict> sodConflicts, Set<LocalDate> holidays) {}

    static final String PATH = "seeds/accessreview/policy.yaml";
    private final Seed seed;

    AccessReviewPolicy() {
        this(load());
    }

    AccessReviewPolicy(Seed seed) {
        this.seed = seed;
    }

    private static Seed load() {
        var yaml = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        try {
            return yaml.readValue(new ClassPathResource(PATH).getContentAsByteArray(), Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Seed file " + PATH + " cannot be read: " + e.getMessage(), e);
        }
    }

    int dormantAfterDays() { return seed.dormantAfterDays(); }
    String fallbackReviewer() { return seed.fallbackReviewer(); }
    List<SodConflict> sodConflicts() { return seed.sodConflicts() == null ? List.of() : seed.sodConflicts(); }

    int deprovisioningWorkingDays(boolean privileged) {
        return privileged ? seed.deprovisioning().privilegedWorkingDays() : seed.deprovisioning().regularWorkingDays();
    }

    int verifyWithinWorkingDays() { return seed.deprovisioning().verifyWithinWorkingDays(); }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && (seed.holidays() == null || !seed.holidays().contains(day));
    }

    /** {@code days} working days after {@code from}, at the same time of day, in {@code zone}. */
    Instant plusWorkingDays(Instant from, int days, ZoneId zone) {
        ZonedDateTime at = from.atZone(zone);
        int left = days;
        while (left > 0) {
            at = at.plusDays(1);
            if (isWorkingDay(at.toLocalDate())) {
                left--;
            }
        }
        return at.toInstant();
    }
}
