package org.redwheel.monitoring;

import java.util.List;

/**
 * The fixes of one frame (0x0200: one, 0x0704: several) and what to do once they are durable: send
 * the frame's 0x8001.
 *
 * @param receivedNanos {@link System#nanoTime()} when the frame arrived, for the latency of what it
 *     causes (its acknowledgement, a reminder)
 */
record PositionBatch(List<PositionRow> rows, long receivedNanos, Runnable onDurable) {}
