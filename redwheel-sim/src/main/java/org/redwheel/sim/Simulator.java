package org.redwheel.sim;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts a fleet of simulated terminals against a JT/T 808 platform:
 *
 * <pre>{@code
 * try (Simulation simulation = Simulator.start(Fleet.demo(30, 42),
 *         SimulatorOptions.defaults("127.0.0.1", 7611).withCompression(60))) {
 *     ...
 *     System.out.println(simulation.stats().summary());
 * }
 * }</pre>
 *
 * <p>All trucks share one event loop group of {@link SimulatorOptions#eventLoopThreads()} daemon
 * threads; each truck lives on one of its loops, so a thousand trucks need no thousand threads.
 */
public final class Simulator {

    private Simulator() {}

    /**
     * Starts every truck's terminal, their first connections spread over the options' ramp-up.
     *
     * @throws IllegalArgumentException when two trucks share a phone or the host cannot be resolved
     */
    public static Simulation start(List<SimulatedTruck> trucks, SimulatorOptions options) {
        Set<String> phones = new HashSet<>();
        for (SimulatedTruck truck : trucks) {
            if (!phones.add(truck.phone())) {
                throw new IllegalArgumentException("two trucks with phone " + truck.phone());
            }
        }
        // resolved once here, so no event loop ever blocks on a name lookup
        InetSocketAddress platform = new InetSocketAddress(options.host(), options.port());
        if (platform.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve " + options.host());
        }
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(
                options.eventLoopThreads(), new DefaultThreadFactory("redwheel-sim", true), NioIoHandler.newFactory());
        SimulationClock clock = new SimulationClock(options.simulatedStart(), options.compression());
        List<TerminalClient> terminals = new ArrayList<>(trucks.size());
        long rampUp = options.rampUp().toNanos();
        for (int i = 0; i < trucks.size(); i++) {
            TerminalClient terminal = new TerminalClient(trucks.get(i), options, clock, group.next(), platform);
            terminals.add(terminal);
            terminal.start(trucks.size() > 1 ? rampUp / trucks.size() * i : 0);
        }
        return new Simulation(group, clock, terminals);
    }
}
