package org.vigil.regulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a duty applies to this incident and, when it does not, says why in words counsel can check
 * (PLAN-API.md {@code notRequired}): role and flags, the HIPAA breach test (H2-H4), the GDPR risk and Art. 34(3),
 * a state's own definition of a breach and of personal information, thresholds (C9) and the state's treatment of
 * HIPAA entities (C8).
 */
final class DutyScreen {

    private final IncidentFacts facts;
    private final RuleCatalog catalog;
    /** The request's data categories, read once per plan; null until asked. */
    private Optional<List<String>> dataCategories;

    DutyScreen(IncidentFacts facts, RuleCatalog catalog) {
        this.facts = facts;
        this.catalog = catalog;
    }

    /** Conditions that do not depend on where the residents live: role, flags, the breach tests, HIPAA treatment. */
    Optional<String> ruledOutForIncident(Rule rule) {
        var when = rule.appliesTo();
        String basis = " (" + rule.basis() + ")";
        if (rule.effectiveFrom() != null && facts.discoveryDate.isBefore(rule.effectiveFrom())) {
            return Optional.of("in force for breaches discovered from " + rule.effectiveFrom() + "; discovered "
                    + facts.discoveryDate + basis);
        }
        if (when.roles() != null && !when.roles().contains(facts.role)) {
            return Optional.of("applies to " + words(when.roles()) + "; the role is " + word(facts.role) + basis
                    + note(rule.hipaaNote()));
        }
        if (when.anyEntityFlag() != null && when.anyEntityFlag().stream().noneMatch(facts.flags::contains)) {
            return Optional.of("applies only to an entity flagged " + words(when.anyEntityFlag()) + basis);
        }
        if (when.dataElementsAnyOf() != null && (facts.request.dataElements() == null
                || when.dataElementsAnyOf().stream().noneMatch(facts.request.dataElements()::contains))) {
            return Optional.of("applies only when the data include " + String.join(" or ", when.dataElementsAnyOf()) + basis);
        }
        if (when.hipaaBreach()) {
            Optional<String> noBreach = hipaaNoBreachReason();
            if (noBreach.isPresent()) {
                return noBreach;
            }
        }
        if (when.unsecuredData() && facts.encryptedWithKeySafe()) {
            return Optional.of("the data was encrypted as the HHS guidance specifies (74 FR 19006) and the key was not "
                    + "compromised, so it is not unsecured" + basis);
        }
        if (when.gdprRoles() != null && !when.gdprRoles().contains(facts.gdprRole())) {
            return Optional.of("applies to a " + words(when.gdprRoles()) + "; the entity is the " + word(facts.gdprRole()) + basis);
        }
        if (when.gdprRiskLevels() != null && !when.gdprRiskLevels().contains(facts.gdprRiskLevel())) {
            return Optional.of("the breach is assessed as '" + word(facts.gdprRiskLevel()) + "' risk; this duty needs "
                    + words(when.gdprRiskLevels()) + basis);
        }
        if (when.art34Exceptions() != null && !when.art34Exceptions().contains(facts.art34Exception())) {
            return Optional.of(art34Reason() + basis);
        }
        Optional<String> outsideDefinition = ruledOutByDefinition(rule);
        if (outsideDefinition.isPresent()) {
            return outsideDefinition;
        }
        if (facts.isHipaaEntity()) {
            String hipaaNote = note(rule.hipaaNote());
            return switch (rule.hipaaEntities()) {
                case EXEMPT -> Optional.of("does not apply to HIPAA covered entities or business associates" + basis + hipaaNote);
                case DEEMED_COMPLIANT -> Optional.of("HIPAA-compliant notice is deemed compliance" + basis + hipaaNote);
                case DEEMED_WITH_REGULATOR_NOTICE_KEPT -> Optional.of("HIPAA-compliant notice is deemed compliance; "
                        + "the regulator notice is still due" + basis + hipaaNote);
                case APPLIES, SHORTEST_DEADLINE_WINS -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    /**
     * The state's own definitions of a breach and of personal information decide its duties, not HIPAA's outcome; a
     * rule that follows HIPAA's breach test instead ({@code appliesTo.hipaaBreach}) names that link itself.
     */
    Optional<String> ruledOutByDefinition(Rule rule) {
        var found = definitionFor(rule);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StateDefinition definition = found.get();
        String under = " under " + definition.statute() + " (" + definition.basis() + ")";
        Optional<List<String>> categories = dataCategories();
        if (categories.isPresent() && !isPersonalInformation(definition, categories.get())) {
            return Optional.of("the data involved (" + String.join(", ", facts.request.dataElements())
                    + ") is not personal information" + under + ": it counts " + personalInformationWords(definition));
        }
        var encryption = definition.encryption();
        if (encryption.safeHarbor() && facts.encrypted() && !(facts.keyCompromised() && encryption.keyDefeats())) {
            return Optional.of("encrypted data is not personal information" + under
                    + (facts.keyCompromised() ? ", even with the key compromised" : " and the key was not compromised"));
        }
        if (definition.goodFaithEmployeeExclusion() && facts.goodFaithAcquisitionByWorkforce()) {
            return Optional.of("good-faith acquisition by an employee or agent for the entity's purposes, not used or "
                    + "disclosed further, is not a breach" + under + "; the facts are those of exception "
                    + facts.request.hipaaBreachException());
        }
        if (definition.trigger() == StateDefinition.Trigger.ACQUISITION && facts.accessWithoutAcquisition()) {
            return Optional.of("access without acquisition is not a breach" + under);
        }
        var harm = definition.riskOfHarm();
        if (harm.exception() && facts.noHarmDeterminedIn(rule.jurisdiction())) {
            return Optional.of("the entity determined that " + harm.test() + under
                    + (harm.documentation() == null ? "" : "; " + harm.documentation()));
        }
        return Optional.empty();
    }

    /** The definition that screens this rule: its state's, unless the rule follows HIPAA's test or a statute of its own. */
    private Optional<StateDefinition> definitionFor(Rule rule) {
        if (rule.appliesTo().hipaaBreach() || !rule.screenedByStateDefinition()) {
            return Optional.empty();
        }
        return catalog.definition(rule.jurisdiction());
    }

    /** The request's data elements as categories; empty when none are given or one is unknown (then assume it counts). */
    private Optional<List<String>> dataCategories() {
        if (dataCategories == null) {
            dataCategories = readCategories();
        }
        return dataCategories;
    }

    private Optional<List<String>> readCategories() {
        var elements = facts.request.dataElements();
        if (elements == null || elements.isEmpty()) {
            return Optional.empty();
        }
        List<String> categories = new ArrayList<>(elements.size());
        for (String element : elements) {
            var category = catalog.categoryOf(element);
            if (category.isEmpty()) {
                return Optional.empty();
            }
            categories.add(category.get());
        }
        return Optional.of(categories);
    }

    private static boolean isPersonalInformation(StateDefinition definition, List<String> categories) {
        var pi = definition.personalInformation();
        boolean named = categories.contains("name");
        return categories.stream().anyMatch(c -> pi.alone().contains(c) || (named && pi.withName().contains(c)));
    }

    private static String personalInformationWords(StateDefinition definition) {
        var pi = definition.personalInformation();
        String withName = pi.withName().isEmpty() ? "" : String.join(", ", pi.withName()) + " with a name";
        String alone = pi.alone().isEmpty() ? "" : String.join(", ", pi.alone()) + " alone";
        return withName.isEmpty() ? alone : alone.isEmpty() ? withName : withName + "; " + alone;
    }

    /** Notes for the computation of a duty the state's definition keeps: what was assumed and what could end it. */
    List<String> definitionNotes(Rule rule) {
        var found = definitionFor(rule);
        if (found.isEmpty()) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        if (dataCategories().isEmpty()) {
            notes.add("data elements not given or not all known: taken as personal information under " + found.get().statute());
        }
        var harm = found.get().riskOfHarm();
        if (harm.exception()) {
            notes.add("not required if the entity determines that " + harm.test()
                    + (harm.documentation() == null ? "" : " (" + harm.documentation() + ")"));
        }
        return notes;
    }

    /** C9: the threshold, counted per state, in aggregate or over out-of-date contacts for this duty. */
    Optional<String> ruledOutByThreshold(Rule rule, Duty target) {
        var threshold = rule.threshold();
        if (threshold == null) {
            return Optional.empty();
        }
        String basis = " (" + rule.basis() + ")";
        long count = measure(rule, target);
        if (count == 0) {
            return Optional.of("no " + measured(rule, target) + basis);
        }
        if (!threshold.isMetBy(count)) {
            return Optional.of(count + " " + measured(rule, target) + ", " + threshold.operator().negation + " "
                    + threshold.value() + basis);
        }
        return Optional.empty();
    }

    /** H2-H4, in the order counsel applies them: exceptions, the safe harbor, then the risk assessment. */
    private Optional<String> hipaaNoBreachReason() {
        String exception = facts.request.hipaaBreachException();
        if (exception != null) {
            return Optional.of("not a breach: exception " + exception + ", " + catalog.hipaaBreachException(exception).orElseThrow()
                    + "; document the decision and keep it six years (45 CFR 164.402(1), 164.530(j))");
        }
        if (facts.encryptedWithKeySafe()) {
            return Optional.of("secured PHI: encrypted as the HHS guidance specifies (74 FR 19006) and the key was not "
                    + "compromised, so not a breach of unsecured PHI (45 CFR 164.402)");
        }
        if (facts.lowProbabilityOfCompromise()) {
            return Optional.of("not a breach: the four-factor risk assessment shows a low probability that the PHI has been "
                    + "compromised; keep the assessment six years (45 CFR 164.402(2), 164.530(j))");
        }
        return Optional.empty();
    }

    private String art34Reason() {
        return switch (facts.art34Exception()) {
            case "34(3)(a)" -> "exception Art. 34(3)(a): the data was rendered unintelligible (encryption with the key safe); "
                    + "the Art. 33 notice to the supervisory authority is unaffected";
            case "34(3)(b)" -> "exception Art. 34(3)(b): later measures mean the high risk is no longer likely to materialise; "
                    + "the Art. 33 notice is unaffected";
            case "34(3)(c)" -> "exception Art. 34(3)(c): individual communication would involve disproportionate effort, "
                    + "so a public communication replaces it";
            default -> "no Art. 34(3)(c) disproportionate-effort exception claimed";
        };
    }

    private long measure(Rule rule, Duty target) {
        return switch (rule.threshold().count()) {
            case PER_STATE -> target.count();
            case AGGREGATE -> facts.count(territoryOf(target.jurisdiction()));
            case OUT_OF_DATE_CONTACTS -> facts.outOfDateContacts;
        };
    }

    private String measured(Rule rule, Duty target) {
        return switch (rule.threshold().count()) {
            case PER_STATE -> "residents of " + target.jurisdiction();
            case AGGREGATE -> "individuals affected in total (" + territoryOf(target.jurisdiction()) + ")";
            case OUT_OF_DATE_CONTACTS -> "individuals with insufficient or out-of-date contact information";
        };
    }

    String thresholdMet(Rule rule, Duty target) {
        var threshold = rule.threshold();
        String head = measure(rule, target) + " " + threshold.operator().symbol + " " + threshold.value() + " ";
        return switch (threshold.count()) {
            case PER_STATE -> head + catalog.jurisdictionName(target.jurisdiction()) + " residents";
            case AGGREGATE -> head + "individuals affected in total (" + territoryOf(target.jurisdiction()) + ")";
            case OUT_OF_DATE_CONTACTS -> head + "individuals with insufficient or out-of-date contact information";
        };
    }

    static String territoryOf(String code) {
        if (code.startsWith("US")) {
            return "US";
        }
        if (code.startsWith("EU")) {
            return "EU";
        }
        if (code.equals("CA") || code.startsWith("CA-")) {
            return "CA";
        }
        return code;
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase();
    }

    private static String words(List<? extends Enum<?>> values) {
        return String.join(" or ", values.stream().map(DutyScreen::word).toList());
    }

    static String note(String text) {
        return text == null ? "" : "; " + text;
    }
}
