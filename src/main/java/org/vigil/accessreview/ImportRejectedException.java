package org.vigil.accessreview;

import java.util.List;

/** An import with at least one bad line; nothing of it was stored. */
public class ImportRejectedException extends RuntimeException {

    private final List<ImportProblem> problems;

    ImportRejectedException(List<ImportProblem> problems) {
        this(problems.stream().sorted(java.util.Comparator.comparingInt(ImportProblem::line)).toList(), true);
    }

    private ImportRejectedException(List<ImportProblem> sorted, boolean byLine) {
        super(sorted.size() + " problem(s), nothing imported; first: " + sorted.get(0));
        this.problems = sorted;
    }

    public List<ImportProblem> problems() {
        return problems;
    }
}
