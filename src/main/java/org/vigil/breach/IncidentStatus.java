package org.vigil.breach;

/**
 * In the order of the lifecycle: {@link Incident} relies on it never to move an incident backwards (only a reopening does).
 * REOPENED: a closed incident taken back to the investigation (see the incident's events for who, when and why).
 */
public enum IncidentStatus { REPORTED, TRIAGED, CONTAINED, INVESTIGATED, ASSESSED, NOT_A_BREACH, NOTIFYING, REVIEW, CLOSED, REOPENED }
