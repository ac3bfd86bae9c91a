package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.VigilSpringTest;

/** The shared Tasklist filters follow the identity seeds at every start, their cards' variables included. */
@VigilSpringTest
class TaskFilterSeedsIT {

    @Autowired FilterService filters;
    @Autowired SeedLoader seedLoader;

    @Test
    @SuppressWarnings("unchecked")
    void aFilterSavedBeforeTheCardsHadVariablesGetsThemAtTheNextStart() throws Exception {
        // As an earlier Vigil saved it: no variables on its cards.
        var filter = filters.createFilterQuery().filterName("IT operations: open tasks").singleResult();
        filters.saveFilter(filter.setProperties(Map.of("priority", 10, "color", "#3b82f6",
                "description", "IT operations: open tasks", "refresh", true)));

        seedLoader.run(null);

        var properties = filters.getFilter(filter.getId()).getProperties();
        assertThat((List<Map<String, Object>>) properties.get("variables")).extracting(variable -> variable.get("name") + ": " + variable.get("label"))
                .containsExactly("incidentId: Incident", "noticeRecipient: Notice to", "jurisdiction: Jurisdiction", "severity: Severity");
        assertThat(properties).containsEntry("showUndefinedVariable", false).containsEntry("refresh", true);
        assertThat(filters.createFilterQuery().filterName("IT operations: open tasks").count()).isEqualTo(1);
    }
}
