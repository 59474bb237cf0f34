package org.redwheel.benchmarks.load;

import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Paces the terminals of one event loop: an open-loop schedule (sends do not wait for acks) of
 * {@code frameRate} frames per second, taken round-robin over the terminals that were online when
 * the window opened, so each terminal sends every {@code terminals / frameRate} seconds and the
 * sends of the loop are spread evenly over time. A 1 ms tick sends what is due; a late tick (GC,
 * a busy core) catches up, at most four ticks' worth per tick so that the loop keeps reading acks
 * in between, and the rate holds on average. Only at the window's end is everything still due
 * sent at once.
 */
final class LoopDriver {

    private final EventLoop loop;
    private final List<LoadTerminal> terminals = new ArrayList<>();
    private final LoadStats stats;

    // event loop only
    private LoadTerminal[] active = new LoadTerminal[0];
    private double framesPerNano;
    private long startNanos;
    private long endNanos;
    private long due;
    private int cursor;
    private int fixesPerFrame;
    private ScheduledFuture<?> tick;
    private ScheduledFuture<?> heartbeat;
    private CompletableFuture<Void> finished;

    LoopDriver(EventLoop loop, LoadStats stats) {
        this.loop = loop;
        this.stats = stats;
    }

    EventLoop loop() {
        return loop;
    }

    void add(LoadTerminal terminal) {
        terminals.add(terminal);
    }

    List<LoadTerminal> terminals() {
        return terminals;
    }

    /** How many of this loop's terminals are online now. */
    CompletableFuture<Integer> onlineCount() {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        loop.execute(() -> count.complete(
                (int) terminals.stream().filter(LoadTerminal::online).count()));
        return count;
    }

    /** How many of this loop's terminals have finished their handshake, either way. */
    CompletableFuture<Integer> settledCount() {
        CompletableFuture<Integer> count = new CompletableFuture<>();
        loop.execute(() -> count.complete(
                (int) terminals.stream().filter(LoadTerminal::settled).count()));
        return count;
    }

    /** Heartbeats for idle terminals from now on, checked every second. */
    void startHeartbeats(long idleNanos) {
        heartbeat = loop.scheduleAtFixedRate(
                () -> {
                    long now = System.nanoTime();
                    for (LoadTerminal terminal : terminals) {
                        terminal.heartbeatIfIdle(now, idleNanos);
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    /**
     * Sends {@code frameRate} frames per second from {@code startNanos} to {@code endNanos}; the
     * returned future completes after the last frame of the window is written.
     */
    CompletableFuture<Void> run(double frameRate, int fixes, long startNanos, long endNanos) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        loop.execute(() -> {
            this.finished = finished;
            this.due = 0;
            active = terminals.stream().filter(LoadTerminal::online).toArray(LoadTerminal[]::new);
            if (active.length == 0 || frameRate <= 0) {
                finished.complete(null);
                return;
            }
            this.framesPerNano = frameRate / 1e9;
            this.fixesPerFrame = fixes;
            this.startNanos = startNanos;
            this.endNanos = endNanos;
            long delay = Math.max(0, startNanos - System.nanoTime());
            tick = loop.scheduleAtFixedRate(this::tick, delay, 1_000_000, TimeUnit.NANOSECONDS);
        });
        return finished;
    }

    private void tick() {
        long now = Math.min(System.nanoTime(), endNanos);
        long target = (long) ((now - startNanos) * framesPerNano);
        // catch up at most four ticks' worth at a time, so a late loop still reads its acks in between
        long limit = due + Math.max(32, (long) Math.ceil(framesPerNano * 4_000_000));
        if (target > limit && now < endNanos) {
            target = limit;
        }
        while (due < target) {
            LoadTerminal terminal = active[cursor];
            cursor = cursor + 1 == active.length ? 0 : cursor + 1;
            if (!terminal.sendPositions(fixesPerFrame)) {
                stats.skippedSlots.increment();
            }
            due++;
        }
        if (now >= endNanos) {
            tick.cancel(false);
            finished.complete(null);
        }
    }

    /** Stops heartbeats and closes every connection. */
    CompletableFuture<Void> close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        loop.execute(() -> {
            if (tick != null) {
                tick.cancel(false);
            }
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            terminals.forEach(LoadTerminal::close);
            closed.complete(null);
        });
        return closed;
    }
}
