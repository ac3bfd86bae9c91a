package org.vigil.documents;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who sends the notices ({@code vigil.documents.company.*}): name, postal address, toll-free number, e-mail, web
 * site, privacy officer, logo. Configuration, not template text, so a deployment changes them without a release.
 */
@ConfigurationProperties("vigil.documents.company")
public record CompanyFacts(String name, String address, String tollFreePhone, String email, String website,
        String privacyOfficer, String logo) {

    Map<String, Object> asFacts() {
        var facts = new LinkedHashMap<String, Object>();
        facts.put("name", name);
        facts.put("address", address);
        facts.put("tollFreePhone", tollFreePhone);
        facts.put("email", email);
        facts.put("website", website);
        facts.put("privacyOfficer", privacyOfficer);
        return facts;
    }
}
