package org.vigil.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.scheduling.support.CronExpression;

/** The audit programme's seeds as the application reads them at start, and the start refused on broken seeds. */
class AuditCatalogTest {

    private static final AuditCatalog catalog = new AuditCatalog();

    @Test
    void hasTheNinetyThreeControlsOfAnnexAInTheirFourThemes() {
        assertThat(catalog.controls()).hasSize(93);
        Map<String, Long> perTheme = catalog.controls().stream().collect(Collectors.groupingBy(AnnexAControl::theme, Collectors.counting()));
        assertThat(perTheme).containsExactlyInAnyOrderEntriesOf(Map.of("organizational", 37L, "people", 8L, "physical", 14L, "technological", 34L));
        assertThat(catalog.control("A.5.15")).contains(new AnnexAControl("A.5.15", "organizational", "Access control"));
        assertThat(catalog.control("A.8.34").orElseThrow().title()).isEqualTo("Protection of information systems during audit testing");
        assertThat(catalog.controls().get(0).id()).isEqualTo("A.5.1");
        assertThat(catalog.controls().get(92).id()).isEqualTo("A.8.34");
    }

    @Test
    void hasTheClausesFourToTen() {
        assertThat(catalog.clauses()).extracting(IsmsClause::id).contains("4.1", "4.4", "5.3", "6.1.3", "6.3", "7.5.3", "8.3", "9.2.2", "9.3.3", "10.1", "10.2");
        assertThat(catalog.titleOf("9.2")).contains("Internal audit");
        assertThat(catalog.titleOf("10.2")).contains("Nonconformity and corrective action");
        assertThat(catalog.titleOf("A.5.24")).contains("Information security incident management planning and preparation");
        assertThat(catalog.titleOf("11.1")).isEmpty();
    }

    @Test
    void mapsEachOfTheHundredFourteenControlsOf2013ToControlsOf2022() {
        Set<String> controls2022 = catalog.controls().stream().map(AnnexAControl::id).collect(Collectors.toSet());
        assertThat(catalog.controls2013()).hasSize(114).containsKeys("A.5.1.1", "A.9.2.3", "A.18.2.3");
        for (String id2013 : catalog.controls2013().keySet()) {
            assertThat(catalog.controls2022For(id2013)).as(id2013).isNotEmpty().allMatch(controls2022::contains);
        }
        assertThat(catalog.controls2022For("A.9.2.3")).containsExactly("A.8.2");
        assertThat(catalog.controls2022For("A.18.2.3")).containsExactly("A.5.36", "A.8.8");
        assertThat(catalog.controls2022For("A.16.1.2")).containsExactly("A.6.8");
        assertThat(catalog.controls2022For("9.2.5")).containsExactly("A.5.18");
        assertThat(catalog.controls2022For("A.19.1.1")).isEmpty();
    }

    @Test
    void onlyTheControlsNewIn2022HaveNoCounterpartOf2013() {
        Set<String> mapped = catalog.controls2013().keySet().stream().flatMap(id -> catalog.controls2022For(id).stream()).collect(Collectors.toSet());
        assertThat(catalog.controls().stream().map(AnnexAControl::id).filter(id -> !mapped.contains(id)))
                .containsExactlyInAnyOrder("A.5.7", "A.5.23", "A.5.30", "A.7.4", "A.8.9", "A.8.10", "A.8.11", "A.8.12", "A.8.16", "A.8.23", "A.8.28");
    }

    @Test
    void everyControlAndClauseIsTestedBySomeQuestion() {
        assertThat(uncovered(catalog.areas())).isEmpty();
    }

    @Test
    void hasTheSixteenAreasWithTheirAuditeeGroupsAndFourToTwelveQuestionsEach() {
        Map<String, String> owners = catalog.areas().stream().collect(Collectors.toMap(AuditArea::id, AuditArea::ownerGroup));
        assertThat(owners).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("isms-context-leadership", "ciso"), Map.entry("isms-planning-risk", "ciso"), Map.entry("isms-support", "ciso"),
                Map.entry("isms-operation-performance", "ciso"), Map.entry("isms-improvement", "ciso"), Map.entry("governance-policies", "ciso"),
                Map.entry("asset-information", "it-operations"), Map.entry("access-management", "it-operations"),
                Map.entry("operations-security", "it-operations"), Map.entry("network-crypto", "it-operations"),
                Map.entry("continuity", "it-operations"), Map.entry("physical", "it-operations"),
                Map.entry("supplier-third-party", "managers"), Map.entry("people", "managers"), Map.entry("secure-development", "managers"),
                Map.entry("incident-response", "privacy-office")));
        for (AuditArea area : catalog.areas()) {
            assertThat(area.questions()).as(area.id()).hasSizeBetween(4, 12).allMatch(q -> q.area().equals(area.id()));
            assertThat(area.questions()).as(area.id()).allMatch(q -> !q.text().isBlank() && !q.guidance().isBlank());
        }
    }

    @Test
    void checklistListsTheQuestionsInAreaThenQuestionOrder() {
        var checklist = catalog.checklist(List.of("incident-response", "access-management"));
        assertThat(checklist.get(0).id()).isEqualTo("IR-01");
        assertThat(checklist.get(checklist.size() - 1).id()).isEqualTo("AM-11");
        assertThat(checklist).hasSize(catalog.area("incident-response").orElseThrow().questions().size()
                + catalog.area("access-management").orElseThrow().questions().size());
        var am04 = checklist.stream().filter(q -> q.id().equals("AM-04")).findFirst().orElseThrow();
        assertThat(am04.cites()).containsExactly("A.5.18", "A.8.2");
        assertThat(am04.guidance()).contains("access-review campaign report");
        assertThat(am04.healthcare()).contains("HIPAA 164.308(a)(4)(ii)(C)");
        assertThat(catalog.question("IR-08").orElseThrow().area()).isEqualTo("incident-response");
        assertThat(catalog.question("XX-01")).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> catalog.checklist(List.of("no-such-area"))).withMessageContaining("no-such-area");
    }

    @Test
    void healthcareRequirementsAreAmongTheQuestions() {
        Set<String> citations = catalog.areas().stream().flatMap(a -> a.questions().stream()).flatMap(q -> q.healthcare().stream()).collect(Collectors.toSet());
        assertThat(citations).contains("HIPAA 164.308(a)(1)(ii)(D)", "HIPAA 164.312(b)", "HIPAA 164.404", "HIPAA 164.308(b)(1)", "HITECH 13402",
                "GDPR Art. 32(1)(d)", "GDPR Art. 33", "GDPR Art. 28(3)");
        assertThat(citations).allMatch(c -> c.matches("(HIPAA 164\\.\\d{3}.*|HITECH 134\\d\\d.*|GDPR Art\\. \\d+.*)"));
    }

    @Test
    void comprehensiveAuditsOfThreeYearsCoverEveryControlAndClause() {
        int start = catalog.startYear();
        List<AuditArea> audited = Stream.of(start, start + 1, start + 2)
                .flatMap(year -> catalog.scopeOf("comprehensive", year).stream())
                .distinct().map(id -> catalog.area(id).orElseThrow()).toList();
        assertThat(audited).hasSize(16);
        assertThat(uncovered(audited)).isEmpty();
        // No single year is enough: the rotation spreads the areas.
        assertThat(uncovered(catalog.scopeOf("comprehensive", start).stream().map(id -> catalog.area(id).orElseThrow()).toList())).isNotEmpty();
    }

    @Test
    void everyComprehensiveAuditCoversTheCoreAreasAndTheRotationRepeatsAfterThreeYears() {
        var programme = catalog.programme();
        assertThat(programme.cycleYears()).isEqualTo(3);
        assertThat(programme.coreAreas()).containsExactlyInAnyOrder("isms-context-leadership", "isms-planning-risk", "isms-support",
                "isms-operation-performance", "isms-improvement", "access-management", "incident-response");
        int start = catalog.startYear();
        for (int year = start; year < start + 6; year++) {
            assertThat(catalog.scopeOf("comprehensive", year)).as("year " + year).containsAll(programme.coreAreas())
                    .containsAll(programme.rotation().get((year - start) % 3));
        }
        assertThat(catalog.scopeOf("comprehensive", start + 3)).isEqualTo(catalog.scopeOf("comprehensive", start));
        assertThat(catalog.scopeOf("comprehensive", start - 1)).isEqualTo(catalog.scopeOf("comprehensive", start + 2));
        assertThat(catalog.programmeYear(start + 4)).isEqualTo(2);
        assertThat(catalog.scopeOf("comprehensive", start)).startsWith("isms-context-leadership");
    }

    @Test
    void focusedAuditsCoverAccessManagementAndIncidentResponseEveryYear() {
        assertThat(catalog.scopeOf("focused", 2027)).containsExactly("access-management", "incident-response");
        assertThat(catalog.scopeOf("focused", 2031)).containsExactly("access-management", "incident-response");
        assertThatIllegalArgumentException().isThrownBy(() -> catalog.scopeOf("surprise", 2027)).withMessageContaining("surprise");
    }

    @Test
    void timersFireOnTheFirstDayOfTheYearAndOfEachQuarter() {
        var programme = catalog.programme();
        assertThat(programme.comprehensiveCycle()).isEqualTo("0 5 0 1 1 ?");
        assertThat(programme.focusedCycle()).isEqualTo("0 5 0 1 1,4,7,10 ?");
        var comprehensive = CronExpression.parse(programme.comprehensiveCycle());
        assertThat(comprehensive.next(LocalDateTime.parse("2026-12-01T18:00:00"))).isEqualTo(LocalDateTime.parse("2027-01-01T00:05:00"));
        var focused = CronExpression.parse(programme.focusedCycle());
        assertThat(focused.next(LocalDateTime.parse("2027-01-01T00:05:00"))).isEqualTo(LocalDateTime.parse("2027-04-01T00:05:00"));
        assertThat(focused.next(LocalDateTime.parse("2027-08-15T10:00:00"))).isEqualTo(LocalDateTime.parse("2027-10-01T00:05:00"));
    }

    static Stream<Arguments> brokenSeeds() {
        return Stream.of(
                Arguments.of("an unknown control cited", "checklists/access-management.yaml", "cites: [A.5.15]\n", "cites: [A.5.99]\n",
                        List.of("checklists/access-management.yaml, question AM-01", "cites A.5.99")),
                Arguments.of("a duplicate question id", "checklists/incident-response.yaml", "id: IR-02", "id: IR-01",
                        List.of("checklists/incident-response.yaml, question IR-01", "duplicate id")),
                Arguments.of("an area without owner group", "checklists/physical.yaml", "ownerGroup: it-operations\n", "",
                        List.of("checklists/physical.yaml, area physical", "no owner group")),
                Arguments.of("a control no question cites", "checklists/physical.yaml", "cites: [A.7.4]", "cites: [A.7.3]",
                        List.of("annex-a-2022.yaml, control A.7.4", "cited by no question")),
                Arguments.of("a clause no question cites", "checklists/isms-improvement.yaml", "cites: [\"10.1\"]\n", "cites: [\"10.2\"]\n",
                        List.of("isms-clauses.yaml, clause 10.1", "cited by no question")),
                Arguments.of("a mapping to an unknown 2022 control", "mapping-2013.yaml", "controls2022: [A.8.2]}", "controls2022: [A.8.35]}",
                        List.of("mapping-2013.yaml, control A.9.2.3", "maps to A.8.35")),
                Arguments.of("a control missing", "annex-a-2022.yaml", "      - {id: A.6.7, title: Remote working}\n", "",
                        List.of("annex-a-2022.yaml, theme people", "has 7 controls", "has 8")),
                Arguments.of("a 2013 control missing", "mapping-2013.yaml", "  - {id: A.6.2.2,  title: Teleworking, controls2022: [A.6.7]}\n", "",
                        List.of("mapping-2013.yaml, mappings", "has 113 controls")),
                Arguments.of("an area the rotation never audits", "programme.yaml", "[governance-policies, secure-development, physical]",
                        "[governance-policies, secure-development]", List.of("programme.yaml, rotation", "never audits area physical")),
                Arguments.of("an unknown key", "checklists/people.yaml", "ownerGroup: managers", "ownerGroup: managers\nowner: managers",
                        List.of("checklists/people.yaml", "owner")),
                Arguments.of("a broken cron expression", "programme.yaml", "\"0 5 0 1 1 ?\"", "\"0 5 0 1 13 ?\"",
                        List.of("programme.yaml, comprehensiveCycle", "0 5 0 1 13 ?")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenSeeds")
    void aBrokenSeedStopsTheStartNamingTheFileAndTheEntry(String broken, String file, String from, String to, List<String> message, @TempDir Path copy)
            throws IOException {
        copySeeds(copy);
        Path target = copy.resolve(file);
        String content = Files.readString(target);
        assertThat(content).as("the seed to break").contains(from);
        Files.writeString(target, content.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));

        assertThatIllegalStateException().isThrownBy(() -> new AuditCatalog("file:" + copy + "/"))
                .satisfies(e -> assertThat(e.getMessage()).contains(message));
    }

    @Test
    void aCopyOfTheSeedsReadsAsTheOriginals(@TempDir Path copy) throws IOException {
        copySeeds(copy);
        var fromFiles = new AuditCatalog("file:" + copy + "/");
        assertThat(fromFiles.areas()).isEqualTo(catalog.areas());
        assertThat(fromFiles.programme()).isEqualTo(catalog.programme());
    }

    @Test
    void aChecklistNotInTheProgrammeIsRefused(@TempDir Path copy) throws IOException {
        copySeeds(copy);
        Files.copy(copy.resolve("checklists/people.yaml"), copy.resolve("checklists/privacy.yaml"));
        assertThatIllegalStateException().isThrownBy(() -> new AuditCatalog("file:" + copy + "/"))
                .withMessageContaining("checklists/privacy.yaml, area privacy: is not among the areas of programme.yaml");
    }

    /** Clauses and controls no question of these areas cites (a sub-clause also answers for its clause). */
    private static Set<String> uncovered(List<AuditArea> areas) {
        Set<String> cited = new HashSet<>();
        areas.stream().flatMap(a -> a.questions().stream()).flatMap(q -> q.cites().stream()).forEach(cite -> {
            cited.add(cite);
            if (!cite.startsWith("A.") && cite.chars().filter(c -> c == '.').count() == 2) {
                cited.add(cite.substring(0, cite.lastIndexOf('.')));
            }
        });
        Set<String> all = new TreeSet<>();
        catalog.controls().stream().map(AnnexAControl::id).forEach(all::add);
        catalog.clauses().stream().map(IsmsClause::id).forEach(all::add);
        all.removeIf(cited::contains);
        return all;
    }

    private static void copySeeds(Path copy) throws IOException {
        Path seeds = Path.of("seeds/audit");
        try (var files = Files.walk(seeds)) {
            for (Path source : files.filter(Files::isRegularFile).toList()) {
                Path target = copy.resolve(seeds.relativize(source).toString());
                Files.createDirectories(target.getParent());
                Files.copy(source, target);
            }
        }
    }
}
