package org.vigil.risk;

import java.util.Map;
import org.vigil.platform.StateConflict;

/** A change to a signed-off assessment, whose ratings are the register's record: 409 naming it. */
class AssessmentSignedOffException extends StateConflict {
    AssessmentSignedOffException(long assessmentId) {
        super("Risk assessment signed off", "Risk assessment " + assessmentId + " is signed off; its ratings, treatment and"
                + " acceptances are the register's record. Start a new assessment (POST /api/risk/assessments) to change them",
                Map.of("assessmentId", assessmentId));
    }
}
