package org.vigil.regulation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.vigil.regulation.HolidayCalendar.HolidayRule;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The breach-notification rule catalog: versioned data, read once at start. Rules are kept in an order in which
 * every relative duty comes after the notices it runs from (C6).
 */
public final class RuleCatalog {

    /** The YAML document as written. */
    record Document(
            String version,
            LawEnforcementTerms lawEnforcementDelay,
            Map<String, String> hipaaBreachExceptions,
            Map<String, List<HolidayRule>> holidayCalendars,
            Map<String, String> jurisdictions,
            Map<String, String> dataElementCategories,
            List<String> includes,
            List<StateDefinition> definitions,
            List<Nis2Transposition> nis2Transpositions,
            List<Rule> rules) {

        Document {
            nis2Transpositions = nis2Transpositions == null ? List.of() : List.copyOf(nis2Transpositions);
            dataElementCategories = dataElementCategories == null ? Map.of() : dataElementCategories;
            includes = includes == null ? List.of() : List.copyOf(includes);
            definitions = definitions == null ? List.of() : List.copyOf(definitions);
        }

        /** This document with an included file's definitions and rules added after its own. */
        Document with(Included included) {
            var allDefinitions = new ArrayList<>(definitions);
            allDefinitions.addAll(included.definitions());
            var allRules = new ArrayList<Rule>(rules == null ? List.of() : rules);
            allRules.addAll(included.rules());
            var allTranspositions = new ArrayList<>(nis2Transpositions);
            allTranspositions.addAll(included.nis2Transpositions());
            return new Document(version, lawEnforcementDelay, hipaaBreachExceptions, holidayCalendars, jurisdictions,
                    dataElementCategories, includes, allDefinitions, allTranspositions, allRules);
        }
    }

    /** A file named in {@code includes}: one jurisdiction's (or regime's) definitions and rules. */
    record Included(List<StateDefinition> definitions, List<Nis2Transposition> nis2Transpositions, List<Rule> rules) {

        Included {
            definitions = definitions == null ? List.of() : List.copyOf(definitions);
            nis2Transpositions = nis2Transpositions == null ? List.of() : List.copyOf(nis2Transpositions);
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** Opens an included file by its path relative to the main catalog file; null when there is none. */
    @FunctionalInterface
    public interface IncludeResolver {
        InputStream open(String relativePath) throws IOException;
    }

    /** 45 CFR 164.412(b): how long an oral statement may hold notices. */
    record LawEnforcementTerms(String basis, Integer oralStatementMaxDays) {
    }

    private final String version;
    private final LawEnforcementTerms lawEnforcementTerms;
    private final Map<String, String> hipaaBreachExceptions;
    private final Map<String, HolidayCalendar> holidayCalendars;
    private final Map<String, String> jurisdictions;
    private final Map<String, String> dataElementCategories;
    private final Map<String, StateDefinition> definitions;
    private final Map<String, Nis2Transposition> nis2Transpositions;
    private final List<Rule> rules;

    private RuleCatalog(Document document, List<Rule> orderedRules) {
        this.version = document.version();
        this.lawEnforcementTerms = document.lawEnforcementDelay();
        this.hipaaBreachExceptions = Map.copyOf(document.hipaaBreachExceptions());
        var calendars = new LinkedHashMap<String, HolidayCalendar>();
        document.holidayCalendars().forEach((name, holidays) -> calendars.put(name, new HolidayCalendar(name, holidays)));
        this.holidayCalendars = Map.copyOf(calendars);
        this.jurisdictions = new LinkedHashMap<>(document.jurisdictions());
        this.dataElementCategories = Map.copyOf(document.dataElementCategories());
        var byJurisdiction = new LinkedHashMap<String, StateDefinition>();
        document.definitions().forEach(d -> byJurisdiction.put(d.jurisdiction(), d));
        this.definitions = byJurisdiction;
        var transpositions = new LinkedHashMap<String, Nis2Transposition>();
        document.nis2Transpositions().forEach(t -> transpositions.put(t.jurisdiction(), t));
        this.nis2Transpositions = transpositions;
        this.rules = List.copyOf(orderedRules);
    }

    /** Reads and validates a catalog without includes; {@code source} only names it in error messages. */
    public static RuleCatalog load(InputStream yaml, String source) {
        return load(yaml, source, path -> null);
    }

    /**
     * Reads a catalog and the files its {@code includes} name (one per US state and territory, Canada's provinces,
     * NIS2's member states), then validates the whole; {@code source} only names it in error messages.
     */
    public static RuleCatalog load(InputStream yaml, String source, IncludeResolver includes) {
        Document document = read(yaml, source, Document.class);
        for (String path : document.includes()) {
            try (InputStream in = includes.open(path)) {
                if (in == null) {
                    throw new CatalogException("Breach-notification rule catalog " + source + ": included file " + path + " not found");
                }
                document = document.with(read(in, source + ", included file " + path + ",", Included.class));
            } catch (IOException e) {
                throw new CatalogException("Breach-notification rule catalog " + source + ": included file " + path
                        + " is not readable", e);
            }
        }
        try {
            return new RuleCatalog(document, CatalogValidator.validateAndOrder(document));
        } catch (CatalogException e) {
            // The message is the whole story; the validator's own stack would only hide the entry's name.
            throw new CatalogException("Breach-notification rule catalog " + source + ": " + e.getMessage());
        }
    }

    private static <T> T read(InputStream yaml, String source, Class<T> type) {
        try {
            return YAML.readValue(yaml, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The parser's message names the line and the key, e.g. an unknown property in rule TX-AG.
            throw new CatalogException("Breach-notification rule catalog " + source + " is not valid: "
                    + e.getOriginalMessage() + " at " + e.getLocation() + describePath(e), e);
        } catch (IOException e) {
            throw new CatalogException("Breach-notification rule catalog " + source + " is not readable", e);
        }
    }

    private static String describePath(com.fasterxml.jackson.core.JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping) {
            return " (path " + mapping.getPathReference() + ")";
        }
        return "";
    }

    public static RuleCatalog load(InputStream yaml) {
        return load(yaml, "(stream)");
    }

    /** The catalog shipped in {@code seeds/regulation/}, for tools and tests that run without Spring. */
    public static RuleCatalog loadDefault() {
        String folder = "seeds/regulation/";
        String path = folder + "breach-notification-rules.yaml";
        ClassLoader loader = RuleCatalog.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new CatalogException("Breach-notification rule catalog classpath:" + path + " not found");
            }
            return load(in, "classpath:" + path, included -> loader.getResourceAsStream(folder + included));
        } catch (IOException e) {
            throw new CatalogException("Breach-notification rule catalog classpath:" + path + " not readable", e);
        }
    }

    public String version() {
        return version;
    }

    public int size() {
        return rules.size();
    }

    List<Rule> rules() {
        return rules;
    }

    LawEnforcementTerms lawEnforcementTerms() {
        return lawEnforcementTerms;
    }

    Optional<String> hipaaBreachException(String code) {
        return Optional.ofNullable(hipaaBreachExceptions.get(code));
    }

    List<String> hipaaBreachExceptionCodes() {
        return new ArrayList<>(hipaaBreachExceptions.keySet()).stream().sorted().toList();
    }

    HolidayCalendar holidayCalendar(String name) {
        return holidayCalendars.get(name);
    }

    /** The state's own definition of a breach and of personal information; empty for codes without one. */
    Optional<StateDefinition> definition(String jurisdiction) {
        return Optional.ofNullable(definitions.get(jurisdiction));
    }

    /** The member state's NIS2 law; empty where no transposition is in force per the catalog. */
    Optional<Nis2Transposition> nis2Transposition(String memberState) {
        return Optional.ofNullable(nis2Transpositions.get(memberState));
    }

    Map<String, Nis2Transposition> nis2Transpositions() {
        return nis2Transpositions;
    }

    Map<String, StateDefinition> definitions() {
        return definitions;
    }

    /** The category of a request's data element ("diagnosis" is medical); empty for an element the catalog does not know. */
    Optional<String> categoryOf(String dataElement) {
        return Optional.ofNullable(dataElementCategories.get(dataElement));
    }

    Map<String, String> jurisdictions() {
        return jurisdictions;
    }

    boolean isKnownJurisdiction(String code) {
        return jurisdictions.containsKey(code);
    }

    /** "Texas" for US-TX; the code itself where the catalog has no name. */
    String jurisdictionName(String code) {
        return jurisdictions.getOrDefault(code, code);
    }

    private static final JsonMapper YAML = JsonMapper.builder(new YAMLFactory())
            .addModule(new JavaTimeModule())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            // A misspelt key in the catalog must stop the start, not silently drop a condition.
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
}
