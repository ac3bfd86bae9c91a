package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.TestDatabase;
import org.vigil.VigilApplication;

/** Vigil stopped and started again on the same database keeps its work and redeploys nothing. */
class RestartIT {

    @Test
    void aProcessInstanceStartedBeforeARestartIsStillThereAfterIt() {
        String instanceId;
        long deployments;
        try (var before = start()) {
            instanceId = before.getBean(RuntimeService.class).startProcessInstanceByKey("isms-follow-up",
                    Map.of("topic", "control-check", "candidateGroup", "it-operations", "dueDate", "2030-06-30")).getId();
            deployments = before.getBean(RepositoryService.class).createDeploymentQuery().count();
        }
        try (var after = start()) {
            var instance = after.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
            assertThat(instance).isNotNull();
            assertThat(instance.isEnded()).isFalse();
            assertThat(after.getBean(RepositoryService.class).createDeploymentQuery().count()).isEqualTo(deployments);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(VigilApplication.class)
                .profiles("demo", "test")
                .properties(
                        "server.port=0",
                        // Its own engine name (letters only: Camunda ignores others), so it never replaces a cached test context's engine.
                        "camunda.bpm.process-engine-name=restartcheck",
                        // Closing the webapps sets Camunda's static Tasklist and Cockpit delegates to null under the
                        // cached test context's webapps, failing whichever webapp test runs after this one.
                        "camunda.bpm.webapp.enabled=false",
                        "spring.datasource.url=" + TestDatabase.url(),
                        "spring.datasource.username=" + TestDatabase.user(),
                        "spring.datasource.password=" + TestDatabase.password())
                .run();
    }
}
