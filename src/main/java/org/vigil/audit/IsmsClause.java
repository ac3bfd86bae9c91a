package org.vigil.audit;

/** A clause of ISO/IEC 27001:2022 (4.1 to 10.2, with the sub-clauses of 6.1, 7.5, 9.2 and 9.3) and its short title. */
public record IsmsClause(String id, String title) {}
