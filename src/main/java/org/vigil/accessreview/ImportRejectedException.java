package org.vigil.accessreview;

import java.util.List;

/** An import with at least one bad line; nothing of it was stored. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;

    ImportRejectedException(List<ImportProblem> problems) {
        super(problems.size() + " problem(s), nothing imported; first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
