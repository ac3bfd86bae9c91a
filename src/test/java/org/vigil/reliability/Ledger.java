package org.vigil.reliability;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Vigil acknowledged to the load: each entry is a request that got its success answer, so its effect must be in
 * the database whatever happened afterwards. A request whose answer never came (the node died under it) is not here:
 * it may or may not have taken effect, and the load finds out by reading the state and going on from there.
 */
final class Ledger {

    /** External reference of each acknowledged report, and the incident id it was answered with. */
    final Map<String, Long> reports = new ConcurrentHashMap<>();
    /** Incidents reported with a deadline falling due during the run: their deadline timers must fire, once. */
    final Set<Long> timerIncidents = ConcurrentHashMap.newKeySet();
    /** Task id of each acknowledged completion (204), with its task definition key. */
    final Map<String, String> completedTasks = new ConcurrentHashMap<>();
    /** Incident id of each acknowledged upload of affected people, with the number of people uploaded. */
    final Map<Long, Integer> uploads = new ConcurrentHashMap<>();
    /** Obligations to individuals whose approval was acknowledged: each must have one finished letter batch. */
    final Set<Long> approvedLetters = ConcurrentHashMap.newKeySet();
    /** Obligations whose dispatch was acknowledged, with the proof recorded. */
    final Map<Long, String> dispatches = new ConcurrentHashMap<>();
    /** Dashboard reads answered 200. */
    final AtomicLong reads = new AtomicLong();
    /** Valid task completions that a node refused with 400 (then tried again), with the refusal: should stay empty. */
    final java.util.List<String> refusals = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Requests sent that got no answer, or a 5xx, because a node died or the database stood still under them. */
    final AtomicLong unanswered = new AtomicLong();

    long acknowledged() {
        return reports.size() + completedTasks.size() + uploads.size() + reads.get();
    }
}
