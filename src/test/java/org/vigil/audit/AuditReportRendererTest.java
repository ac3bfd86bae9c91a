package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vigil.audit.AuditApi.AuditDetail;
import org.vigil.audit.AuditApi.AuditView;
import org.vigil.audit.AuditApi.EvidenceView;
import org.vigil.platform.CompanySettings;
import org.vigil.platform.VelocityTemplates;

/** The report's HTML, without the PDF step (documents lays it out). */
class AuditReportRendererTest {

    private final AuditReportRenderer renderer = new AuditReportRenderer(VelocityTemplates.engine(List.of()),
            new CompanySettings(ZoneId.of("America/New_York"), "classpath:seeds/calendar/company-calendar.yaml"), null);

    /** The evidence table gives each file's size in bytes, not the number of entries of the row's model map ({@code $e.size}). */
    @Test
    void evidenceRowShowsTheFileSizeInBytes() {
        Instant at = Instant.parse("2026-12-01T18:55:43Z");
        var audit = new AuditView(1, "pi", "focused", 2026, 4, "RESPONSE", List.of(), "criteria", "auditor", List.of(),
                LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-11"), null, "ciso", at, at, null);
        var evidence = new EvidenceView(1, "AM-01", "am01-evidence.txt", "text/plain", 74,
                "5afbdadde3a4a55ae5271465210f913a189f47c77436b01e8978292c3ab09735", "auditor", at);
        var detail = new AuditDetail(audit, List.of(), List.of(), List.of(evidence), List.of(), List.of(), Map.of());

        String html = renderer.html(detail, 1, "draft", Map.of());

        assertThat(html).contains("<td>am01-evidence.txt</td><td>74</td>");
    }
}
