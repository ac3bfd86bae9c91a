package org.vigil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link EngineJobs} on Vigil's engine, with small models of its own that it removes again. */
@VigilSpringTest
class EngineJobsIT {

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    String deployment;

    @AfterEach
    void removeTheModels() {
        if (deployment != null) {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aChainOfAsynchronousStepsRunsToItsEnd() {
        deploy(Bpmn.createExecutableProcess("engine-jobs-chain").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_A").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("Task_B").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("Task_C").camundaAsyncBefore().camundaExpression("${true}")
                .endEvent().done());
        String instance = runtime.startProcessInstanceByKey("engine-jobs-chain").getId();

        EngineJobs.runAllOf(management, instance);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aJobThatKeepsComingBackFailsTheTestNamingIt() {
        deploy(Bpmn.createExecutableProcess("engine-jobs-loop").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_Again").camundaAsyncBefore().camundaExpression("${true}")
                .serviceTask("Task_AndAgain").camundaAsyncBefore().camundaExpression("${true}")
                .connectTo("Task_Again").done());
        String instance = runtime.startProcessInstanceByKey("engine-jobs-loop").getId();

        assertThatThrownBy(() -> EngineJobs.runAllOf(management, instance)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("process instance " + instance).hasMessageContaining("after " + EngineJobs.ROUNDS + " rounds")
                .hasMessageMatching("(?s).*engine-jobs-loop/Task_(Again|AndAgain) \\(job .*");
    }

    @Test
    void theJobsOfOneActivityRunAndAnActivityWithoutJobsFailsTheTest() {
        deploy(Bpmn.createExecutableProcess("engine-jobs-one").camundaHistoryTimeToLive(1).startEvent()
                .serviceTask("Task_A").camundaAsyncBefore().camundaExpression("${true}")
                .receiveTask("Task_Wait")
                .endEvent().done());
        String instance = runtime.startProcessInstanceByKey("engine-jobs-one").getId();

        assertThatThrownBy(() -> EngineJobs.runAt(management, instance, "Task_Wait")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("jobs at Task_Wait");
        EngineJobs.runAt(management, instance, "Task_A");

        assertThat(runtime.getActiveActivityIds(instance)).containsExactly("Task_Wait");
    }

    private void deploy(BpmnModelInstance model) {
        deployment = repository.createDeployment().name("EngineJobsIT").addModelInstance("engine-jobs-it.bpmn", model).deploy().getId();
    }
}
