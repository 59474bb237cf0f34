package org.redwheel.sim;

import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.TextMessage;

/**
 * Hears what simulated terminals do. Called on the truck's event loop: return quickly and never
 * block. Every method does nothing by default.
 */
public interface TerminalListener {

    TerminalListener NONE = new TerminalListener() {};

    /** The terminal authenticated and reports live. */
    default void online(SimulatedTruck truck) {}

    /** The terminal's connection closed after it had been online. */
    default void offline(SimulatedTruck truck) {}

    /** The truck produced a fix; it goes out live, or into the outbox while offline. */
    default void fixGenerated(SimulatedTruck truck, Location fix) {}

    /** The platform sent a 0x8300 text; the terminal has answered it with 0x0001. */
    default void textReceived(SimulatedTruck truck, TextMessage text) {}

    /** The platform refused a registration (0x0100) or an authentication (0x0102) with {@code result}. */
    default void refused(SimulatedTruck truck, int messageId, int result) {}
}
