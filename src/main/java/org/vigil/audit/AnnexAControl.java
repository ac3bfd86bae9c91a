package org.vigil.audit;

/** A control of ISO/IEC 27001:2022 Annex A: its id ({@code "A.5.15"}), theme and short title. */
@org.springframework.modulith.NamedInterface("catalog")
public record AnnexAControl(String id, String theme /* organizational|people|physical|technological */, String title) {}
