package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.vigil.VigilSpringTest;
import org.vigil.WebClient;

@VigilSpringTest
class ApplicationIT {

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired ModelDeployer deployer;

    @Test
    void deploysEveryModelAndFormInTheRepository() throws IOException {
        var deployment = repository.createDeploymentQuery().deploymentName(ModelDeployer.DEPLOYMENT_NAME).singleResult();
        var deployed = repository.getDeploymentResourceNames(deployment.getId());
        try (Stream<Path> models = Files.list(Path.of("processes")); Stream<Path> forms = Files.list(Path.of("forms"))) {
            Stream.concat(models, forms).forEach(file ->
                    assertThat(deployed).contains(file.getParent().getFileName() + "/" + file.getFileName()));
        }
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("isms-follow-up").count()).isEqualTo(1);
    }

    @Test
    void deployingAgainWithoutAChangeCreatesNoNewVersion() {
        long deployments = repository.createDeploymentQuery().count();
        deployer.postProcessEngineBuild(engine);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("isms-follow-up").latestVersion()
                .singleResult().getVersion()).isEqualTo(1);
    }

    @Test
    void everyBeanAModelNamesExists() throws IOException {
        // Delegate expressions name beans; so does any ${name.method(...)} call. ${name} alone is a variable, and
        // execution and task are the engine's own names for the current execution and task.
        var delegate = java.util.regex.Pattern.compile("delegateExpression=\"\\$\\{([a-z][A-Za-z0-9]*)}\"");
        var methodCall = java.util.regex.Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)\\.[a-zA-Z]+\\(");
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                String xml = Files.readString(model);
                for (var pattern : java.util.List.of(delegate, methodCall)) {
                    var matcher = pattern.matcher(xml);
                    while (matcher.find()) {
                        if (java.util.Set.of("execution", "task").contains(matcher.group(1))) {
                            continue;
                        }
                        assertThat(context.containsBean(matcher.group(1)))
                                .as(model.getFileName() + " names bean " + matcher.group(1)).isTrue();
                    }
                }
            }
        }
    }

    @Autowired org.springframework.context.ApplicationContext context;

    @Test
    void healthIsOpenAndReportsDatabaseAndEngineToOperations() {
        var health = new WebClient(port).get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(new WebClient(port).as("sysadmin", "demo").get("/actuator/health").body()).contains("\"db\"", "\"processEngine\"");
    }

    @Test
    void metricsNeedALoginAndIncludeTheEngineGauges() {
        assertThat(new WebClient(port).get("/actuator/prometheus").statusCode()).isEqualTo(401);
        var metrics = new WebClient(port).as("sysadmin", "demo").get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("camunda_jobs_executable", "camunda_incidents_open", "camunda_process_instances_running");
    }

    @Test
    void seedsLoadedTwiceDuplicateNothing() throws Exception {
        long groups = engine.getIdentityService().createGroupQuery().count();
        long users = engine.getIdentityService().createUserQuery().count();
        long filters = engine.getFilterService().createFilterQuery().count();
        long grants = engine.getAuthorizationService().createAuthorizationQuery().count();

        seedLoader.run(null);

        assertThat(engine.getIdentityService().createGroupQuery().count()).isEqualTo(groups).isEqualTo(7);
        assertThat(engine.getIdentityService().createUserQuery().count()).isEqualTo(users);
        assertThat(engine.getFilterService().createFilterQuery().count()).isEqualTo(filters).isEqualTo(18);
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().count()).isEqualTo(grants);
    }

    @Autowired SeedLoader seedLoader;
}
