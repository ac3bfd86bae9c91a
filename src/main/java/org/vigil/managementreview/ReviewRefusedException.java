package org.vigil.managementreview;

/** The caller may not do this with management reviews: 403, naming who may. */
class ReviewRefusedException extends RuntimeException {
    ReviewRefusedException(String message) {
        super(message);
    }
}
