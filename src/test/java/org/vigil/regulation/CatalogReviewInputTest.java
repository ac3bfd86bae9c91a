package org.vigil.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * The regulation input lists every rule of the catalog with a fingerprint of its content: reading the same catalog twice
 * gives the same items, and a counsel's change to one rule (Maryland's 45 days become 30) changes that rule's
 * fingerprint and no other, so the review's pack comparison shows exactly that rule changed.
 */
class CatalogReviewInputTest {

    static final ReviewPeriod Q3 = new ReviewPeriod(Instant.parse("2026-07-01T04:00:00Z"), Instant.parse("2026-10-01T04:00:00Z"), "2026-Q3", null);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-12T13:00:00Z"), ZoneOffset.UTC);

    @Test
    void everyRuleIsAnItemWithItsJurisdictionRecipientAndDeadlineInWords() {
        var input = new CatalogReviewInput(Plans.CATALOG, CLOCK).read(Q3);

        assertThat(input.key()).isEqualTo("regulation");
        assertThat(input.available()).isTrue();
        assertThat(input.readAt()).isEqualTo(CLOCK.instant());
        assertThat(input.items()).hasSize(Plans.CATALOG.size());
        assertThat(input.items()).extracting(ReviewItem::key).doesNotHaveDuplicates();
        assertThat(input.notes()).contains("Catalog version 2026-12-01.");
        assertThat(input.figures()).anySatisfy(figure -> {
            assertThat(figure.key()).isEqualTo("regulation.rules");
            assertThat(figure.value()).isEqualTo((double) Plans.CATALOG.size());
        });
        var items = byKey(input.items());
        assertThat(items.get("MD-INDIVIDUALS").text()).isEqualTo("US-MD: individuals, 45 days after discovery");
        assertThat(items.values()).allSatisfy(item -> assertThat(item.fingerprint()).matches("[0-9a-f]{64}"));
    }

    @Test
    void theSameCatalogReadAgainGivesTheSameFingerprints() {
        var first = new CatalogReviewInput(Plans.CATALOG, CLOCK).read(Q3).items();
        var again = new CatalogReviewInput(load(Function.identity()), CLOCK).read(Q3).items();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aChangedRuleChangesItsFingerprintAndNoOther() {
        var before = byKey(new CatalogReviewInput(Plans.CATALOG, CLOCK).read(Q3).items());
        String maryland = "  - id: MD-INDIVIDUALS\n    recipient: individuals\n    jurisdiction: US-MD\n";
        var changed = load(text -> !text.contains(maryland) ? text : text.substring(0, text.indexOf(maryland))
                + text.substring(text.indexOf(maryland)).replaceFirst("period: calendar_days, amount: 45\\}", "period: calendar_days, amount: 30}"));
        var after = byKey(new CatalogReviewInput(changed, CLOCK).read(Q3).items());

        assertThat(after.keySet()).isEqualTo(before.keySet());
        var differing = before.keySet().stream().filter(id -> !before.get(id).fingerprint().equals(after.get(id).fingerprint())).toList();
        assertThat(differing).containsExactly("MD-INDIVIDUALS");
        assertThat(after.get("MD-INDIVIDUALS").text()).isEqualTo("US-MD: individuals, 30 days after discovery");
    }

    private static Map<String, ReviewItem> byKey(java.util.List<ReviewItem> items) {
        return items.stream().collect(Collectors.toMap(ReviewItem::key, item -> item));
    }

    /** The shipped catalog, each included file passed through {@code edit} (counsel's change). */
    private static RuleCatalog load(Function<String, String> edit) {
        return RuleCatalog.load(stream(resource("seeds/regulation/breach-notification-rules.yaml")), "test.yaml",
                included -> stream(edit.apply(resource("seeds/regulation/" + included))));
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String resource(String path) {
        try (var in = CatalogReviewInputTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
