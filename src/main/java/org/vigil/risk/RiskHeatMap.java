package org.vigil.risk;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The register as a 5 x 5 grid: how many open risks sit at each likelihood (rows, 5 at the top) and impact (columns,
 * 1 at the left), rated residual where treated and inherent otherwise; each cell with the band of its rating
 * ({@code seeds/risk/criteria.yaml}). Risks not yet rated, closed, or of a retired asset are left out.
 */
@NamedInterface("api")
public record RiskHeatMap(List<Row> rows, long total, int acceptanceThreshold) {

    /** One likelihood level, its cells from impact 1 to 5. */
    @NamedInterface("api")
    public record Row(int likelihood, String likelihoodName, List<Cell> cells) {}

    @NamedInterface("api")
    public record Cell(int likelihood, int impact, int rating, String band, boolean aboveThreshold, long count) {}

    /** Risks counted at likelihood {@code likelihood} and impact {@code impact}, each 1..5. */
    public long count(int likelihood, int impact) {
        return rows.get(5 - likelihood).cells().get(impact - 1).count();
    }
}
