package org.vigil.correctiveaction;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.corrective-action.*}: who checks an action's effectiveness (never its owner: the person who owns or
 * implemented it is refused), who checks the actions of audit findings, and who hears of an overdue action.
 * The terms by severity are in {@code seeds/correctiveaction/severity-policy.yaml} ({@link SeverityPolicy}).
 */
@ConfigurationProperties("vigil.corrective-action")
@Validated
record CorrectiveActionSettings(
        @NotBlank @DefaultValue("ciso") String checkerGroup,
        @NotBlank @DefaultValue("auditors") String auditFindingCheckerGroup,
        @NotBlank @DefaultValue("ciso") String escalateTo,
        /** Rows are evidence: kept at least this many years after the action closes (HIPAA 164.530(j)). */
        @DefaultValue("6") int retainYears) {}
