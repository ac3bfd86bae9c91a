package org.vigil.correctiveaction;

/** No corrective action has this id. */
class NoSuchActionException extends RuntimeException {

    NoSuchActionException(long id) {
        super("No corrective action " + id);
    }
}
