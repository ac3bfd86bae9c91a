package org.vigil.correctiveaction;

/**
 * A step the rules refuse to this person: checking the effectiveness of an action one owns or implemented. The
 * message names the conflict, for the person who asked; it holds ids only.
 */
class ActionRefusedException extends RuntimeException {

    ActionRefusedException(String message) {
        super(message);
    }
}
