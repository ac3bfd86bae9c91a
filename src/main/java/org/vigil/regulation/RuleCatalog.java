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
            List<Rule> rules) {
    }

    /** 45 CFR 164.412(b): how long an oral statement may hold notices. */
    record LawEnforcementTerms(String basis, Integer oralStatementMaxDays) {
    }

    private final String version;
    private final LawEnforcementTerms lawEnforcementTerms;
    private final Map<String, String> hipaaBreachExceptions;
    private final Map<String, HolidayCalendar> holidayCalendars;
    private final Map<String, String> jurisdictions;
    private final List<Rule> rules;

    private RuleCatalog(Document document, List<Rule> orderedRules) {
        this.version = document.version();
        this.lawEnforcementTerms = document.lawEnforcementDelay();
        this.hipaaBreachExceptions = Map.copyOf(document.hipaaBreachExceptions());
        var calendars = new LinkedHashMap<String, HolidayCalendar>();
        document.holidayCalendars().forEach((name, holidays) -> calendars.put(name, new HolidayCalendar(name, holidays)));
        this.holidayCalendars = Map.copyOf(calendars);
        this.jurisdictions = new LinkedHashMap<>(document.jurisdictions());
        this.rules = List.copyOf(orderedRules);
    }

    /** Reads and validates a catalog; {@code source} only names it in error messages. */
    public static RuleCatalog load(InputStream yaml, String source) {
        Document document;
        try {
            document = YAML.readValue(yaml, Document.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The parser's message names the line and the key, e.g. an unknown property in rule TX-AG.
            throw new CatalogException("Breach-notification rule catalog " + source + " is not valid: "
                    + e.getOriginalMessage() + " at " + e.getLocation() + describePath(e), e);
        } catch (IOException e) {
            throw new CatalogException("Breach-notification rule catalog " + source + " is not readable", e);
        }
        try {
            return new RuleCatalog(document, CatalogValidator.validateAndOrder(document));
        } catch (CatalogException e) {
            // The message is the whole story; the validator's own stack would only hide the entry's name.
            throw new CatalogException("Breach-notification rule catalog " + source + ": " + e.getMessage());
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
        String path = "seeds/regulation/breach-notification-rules.yaml";
        try (InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new CatalogException("Breach-notification rule catalog classpath:" + path + " not found");
            }
            return load(in, "classpath:" + path);
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
