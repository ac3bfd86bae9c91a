package org.vigil.managementreview;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.vigil.managementreview.spi.ReviewFigure;
import org.vigil.managementreview.spi.ReviewInput;
import org.vigil.managementreview.spi.ReviewInputSource;
import org.vigil.managementreview.spi.ReviewItem;
import org.vigil.managementreview.spi.ReviewPeriod;

/**
 * A test-only input whose live data the tests set per period label: one figure and a list of items, so that a test
 * can change the live data after the meeting and see the frozen pack stay as it was, and see the charts' earlier
 * periods. The real sources come from the other capabilities.
 */
@Component
class TestFiguresSource implements ReviewInputSource {

    static final String KEY = "test-figures";
    private final Map<String, Double> values = new ConcurrentHashMap<>();
    private volatile List<ReviewItem> items = List.of();
    private final Clock clock;

    TestFiguresSource(Clock clock) {
        this.clock = clock;
    }

    void set(String periodLabel, double value) {
        values.put(periodLabel, value);
    }

    void items(List<ReviewItem> items) {
        this.items = List.copyOf(items);
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<String> reviewKinds() {
        return Set.of("quarterly", "monthly", "annual");
    }

    @Override
    public ReviewInput read(ReviewPeriod period) {
        return new ReviewInput(KEY, "Test figures", "9.3.2 d) 2) monitoring and measurement results", "the test", clock.instant(), true,
                List.of(new ReviewFigure(KEY + ".incidents", "Incidents with patient data", values.getOrDefault(period.label(), 0.0),
                        "count", "reported in the period", null)),
                items, List.of());
    }
}
