/** What the risk capability announces to the others. */
@org.springframework.modulith.NamedInterface("events")
package org.vigil.risk.events;
