package org.vigil.regulation;

/** One duty of a catalog rule in one jurisdiction, with the residents counted there. */
record Duty(String recipient, String jurisdiction, long count) {

    /** "state_ag:TX(US-TX)", as relative deadline rules name their earlier notice. */
    String label() {
        return recipient + "(" + jurisdiction + ")";
    }
}
