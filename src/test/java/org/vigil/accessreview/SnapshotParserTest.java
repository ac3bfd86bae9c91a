package org.vigil.accessreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Import validation: every bad line reported with its number and field, nothing accepted from a bad file. */
class SnapshotParserTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String HEADER = "system,account,person,manager,entitlement,privileged,lastLogin\n";

    static SnapshotParser.Parsed entitlements(String contentType, String text) {
        return SnapshotParser.parse(SnapshotKind.ENTITLEMENTS, contentType, text.getBytes(StandardCharsets.UTF_8), TODAY, JSON);
    }

    static ImportRejectedException rejected(String contentType, String text) {
        return catchThrowableOfType(ImportRejectedException.class, () -> entitlements(contentType, text));
    }

    @Test
    void readsAGoodCsvWithQuotesEmptyPeopleAndMissingLogins() {
        var parsed = entitlements("text/csv", HEADER
                + "ehr,\"smith, j\",smith,lee,read,false,2026-11-01\n"
                + "ehr,svc-backup,,,admin,TRUE,\n");

        assertThat(parsed.entitlements()).hasSize(2);
        var first = parsed.entitlements().get(0);
        assertThat(first.account()).isEqualTo("smith, j");
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.lastLogin()).isEqualTo(LocalDate.of(2026, 11, 1));
        var second = parsed.entitlements().get(1);
        assertThat(second.person()).isNull();
        assertThat(second.privileged()).isTrue();
        assertThat(second.lastLogin()).isNull();
    }

    @Test
    void reportsEveryBadLineOfACsvWithItsNumberAndField() {
        var e = rejected("text/csv", HEADER
                + "ehr,alice,alice,lee,read,false,2026-11-01\n"
                + ",bob,bob,lee,read,false,2026-11-01\n"
                + "ehr,carol,carol,lee,read,perhaps,2026-11-01\n"
                + "ehr,dave,dave,lee,read,false,01/11/2026\n"
                + "ehr,alice,alice,lee,read,false,2026-11-02\n"
                + "ehr,erin,erin,lee,read,false\n"
                + "ehr,frank,frank,lee,read,false,2027-01-01\n");

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "system"),
                org.assertj.core.groups.Tuple.tuple(4, "privileged"),
                org.assertj.core.groups.Tuple.tuple(5, "lastLogin"),
                org.assertj.core.groups.Tuple.tuple(6, "entitlement"),
                org.assertj.core.groups.Tuple.tuple(7, "columns"),
                org.assertj.core.groups.Tuple.tuple(8, "lastLogin"));
        assertThat(e.problems().get(3).message()).contains("duplicate");
        assertThat(e.getMessage()).contains("6 problem(s), nothing imported");
    }

    @Test
    void refusesAnUnknownColumnInTheHeader() {
        var e = rejected("text/csv", "system,account,person,manager,entitlement,privileged,lastLogin,ssn\nehr,a,a,b,r,false,,123\n");

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::field)
                .contains(org.assertj.core.groups.Tuple.tuple(1, "ssn"));
    }

    @Test
    void aQuoteLeftOpenIsReportedAtItsLineAndBlankLinesStillCount() {
        var e = rejected("text/csv", HEADER
                + "ehr,alice,alice,lee,read,false,2026-11-01\n"
                + "\n"
                + "ehr,\"bob,bob,lee,read,false,2026-11-01\n"
                + "ehr,carol,carol,lee,read,false,2026-11-01\n");

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::field, ImportProblem::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4, "quotes", "a quoted value is not closed"));
    }

    @Test
    void refusesAnEmptyImport() {
        assertThat(rejected("text/csv", HEADER).problems()).extracting(ImportProblem::message).containsExactly("the import holds no rows");
    }

    @Test
    void readsJsonRowsAndReportsTheLineOfEachBadRow() {
        var good = entitlements("application/json", """
                {"rows": [
                  {"system": "ehr", "account": "alice", "person": "alice", "manager": "lee", "entitlement": "read", "privileged": false, "lastLogin": "2026-10-01"}
                ]}
                """);
        assertThat(good.entitlements()).singleElement().satisfies(row -> assertThat(row.line()).isEqualTo(2));

        var e = rejected("application/json", """
                [
                  {"system": "ehr", "account": "alice", "entitlement": "read", "privileged": false},
                  {"system": "ehr", "account": "bob", "entitlement": "read"},
                  {"system": "ehr", "account": "carol", "entitlement": "read", "privileged": true, "colour": "red"}
                ]
                """);
        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "privileged"),
                org.assertj.core.groups.Tuple.tuple(4, "colour"));
    }

    @Test
    void reportsBrokenJsonWithItsLine() {
        var e = rejected("application/json", "[\n {\"system\": \"ehr\",\n  \"account\": }\n]");

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("json");
            assertThat(p.line()).isEqualTo(3);
        });
    }

    @Test
    void aRosterNeedsAStatusAndATerminationDateForLeavers() {
        var e = catchThrowableOfType(ImportRejectedException.class, () -> SnapshotParser.parse(SnapshotKind.ROSTER, "text/csv",
                ("person,manager,status,terminatedOn\n"
                        + "alice,lee,ACTIVE,\n"
                        + "bob,lee,TERMINATED,\n"
                        + "carol,lee,ON_LEAVE,\n"
                        + "lee,lee,ACTIVE,\n").getBytes(StandardCharsets.UTF_8), TODAY, JSON));

        assertThat(e.problems()).extracting(ImportProblem::line, ImportProblem::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "terminatedOn"),
                org.assertj.core.groups.Tuple.tuple(4, "status"),
                org.assertj.core.groups.Tuple.tuple(5, "manager"));
    }

    @Test
    void decisionLinesFromTheFormNameTheLineThatIsWrong() {
        assertThat(ReviewDecisions.parseLines("12 keep\n\n13 revoke Left the team\n"))
                .extracting(AccessReviewApi.DecisionInput::item, AccessReviewApi.DecisionInput::decision, AccessReviewApi.DecisionInput::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(12L, "keep", null),
                        org.assertj.core.groups.Tuple.tuple(13L, "revoke", "Left the team"));
        assertThatThrownBy(() -> ReviewDecisions.parseLines("12 keep\nkeep everything"))
                .hasMessageContaining("decisions, line 2");
    }
}
