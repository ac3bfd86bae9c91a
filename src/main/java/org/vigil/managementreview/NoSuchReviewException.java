package org.vigil.managementreview;

/** A management review id that names no review: 404. */
class NoSuchReviewException extends RuntimeException {
    NoSuchReviewException(long id) {
        super("No management review " + id);
    }
}
