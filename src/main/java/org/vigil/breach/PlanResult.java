package org.vigil.breach;

import java.util.List;

/** The notification plan for an incident, as the breach capability keeps it. */
record PlanResult(boolean notificationsRequired, String catalogVersion, List<PlannedDuty> duties, List<String> notRequired) {}
