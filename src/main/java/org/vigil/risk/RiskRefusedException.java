package org.vigil.risk;

/** Who acts is refused (not the CISO, not the risk's owner): 403 with the rule in the message. */
class RiskRefusedException extends RuntimeException {
    RiskRefusedException(String message) {
        super(message);
    }
}
