package org.vigil.breach.events;

import java.time.Duration;

/**
 * A step of a breach-response exercise that took longer than the SLA policy allows: {@code step} is {@code triage},
 * {@code containment}, {@code plan} or {@code first-notice}; {@code actual} is null when the step was never reached.
 */
public record ExerciseGap(String step, Duration target, Duration actual) {}
