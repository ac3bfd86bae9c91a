package org.vigil.documents;

import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * People per jurisdiction on an uploaded list, of them those whose contact details are out of date, and the people of
 * each counterparty the list marks (whose data they are).
 */
@NamedInterface("api")
public record IndividualCounts(Map<String, Integer> byJurisdiction, Map<String, Integer> unreachableByJurisdiction,
        Map<String, Integer> byCounterparty) {

    public IndividualCounts(Map<String, Integer> byJurisdiction, Map<String, Integer> unreachableByJurisdiction) {
        this(byJurisdiction, unreachableByJurisdiction, Map.of());
    }

    public int total() {
        return byJurisdiction.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int unreachable() {
        return unreachableByJurisdiction.values().stream().mapToInt(Integer::intValue).sum();
    }
}
