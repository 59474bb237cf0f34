/**
 * The driving-safety rule engine: per-vehicle and per-driver state machines fed with position fixes,
 * emitting safety events. Pure Java, no I/O, no Spring and no clock of its own (time comes from the
 * fixes and from {@link org.redwheel.safety.SafetyEngine#tick}).
 *
 * <p>{@link org.redwheel.safety.SafetyEngine} takes {@link org.redwheel.safety.Fix}es and returns
 * {@link org.redwheel.safety.SafetyEvent}s (OPENED, UPDATED, CLOSED per episode) under a versioned
 * {@link org.redwheel.safety.RuleSet} whose text form the console exports; {@link
 * org.redwheel.safety.SpeedLimits} holds the speed zones and the road-class lookup; {@link
 * org.redwheel.safety.VehicleStatus} is what the monitoring desk shows. The {@code cli} sub-package is
 * the {@code replay} command line.
 */
package org.redwheel.safety;
