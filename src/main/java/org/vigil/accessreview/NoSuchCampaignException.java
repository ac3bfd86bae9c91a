package org.vigil.accessreview;

/** No campaign with that id. */
public class NoSuchCampaignException extends RuntimeException {
    NoSuchCampaignException(long id) {
        super("No access-review campaign " + id);
    }
}
