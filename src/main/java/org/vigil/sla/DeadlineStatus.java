package org.vigil.sla;

/** Open ones move to at risk at their warn time and to overdue at their due time; completed ones are met or missed. */
public enum DeadlineStatus { OPEN, AT_RISK, OVERDUE, MET, MISSED, CANCELLED }
