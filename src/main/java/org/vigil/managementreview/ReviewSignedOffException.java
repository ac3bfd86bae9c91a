package org.vigil.managementreview;

import java.util.Map;
import org.vigil.platform.StateConflict;

/** A change to a signed-off review, which is read-only: 409 naming the review; amendments are appended instead. */
class ReviewSignedOffException extends StateConflict {
    ReviewSignedOffException(long reviewId) {
        super("Management review signed off", "Management review " + reviewId + " is signed off and read-only; append an amendment"
                + " through POST /api/management-reviews/" + reviewId + "/amendments", Map.of("reviewId", reviewId));
    }
}
