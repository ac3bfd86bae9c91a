package org.vigil.documents;

import java.util.Map;

/** People per jurisdiction on an uploaded list, and of them those whose contact details are out of date. */
public record IndividualCounts(Map<String, Integer> byJurisdiction, Map<String, Integer> unreachableByJurisdiction) {

    public int total() {
        return byJurisdiction.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int unreachable() {
        return unreachableByJurisdiction.values().stream().mapToInt(Integer::intValue).sum();
    }
}
