package org.vigil.notification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vigil.platform.CompanySettings;
import org.vigil.platform.PeopleDirectory;

/** The company's words for every mail: its zone, and people's and groups' names from the identity service. */
@Configuration(proxyBeanMethods = false)
class MailWordsConfiguration {

    @Bean
    MailWords mailWords(CompanySettings company, PeopleDirectory people) {
        return new MailWords(company.zone(), people::displayNameOf, people::groupNameOf);
    }
}
