package org.vigil.regulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The regulation input of a management review (ISO 27001 9.3 b), changes in external issues): the rule catalog's
 * version and one item per rule, keyed by the rule's id, with a SHA-256 fingerprint of the rule's canonical content (its
 * fields as JSON, properties and map keys sorted, nulls left out). The review compares two packs' items: a rule added,
 * removed, or changed when its fingerprint differs. The catalog keeps no history of its own, so the input is the catalog
 * loaded now whatever the period; the frozen pack is what keeps each review's catalog.
 */
@Component
class CatalogReviewInput implements ReviewInputSource {

    static final String KEY = "regulation";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .findAndAddModules()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final RuleCatalog catalog;
    private final Clock clock;

    CatalogReviewInput(RuleCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<String> reviewKinds() {
        return Set.of("quarterly", "annual");
    }

    @Override
    public ReviewInput read(ReviewPeriod period) {
        List<ReviewItem> items = catalog.rules().stream().map(CatalogReviewInput::item).toList();
        long unverified = catalog.rules().stream().filter(rule -> rule.confidence() == Rule.Confidence.UNVERIFIED).count();
        return new ReviewInput(KEY, "Breach-notification rule catalog", "9.3 b) changes in external issues: regulatory landscape",
                "Regulation (seeds/regulation/breach-notification-rules.yaml)", clock.instant(), true,
                List.of(new ReviewFigure(KEY + ".rules", "Rules in the catalog", (double) items.size(), "count",
                                "duties of catalog version " + catalog.version(), null),
                        new ReviewFigure(KEY + ".rules.unverified", "Rules not yet verified by counsel", (double) unverified, "count",
                                "rules of catalog version " + catalog.version() + " with confidence UNVERIFIED", null)),
                items,
                List.of("Catalog version " + catalog.version() + ".",
                        "Compare with the previous review's pack: rules added, removed, or changed (fingerprint differs)."));
    }

    static ReviewItem item(Rule rule) {
        return new ReviewItem(rule.id(), rule.jurisdiction() + ": " + rule.recipient() + ", " + CatalogReports.clock(rule.clock()),
                fingerprint(rule));
    }

    /** SHA-256 of the rule's canonical JSON: the same content gives the same fingerprint in every run. */
    static String fingerprint(Rule rule) {
        try {
            byte[] canonical = CANONICAL.writeValueAsString(rule).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Rule " + rule.id() + " cannot be written as canonical JSON", e);
        }
    }
}
