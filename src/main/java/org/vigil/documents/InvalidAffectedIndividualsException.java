package org.vigil.documents;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** An uploaded list with bad rows: each problem names its line and column, never the value (it may be PHI). */
@NamedInterface("api")
public class InvalidAffectedIndividualsException extends RuntimeException {

    @NamedInterface("api")

    public record LineProblem(long line, String column, String problem) {
        @Override
        public String toString() {
            return "line " + line + (column == null ? "" : ", " + column) + ": " + problem;
        }
    }

    private final transient List<LineProblem> problems;

    InvalidAffectedIndividualsException(List<LineProblem> problems) {
        super(problems.size() + " bad row" + (problems.size() == 1 ? "" : "s") + " in the list of affected individuals; nothing was imported: "
                + String.join("; ", problems.stream().limit(20).map(LineProblem::toString).toList())
                + (problems.size() > 20 ? "; and " + (problems.size() - 20) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
        return problems;
    }
}
