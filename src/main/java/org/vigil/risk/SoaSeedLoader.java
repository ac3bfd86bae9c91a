package org.vigil.risk;

import java.time.Clock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.vigil.audit.AuditCatalog;

/**
 * At every start: the Statement of Applicability gets the seed's row for each control it does not have yet (a new
 * database, or a control added to the seed). Rows the CISO edited stay. Safe on two nodes at once (INSERT IGNORE).
 */
@Component
class SoaSeedLoader implements ApplicationRunner {

    private final AuditCatalog catalog;
    private final SoaStore store;
    private final Clock clock;

    SoaSeedLoader(AuditCatalog catalog, SoaStore store, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var now = clock.instant();
        for (SoaSeed.Entry entry : SoaSeed.read(catalog.controls())) {
            store.seed(entry.control(), entry.applicable(), entry.justification().strip(), entry.status(), now);
        }
    }
}
