/**
 * The fleet simulator: simulated trucks as real JT/T 808 TCP clients, for the demo, load tests and
 * reliability tests. No Spring.
 *
 * <p>{@link org.redwheel.sim.Fleet} makes numbered trucks ({@link org.redwheel.sim.SimulatedTruck})
 * on the {@link org.redwheel.sim.DemoCounty} routes or in the {@link
 * org.redwheel.sim.LongDriveScenario}; a {@link org.redwheel.sim.Journey} moves a truck along its
 * {@link org.redwheel.sim.Route} second by second; {@link org.redwheel.sim.Simulator#start} connects
 * one {@link org.redwheel.sim.TerminalClient} per truck, all on one shared event loop group, paced
 * by a {@link org.redwheel.sim.SimulationClock} or fast-forwarding, optionally spoiling its writes
 * with a {@link org.redwheel.sim.FaultInjector}. {@link org.redwheel.sim.Main} is the command line.
 */
package org.redwheel.sim;
