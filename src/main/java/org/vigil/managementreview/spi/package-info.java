/**
 * What a capability implements to contribute an input to management reviews: a Spring bean implementing {@link
 * org.vigil.managementreview.spi.ReviewInputSource} that reads its own records for a period and answers with ids,
 * codes, counts and durations only (never patient data). The review freezes the answers in its pack.
 */
@org.springframework.modulith.NamedInterface("spi")
package org.vigil.managementreview.spi;
