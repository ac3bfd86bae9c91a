package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrQueryExpressionGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"orQueries\":[{\"assigneeExpression\":\"${''.getClass()}\"}]}",
        "{\"orQueries\":[{\"dueBeforeExpression\":\"#{x}\"}]}",
        "{\"processVariables\":[],\"orQueries\":[{\"candidateGroupsExpression\":[\"${a}\"]}]}",
        "{\"firstResult\":0,\"query\":{\"orQueries\":[{\"nameLike\":\"${x}\"}]}}",
        "{\"ORQUERIES\":[{\"x\":\"${y}\"}]}"
    })
    void refusesExpressionsAnywhereInsideOrQueries(String body) {
        assertThat(OrQueryExpressionGuard.bodySmugglesExpression(body.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"orQueries\":[{\"candidateGroup\":\"staff\"}]}",
        "{\"candidateGroup\":\"staff\",\"nameLike\":\"%review%\"}",
        "not json at all ${x}",
        "{\"assigneeExpression\":\"${currentUser()}\"}"
    })
    void letsOrdinaryQueriesThrough(String body) {
        // A top-level expression is the engine's own business: its validator refuses ad-hoc ones.
        assertThat(OrQueryExpressionGuard.bodySmugglesExpression(body.getBytes(StandardCharsets.UTF_8))).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "orQueries=%5B%7B%22assigneeExpression%22%3A%22%24%7Bx%7D%22%7D%5D | true",
        "candidateGroup=staff | false",
        "orQueries=%5B%5D | false"
    })
    void checksQueryStringsToo(String queryString, boolean refused) {
        assertThat(OrQueryExpressionGuard.queryStringSmugglesExpression(queryString)).isEqualTo(refused);
    }
}
