package org.vigil.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vigil.base-url}: where people reach this Vigil, for the links in its e-mails (Tasklist, Cockpit, the API).
 * Checked at start: a link that cannot be opened is found before the first escalation goes out with it.
 */
@ConfigurationProperties("vigil")
@Validated
public record SiteSettings(
        @NotNull @Pattern(regexp = "https?://[^\\s/?#]+(/[^\\s?#]*)?", message = "must be an http(s) address such as https://vigil.example.org")
        @DefaultValue("http://localhost:8080") String baseUrl) {

    /** The address without a trailing slash, for appending paths. */
    public String base() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
