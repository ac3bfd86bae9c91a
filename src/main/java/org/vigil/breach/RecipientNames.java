package org.vigil.breach;

import java.util.Map;

/**
 * How a notice names its recipient and a jurisdiction in words: "Office of the Attorney General (US-TX)", "Texas";
 * and how a Tasklist card names whom a notice goes to, from the same codes: "Texas attorney general".
 */
final class RecipientNames {

    private RecipientNames() {}

    static String recipientName(String recipient) {
        int colon = recipient.indexOf(':');
        String type = colon < 0 ? recipient : recipient.substring(0, colon);
        String where = colon < 0 ? "" : " (" + recipient.substring(colon + 1) + ")";
        return switch (type) {
            case "supervisory_authority" -> "Data protection supervisory authority" + where;
            case "csirt_or_competent_authority" -> "CSIRT or competent authority" + where;
            case "state_ag" -> "Office of the Attorney General" + where;
            default -> type.replace('_', ' ') + where;
        };
    }

    /**
     * Whom a notice goes to, short enough for a task's name: "Texas attorney general", "individuals in Texas", "HHS".
     * From the rule catalog's codes only, never from the incident: a card shows no PHI. A counterparty, named by its
     * agreement, is the caller's to name.
     */
    static String cardName(String recipient, String jurisdiction) {
        int colon = recipient.indexOf(':');
        String type = colon < 0 ? recipient : recipient.substring(0, colon);
        String code = colon < 0 ? "" : recipient.substring(colon + 1);
        String place = jurisdiction != null && jurisdiction.startsWith("EU-") && countryName(jurisdiction.substring(3)) != null
                ? countryName(jurisdiction.substring(3)) : placeName(jurisdiction);
        return switch (type) {
            case "individuals" -> "individuals in " + place;
            case "data_subjects" -> "data subjects in " + place;
            case "media" -> "media in " + place;
            case "hhs", "ftc", "oaic" -> type.toUpperCase(java.util.Locale.ROOT);
            case "oaic_assessment_complete" -> "OAIC (assessment complete)";
            case "state_ag" -> stateName(code) + " attorney general";
            case "state_regulator" -> STATE_AGENCIES.containsKey(code) ? STATE_AGENCIES.get(code) : code.contains("-")
                    ? stateName(code.substring(0, code.indexOf('-'))) + " regulator (" + code.substring(code.indexOf('-') + 1) + ")"
                    : "state regulator " + code;
            case "supervisory_authority" -> "supervisory authority " + ofPlace(code);
            case "csirt_or_competent_authority" -> "CSIRT or competent authority " + ofPlace(code);
            case "privacy_commissioner" -> "privacy commissioner " + ofPlace(code);
            default -> (type.replace('_', ' ') + (code.isEmpty() ? "" : " " + code)).trim();
        };
    }

    /** The state agencies the catalog names by code ({@code state_regulator:NY-DOS}), as people call them. */
    private static final Map<String, String> STATE_AGENCIES = Map.of(
            "NY-DOS", "New York Department of State",
            "NY-DSP", "New York State Police",
            "CA-CDPH", "California Department of Public Health");

    private static String stateName(String state) {
        return US_STATES.getOrDefault(state, state);
    }

    /** "of Germany" for a country's code, "(UK-ICO)" for an authority's. */
    private static String ofPlace(String code) {
        String place = code.length() == 2 ? countryName(code) : null;
        return place != null ? "of " + place : "(" + code + ")";
    }

    private static String countryName(String code) {
        return switch (code) {
            case "UK" -> "the United Kingdom";
            case "US" -> "the United States";
            default -> {
                String name = new java.util.Locale("", code).getDisplayCountry(java.util.Locale.ENGLISH);
                yield name.isBlank() || name.equals(code) ? null : name;
            }
        };
    }

    static String placeName(String jurisdiction) {
        if (jurisdiction == null) {
            return "";
        }
        if (jurisdiction.startsWith("US-")) {
            return US_STATES.getOrDefault(jurisdiction.substring(3), jurisdiction);
        }
        return switch (jurisdiction) {
            case "US" -> "the United States";
            case "UK" -> "the United Kingdom";
            case "CA" -> "Canada";
            case "AU" -> "Australia";
            default -> jurisdiction;
        };
    }

    private static final Map<String, String> US_STATES = Map.ofEntries(
            Map.entry("AL", "Alabama"), Map.entry("AK", "Alaska"), Map.entry("AZ", "Arizona"), Map.entry("AR", "Arkansas"),
            Map.entry("CA", "California"), Map.entry("CO", "Colorado"), Map.entry("CT", "Connecticut"), Map.entry("DE", "Delaware"),
            Map.entry("DC", "the District of Columbia"), Map.entry("FL", "Florida"), Map.entry("GA", "Georgia"), Map.entry("HI", "Hawaii"),
            Map.entry("ID", "Idaho"), Map.entry("IL", "Illinois"), Map.entry("IN", "Indiana"), Map.entry("IA", "Iowa"),
            Map.entry("KS", "Kansas"), Map.entry("KY", "Kentucky"), Map.entry("LA", "Louisiana"), Map.entry("ME", "Maine"),
            Map.entry("MD", "Maryland"), Map.entry("MA", "Massachusetts"), Map.entry("MI", "Michigan"), Map.entry("MN", "Minnesota"),
            Map.entry("MS", "Mississippi"), Map.entry("MO", "Missouri"), Map.entry("MT", "Montana"), Map.entry("NE", "Nebraska"),
            Map.entry("NV", "Nevada"), Map.entry("NH", "New Hampshire"), Map.entry("NJ", "New Jersey"), Map.entry("NM", "New Mexico"),
            Map.entry("NY", "New York"), Map.entry("NC", "North Carolina"), Map.entry("ND", "North Dakota"), Map.entry("OH", "Ohio"),
            Map.entry("OK", "Oklahoma"), Map.entry("OR", "Oregon"), Map.entry("PA", "Pennsylvania"), Map.entry("RI", "Rhode Island"),
            Map.entry("SC", "South Carolina"), Map.entry("SD", "South Dakota"), Map.entry("TN", "Tennessee"), Map.entry("TX", "Texas"),
            Map.entry("UT", "Utah"), Map.entry("VT", "Vermont"), Map.entry("VA", "Virginia"), Map.entry("WA", "Washington"),
            Map.entry("WV", "West Virginia"), Map.entry("WI", "Wisconsin"), Map.entry("WY", "Wyoming"));
}
