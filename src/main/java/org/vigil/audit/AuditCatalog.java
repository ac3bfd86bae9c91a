package org.vigil.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.vigil.platform.SeedReader;

/**
 * The audit programme and its checklists, read once at start from {@code seeds/audit/} and checked before anything
 * uses them: a mistake in the seeds (a control that does not exist, a duplicate id, an area without its auditee
 * group, a control or clause that no question tests, a 2013 control mapped to nothing known) stops the start with
 * a message naming the file and the entry, so an audit is never planned on a checklist that leaves a control out.
 *
 * <p>Files: {@code annex-a-2022.yaml} (the 93 controls), {@code isms-clauses.yaml} (clauses 4.1 to 10.2),
 * {@code mapping-2013.yaml} (the 114 controls of the 2013 edition and their 2022 counterparts),
 * {@code programme.yaml} (cycle, timers, core areas, rotation) and {@code checklists/<area-id>.yaml}.
 */
@Component
@org.springframework.modulith.NamedInterface("catalog")
public class AuditCatalog {

    /** Where the application reads its seeds. */
    public static final String SEEDS = "classpath:seeds/audit/";

    static final String ANNEX_A = "annex-a-2022.yaml";
    static final String CLAUSES = "isms-clauses.yaml";
    static final String MAPPING = "mapping-2013.yaml";
    static final String PROGRAMME = "programme.yaml";
    static final String CHECKLISTS = "checklists/";

    /** Controls per theme in ISO/IEC 27001:2022 Annex A; the theme is also the control's first number. */
    private static final Map<String, Integer> THEMES = themes();
    private static final int CONTROLS_2013 = 114;
    private static final int MIN_QUESTIONS = 4;
    private static final int MAX_QUESTIONS = 12;
    private static final Pattern AREA_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Z]{2,4}-\\d{2}");
    private static final Pattern GROUP_ID = Pattern.compile("[a-z][a-z0-9-]*");

    // The files as they are written; the public records are built from them once checked.
    record ControlSeed(String id, String title) {}

    record ThemeSeed(String theme, List<ControlSeed> controls) {}

    record AnnexASeed(List<ThemeSeed> themes) {}

    record ClauseSeed(String id, String title) {}

    record ClausesSeed(List<ClauseSeed> clauses) {}

    record MappingSeed(String id, String title, List<String> controls2022) {}

    record MappingsSeed(List<MappingSeed> mappings) {}

    record ProgrammeSeed(int startYear, int cycleYears, String comprehensiveCycle, String focusedCycle, List<String> focusedAreas,
            List<String> coreAreas, List<List<String>> rotation, List<String> areas) {}

    record QuestionSeed(String id, List<String> cites, String text, String guidance, List<String> healthcare) {}

    record ChecklistSeed(String area, String name, String ownerGroup, List<String> cites, List<QuestionSeed> questions) {}

    private final String location;
    private final Problems problems = new Problems();
    private final Map<String, AnnexAControl> controls = new LinkedHashMap<>();
    private final Map<String, IsmsClause> clauses = new LinkedHashMap<>();
    private final Map<String, List<String>> mapping2013 = new LinkedHashMap<>();
    private final Map<String, String> titles2013 = new LinkedHashMap<>();
    private final Map<String, AuditArea> areas = new LinkedHashMap<>();
    private final int startYear;
    private final AuditProgramme programme;

    /** The application's catalogue, from {@link #SEEDS}. */
    public AuditCatalog() {
        this(SEEDS);
    }

    /**
     * A catalogue read from {@code location}, a folder given as a Spring resource location ending in {@code /}
     * ({@code classpath:seeds/audit/} or {@code file:/tmp/copy/}).
     *
     * @throws IllegalStateException naming every file and entry that is wrong
     */
    public AuditCatalog(String location) {
        this.location = location.endsWith("/") ? location : location + "/";
        readControls();
        readClauses();
        readMapping();
        var seed = read(PROGRAMME, ProgrammeSeed.class);
        readChecklists(seed);
        this.startYear = seed.startYear();
        this.programme = checkProgramme(seed);
        checkCoverage();
        problems.throwIfAny(this.location);
    }

    /** The areas in the programme's order: ISMS clauses first, then the Annex A themes. */
    public List<AuditArea> areas() {
        return List.copyOf(areas.values());
    }

    public Optional<AuditArea> area(String id) {
        return Optional.ofNullable(areas.get(id));
    }

    /** The questions of these areas, in area then question order (an area named twice is listed once). */
    public List<ChecklistQuestion> checklist(List<String> areaIds) {
        var questions = new ArrayList<ChecklistQuestion>();
        for (String id : new LinkedHashSet<>(areaIds)) {
            questions.addAll(area(id).orElseThrow(() -> new IllegalArgumentException("No audit area " + id)).questions());
        }
        return List.copyOf(questions);
    }

    /** A question by its id ({@code "AM-04"}), unique over all checklists. */
    public Optional<ChecklistQuestion> question(String id) {
        return areas.values().stream().flatMap(a -> a.questions().stream()).filter(q -> q.id().equals(id)).findFirst();
    }

    /**
     * Area ids a planned audit covers, in the programme's order: kind {@code comprehensive} in year {@code year} (the
     * core areas plus that year's share of the rotation) or {@code focused} (the focused areas, any year).
     */
    public List<String> scopeOf(String kind, int year) {
        Set<String> scope = switch (kind) {
            case "comprehensive" -> {
                var ids = new LinkedHashSet<>(programme.coreAreas());
                ids.addAll(programme.rotation().get(programmeYear(year) - 1));
                yield ids;
            }
            case "focused" -> new LinkedHashSet<>(programme.focusedAreas());
            default -> throw new IllegalArgumentException("Audit kind " + kind + " is neither comprehensive nor focused");
        };
        return areas.keySet().stream().filter(scope::contains).toList();
    }

    /** Which year of the programme's cycle {@code year} is, 1 to {@code cycleYears}, counted from the programme's start year. */
    public int programmeYear(int year) {
        return Math.floorMod(year - startYear, programme.cycleYears()) + 1;
    }

    /** The calendar year the programme's first cycle starts. */
    public int startYear() {
        return startYear;
    }

    /** The 93 controls of ISO/IEC 27001:2022 Annex A, in their order. */
    public List<AnnexAControl> controls() {
        return List.copyOf(controls.values());
    }

    public Optional<AnnexAControl> control(String id) {
        return Optional.ofNullable(controls.get(id));
    }

    /** Clauses 4.1 to 10.2 of ISO/IEC 27001:2022 (with sub-clauses), in their order. */
    public List<IsmsClause> clauses() {
        return List.copyOf(clauses.values());
    }

    /** The short title of a clause or control a question cites ({@code "9.2"}, {@code "A.5.15"}), or empty. */
    public Optional<String> titleOf(String citation) {
        if (controls.containsKey(citation)) {
            return Optional.of(controls.get(citation).title());
        }
        return Optional.ofNullable(clauses.get(citation)).map(IsmsClause::title);
    }

    /** The 2022 control(s) an ISO/IEC 27001:2013 Annex A control became ({@code "A.9.2.3"} → {@code ["A.8.2"]}); empty when unknown. */
    public List<String> controls2022For(String iso2013Id) {
        if (iso2013Id == null) {
            return List.of();
        }
        String id = iso2013Id.strip();
        return mapping2013.getOrDefault(id.startsWith("A.") ? id : "A." + id, List.of());
    }

    /** The 114 controls of ISO/IEC 27001:2013 Annex A with their short titles, in their order. */
    public Map<String, String> controls2013() {
        return java.util.Collections.unmodifiableMap(titles2013);
    }

    public AuditProgramme programme() {
        return programme;
    }

    // ---- reading and checking

    private void readControls() {
        var seed = read(ANNEX_A, AnnexASeed.class);
        var perTheme = new LinkedHashMap<String, Integer>();
        for (ThemeSeed theme : list(seed.themes())) {
            Integer expected = THEMES.get(theme.theme());
            if (expected == null) {
                problems.add(ANNEX_A, "theme " + theme.theme(), "is not one of " + THEMES.keySet());
                continue;
            }
            String prefix = "A." + (5 + List.copyOf(THEMES.keySet()).indexOf(theme.theme())) + ".";
            for (ControlSeed control : list(theme.controls())) {
                String entry = "control " + control.id();
                if (control.id() == null || !control.id().matches(Pattern.quote(prefix) + "[1-9][0-9]?")) {
                    problems.add(ANNEX_A, entry, "is not a control id of theme " + theme.theme() + " (" + prefix + "n)");
                } else if (blank(control.title())) {
                    problems.add(ANNEX_A, entry, "has no title");
                } else if (controls.putIfAbsent(control.id(), new AnnexAControl(control.id(), theme.theme(), control.title().strip())) != null) {
                    problems.add(ANNEX_A, entry, "is listed twice");
                } else {
                    perTheme.merge(theme.theme(), 1, Integer::sum);
                }
            }
        }
        THEMES.forEach((theme, expected) -> {
            int found = perTheme.getOrDefault(theme, 0);
            if (found != expected) {
                problems.add(ANNEX_A, "theme " + theme, "has " + found + " controls, ISO/IEC 27001:2022 Annex A has " + expected);
            }
        });
    }

    private void readClauses() {
        var seed = read(CLAUSES, ClausesSeed.class);
        for (ClauseSeed clause : list(seed.clauses())) {
            String entry = "clause " + clause.id();
            if (clause.id() == null || !clause.id().matches("(4|5|6|7|8|9|10)\\.[1-9](\\.[1-9])?")) {
                problems.add(CLAUSES, entry, "is not a clause of 4.1 to 10.2");
            } else if (blank(clause.title())) {
                problems.add(CLAUSES, entry, "has no title");
            } else if (clause.id().chars().filter(c -> c == '.').count() == 2 && !clauses.containsKey(parent(clause.id()))) {
                problems.add(CLAUSES, entry, "comes before its clause " + parent(clause.id()));
            } else if (clauses.putIfAbsent(clause.id(), new IsmsClause(clause.id(), clause.title().strip())) != null) {
                problems.add(CLAUSES, entry, "is listed twice");
            }
        }
        for (String required : List.of("4.1", "5.1", "6.1", "7.1", "8.1", "9.1", "9.2", "9.3", "10.1", "10.2")) {
            if (!clauses.containsKey(required)) {
                problems.add(CLAUSES, "clause " + required, "is missing");
            }
        }
    }

    private void readMapping() {
        var seed = read(MAPPING, MappingsSeed.class);
        for (MappingSeed mapping : list(seed.mappings())) {
            String entry = "control " + mapping.id();
            if (mapping.id() == null || !mapping.id().matches("A\\.(5|6|7|8|9|10|11|12|13|14|15|16|17|18)\\.\\d\\.\\d{1,2}")) {
                problems.add(MAPPING, entry, "is not a control id of ISO/IEC 27001:2013 Annex A (A.5.1.1 to A.18.2.3)");
                continue;
            }
            if (blank(mapping.title())) {
                problems.add(MAPPING, entry, "has no title");
            }
            if (list(mapping.controls2022()).isEmpty()) {
                problems.add(MAPPING, entry, "maps to no 2022 control");
            }
            for (String target : list(mapping.controls2022())) {
                if (!controls.containsKey(target)) {
                    problems.add(MAPPING, entry, "maps to " + target + ", which is not a control of " + ANNEX_A);
                }
            }
            if (mapping2013.putIfAbsent(mapping.id(), List.copyOf(list(mapping.controls2022()))) != null) {
                problems.add(MAPPING, entry, "is listed twice");
            } else {
                titles2013.put(mapping.id(), blank(mapping.title()) ? "" : mapping.title().strip());
            }
        }
        if (mapping2013.size() != CONTROLS_2013) {
            problems.add(MAPPING, "mappings", "has " + mapping2013.size() + " controls, ISO/IEC 27001:2013 Annex A has " + CONTROLS_2013);
        }
    }

    private void readChecklists(ProgrammeSeed seed) {
        var questionIds = new LinkedHashMap<String, String>();
        for (String areaId : list(seed.areas())) {
            String file = CHECKLISTS + areaId + ".yaml";
            if (areaId == null || !AREA_ID.matcher(areaId).matches()) {
                problems.add(PROGRAMME, "areas: " + areaId, "is not an area id (lower case, digits and dashes)");
                continue;
            }
            if (areas.containsKey(areaId)) {
                problems.add(PROGRAMME, "areas: " + areaId, "is listed twice");
                continue;
            }
            if (!resource(file).exists()) {
                problems.add(PROGRAMME, "areas: " + areaId, "has no checklist " + file);
                continue;
            }
            var checklist = read(file, ChecklistSeed.class);
            if (!areaId.equals(checklist.area())) {
                problems.add(file, "area " + checklist.area(), "differs from the file's name " + areaId);
            }
            if (blank(checklist.name())) {
                problems.add(file, "area " + areaId, "has no name");
            }
            if (blank(checklist.ownerGroup()) || !GROUP_ID.matcher(checklist.ownerGroup()).matches()) {
                problems.add(file, "area " + areaId, "has no owner group (the auditee group, e.g. it-operations)");
            }
            for (String cite : list(checklist.cites())) {
                checkCitation(file, "area " + areaId, cite);
            }
            var questions = new ArrayList<ChecklistQuestion>();
            for (QuestionSeed question : list(checklist.questions())) {
                String entry = "question " + question.id();
                if (question.id() == null || !QUESTION_ID.matcher(question.id()).matches()) {
                    problems.add(file, entry, "is not a question id like AM-01");
                    continue;
                }
                String earlier = questionIds.putIfAbsent(question.id(), file);
                if (earlier != null) {
                    problems.add(file, entry, "is a duplicate id, already used in " + earlier);
                    continue;
                }
                if (list(question.cites()).isEmpty()) {
                    problems.add(file, entry, "cites no clause or control");
                }
                for (String cite : list(question.cites())) {
                    checkCitation(file, entry, cite);
                }
                if (blank(question.text())) {
                    problems.add(file, entry, "has no text");
                }
                if (blank(question.guidance())) {
                    problems.add(file, entry, "has no guidance (the evidence to look at)");
                }
                if (list(question.healthcare()).stream().anyMatch(AuditCatalog::blank)) {
                    problems.add(file, entry, "has an empty healthcare citation");
                }
                questions.add(new ChecklistQuestion(question.id(), areaId, list(question.cites()), strip(question.text()),
                        strip(question.guidance()), list(question.healthcare())));
            }
            if (questions.size() < MIN_QUESTIONS || questions.size() > MAX_QUESTIONS) {
                problems.add(file, "area " + areaId, "has " + questions.size() + " questions, an area has " + MIN_QUESTIONS + " to " + MAX_QUESTIONS);
            }
            areas.put(areaId, new AuditArea(areaId, strip(checklist.name()), checklist.ownerGroup(), list(checklist.cites()), questions));
        }
        for (String stray : checklistFiles()) {
            if (!areas.containsKey(stray) && !list(seed.areas()).contains(stray)) {
                problems.add(CHECKLISTS + stray + ".yaml", "area " + stray, "is not among the areas of " + PROGRAMME);
            }
        }
    }

    private AuditProgramme checkProgramme(ProgrammeSeed seed) {
        if (seed.startYear() < 2000) {
            problems.add(PROGRAMME, "startYear", "is missing or before 2000");
        }
        if (seed.cycleYears() < 1) {
            problems.add(PROGRAMME, "cycleYears", "must be at least 1");
        }
        for (var cron : Map.of("comprehensiveCycle", String.valueOf(seed.comprehensiveCycle()), "focusedCycle", String.valueOf(seed.focusedCycle())).entrySet()) {
            if (!CronExpression.isValidExpression(cron.getValue())) {
                problems.add(PROGRAMME, cron.getKey(), "'" + cron.getValue() + "' is not a 6-field cron expression (second minute hour day month weekday)");
            }
        }
        checkAreas("focusedAreas", list(seed.focusedAreas()));
        checkAreas("coreAreas", list(seed.coreAreas()));
        var rotation = list(seed.rotation());
        if (rotation.size() != Math.max(seed.cycleYears(), 1)) {
            problems.add(PROGRAMME, "rotation", "has " + rotation.size() + " years, the cycle " + seed.cycleYears());
        }
        var rotated = new LinkedHashSet<String>();
        for (int year = 0; year < rotation.size(); year++) {
            var share = list(rotation.get(year));
            String entry = "rotation[" + year + "]";
            checkAreas(entry, share);
            for (String id : share) {
                if (list(seed.coreAreas()).contains(id)) {
                    problems.add(PROGRAMME, entry + ": " + id, "is a core area, audited every year already");
                }
            }
            rotated.addAll(share);
        }
        for (String id : areas.keySet()) {
            if (!list(seed.coreAreas()).contains(id) && !rotated.contains(id)) {
                problems.add(PROGRAMME, "rotation", "never audits area " + id + " in the cycle");
            }
        }
        List<List<String>> years = new ArrayList<>();
        rotation.forEach(share -> years.add(list(share)));
        while (years.size() < Math.max(seed.cycleYears(), 1)) {
            years.add(List.of());
        }
        return new AuditProgramme(Math.max(seed.cycleYears(), 1), seed.comprehensiveCycle(), seed.focusedCycle(), list(seed.focusedAreas()),
                years, list(seed.coreAreas()));
    }

    private void checkAreas(String entry, List<String> ids) {
        var seen = new java.util.HashSet<String>();
        for (String id : ids) {
            if (!areas.containsKey(id)) {
                problems.add(PROGRAMME, entry + ": " + id, "is not an area with a checklist in " + CHECKLISTS);
            } else if (!seen.add(id)) {
                problems.add(PROGRAMME, entry + ": " + id, "is listed twice");
            }
        }
    }

    /** Every control and clause is tested by some question, and each has an area whose scope names it. */
    private void checkCoverage() {
        var asked = new java.util.HashSet<String>();
        var scoped = new java.util.HashSet<String>();
        for (AuditArea area : areas.values()) {
            area.questions().forEach(q -> q.cites().forEach(cite -> addWithParents(asked, cite)));
            area.cites().forEach(cite -> addWithParents(scoped, cite));
        }
        for (String id : controls.keySet()) {
            if (!asked.contains(id)) {
                problems.add(ANNEX_A, "control " + id, "is cited by no question of " + CHECKLISTS);
            }
            if (!scoped.contains(id)) {
                problems.add(ANNEX_A, "control " + id, "is in no area's cites in " + CHECKLISTS);
            }
        }
        for (String id : clauses.keySet()) {
            if (!asked.contains(id)) {
                problems.add(CLAUSES, "clause " + id, "is cited by no question of " + CHECKLISTS);
            }
            if (!scoped.contains(id)) {
                problems.add(CLAUSES, "clause " + id, "is in no area's cites in " + CHECKLISTS);
            }
        }
    }

    /** A sub-clause (6.1.2) also stands for the clause it belongs to (6.1), never the other way round. */
    private static void addWithParents(Set<String> ids, String cite) {
        ids.add(cite);
        if (!cite.startsWith("A.") && cite.chars().filter(c -> c == '.').count() == 2) {
            ids.add(parent(cite));
        }
    }

    private void checkCitation(String file, String entry, String cite) {
        if (cite == null || !(controls.containsKey(cite) || clauses.containsKey(cite))) {
            problems.add(file, entry, "cites " + cite + ", which is neither a control of " + ANNEX_A + " nor a clause of " + CLAUSES);
        }
    }

    private <T> T read(String file, Class<T> type) {
        Resource resource = resource(file);
        try (var in = resource.getInputStream()) {
            return SeedReader.read(in.readAllBytes(), name(file), type);
        } catch (IOException e) {
            throw new IllegalStateException("Seed file " + name(file) + " cannot be read: " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private Resource resource(String file) {
        return RESOLVER.getResource(location + file);
    }

    private Collection<String> checklistFiles() {
        try {
            var names = new TreeSet<String>();
            for (Resource resource : RESOLVER.getResources(location + CHECKLISTS + "*.yaml")) {
                String name = resource.getFilename();
                if (name != null) {
                    names.add(name.substring(0, name.length() - ".yaml".length()));
                }
            }
            return names;
        } catch (IOException e) {
            // The listing only looks for strays; the files the programme names were read one by one.
            return List.of();
        }
    }

    private String name(String file) {
        return location.replaceFirst("^(classpath|file):", "") + file;
    }

    // Vigil's own class loader: the thread's may be a stopped web application's when a second context starts in one JVM.
    private static final PathMatchingResourcePatternResolver RESOLVER = new PathMatchingResourcePatternResolver(AuditCatalog.class.getClassLoader());

    private static Map<String, Integer> themes() {
        var themes = new LinkedHashMap<String, Integer>();
        themes.put("organizational", 37);
        themes.put("people", 8);
        themes.put("physical", 14);
        themes.put("technological", 34);
        return java.util.Collections.unmodifiableMap(themes);
    }

    private static String parent(String clause) {
        return clause.substring(0, clause.lastIndexOf('.'));
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** Every problem found, so one start names all of them rather than the first. */
    private final class Problems {
        private final List<String> found = new ArrayList<>();

        void add(String file, String entry, String problem) {
            found.add("Seed file " + name(file) + ", " + entry + ": " + problem);
        }

        void throwIfAny(String where) {
            if (!found.isEmpty()) {
                throw new IllegalStateException("The audit programme in " + where + " is not valid (" + found.size() + " problem(s)):\n  "
                        + String.join("\n  ", found));
            }
        }
    }
}
