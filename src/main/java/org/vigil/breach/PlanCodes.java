package org.vigil.breach;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.vigil.regulation.PlanRequest;

/**
 * The codes breach keeps in its stored facts ({@code covered_entity}, {@code oral_then_written}, {@code UK GDPR}...)
 * as the constants of the typed plan request. The code of each constant is the one PLAN-API.md spells, written on the
 * constant by regulation itself ({@link JsonProperty}), so breach never keeps a second copy of the contract's words.
 * {@code null} stays {@code null} (the plan's validator names the missing field); an unknown code is a stored fact
 * the contract does not know, a fault of Vigil, not of the user.
 */
final class PlanCodes {

    private PlanCodes() {}

    static PlanRequest.Role role(String code) {
        return constant(PlanRequest.Role.class, code, "role");
    }

    static PlanRequest.RiskAssessmentConclusion conclusion(String code) {
        return constant(PlanRequest.RiskAssessmentConclusion.class, code, "riskAssessmentConclusion");
    }

    static PlanRequest.LawEnforcementDelay.Form lawEnforcementForm(String code) {
        return constant(PlanRequest.LawEnforcementDelay.Form.class, code, "lawEnforcementDelay.form");
    }

    static PlanRequest.Gdpr.GdprRegime gdprRegime(String code) {
        return constant(PlanRequest.Gdpr.GdprRegime.class, code, "gdpr.regime");
    }

    static PlanRequest.Gdpr.GdprRole gdprRole(String code) {
        return constant(PlanRequest.Gdpr.GdprRole.class, code, "gdpr.role");
    }

    static PlanRequest.Gdpr.RiskLevel riskLevel(String code) {
        return constant(PlanRequest.Gdpr.RiskLevel.class, code, "gdpr.riskLevel");
    }

    static PlanRequest.EntityFlag entityFlag(String code) {
        return constant(PlanRequest.EntityFlag.class, code, "entityFlags");
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String code, String field) {
        if (code == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (code.equals(codeOf(constant))) {
                return constant;
            }
        }
        throw new IllegalStateException("The plan request built from the incident does not fit the plan contract: "
                + field + " '" + code + "' is not one of its values");
    }

    private static String codeOf(Enum<?> constant) {
        try {
            var annotation = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return annotation != null ? annotation.value() : constant.name();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
