package org.redwheel.sim;

import io.netty.channel.EventLoopGroup;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A running simulation, from {@link Simulator#start}. Stop it (or close it) to free its threads. */
public final class Simulation implements AutoCloseable {

    private static final long SHUTDOWN_TIMEOUT_SECONDS = 5;

    private final EventLoopGroup group;
    private final SimulationClock clock;
    private final List<TerminalClient> terminals;

    Simulation(EventLoopGroup group, SimulationClock clock, List<TerminalClient> terminals) {
        this.group = group;
        this.clock = clock;
        this.terminals = List.copyOf(terminals);
    }

    /** The shared clock; in fast-forward each truck keeps its own simulated time instead. */
    public SimulationClock clock() {
        return clock;
    }

    public List<TerminalClient> terminals() {
        return terminals;
    }

    /** The fleet's counters summed. */
    public TrafficStats stats() {
        TrafficStats total = TrafficStats.ZERO;
        for (TerminalClient terminal : terminals) {
            total = total.plus(terminal.stats());
        }
        return total;
    }

    public boolean running() {
        return !group.isShuttingDown();
    }

    /**
     * Closes every connection and stops the threads, waiting a few seconds at most. Fixes not yet
     * acknowledged are lost with the simulation. Stopping twice does nothing more. Call it from
     * your own thread, never from a {@link TerminalListener} (it waits for the threads those run on).
     */
    public void stop() {
        if (group.isShuttingDown()) {
            return;
        }
        terminals.forEach(TerminalClient::stop);
        group.shutdownGracefully(0, SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .awaitUninterruptibly(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        stop();
    }
}
