package org.redwheel.sim;

/**
 * Faults the simulated terminals inject into what they write, to test a platform's robustness.
 *
 * @param corruptShare share of frames (0 to 1) with one byte flipped so the check code fails; the
 *     frame's delimiters and escapes stay intact, so the platform reports a bad checksum and reads
 *     on
 * @param split write every frame in 2–4 pieces a few milliseconds apart, so the platform reads
 *     partial frames
 * @param coalesce gather 2–5 frames (or whatever 20 ms brings) into one write
 * @param disconnectEveryFrames reset the connection (TCP RST) right after every this many frames
 *     written on it; 0 for never
 * @param disconnectProbability chance (0 to 1) of a reset after any frame
 */
public record FaultInjector(
        double corruptShare, boolean split, boolean coalesce, int disconnectEveryFrames, double disconnectProbability) {

    /** No faults: frames go out whole, one per write. */
    public static final FaultInjector NONE = new FaultInjector(0, false, false, 0, 0);

    public FaultInjector {
        requireShare("corruptShare", corruptShare);
        requireShare("disconnectProbability", disconnectProbability);
        if (disconnectEveryFrames < 0) {
            throw new IllegalArgumentException("disconnectEveryFrames must not be negative: " + disconnectEveryFrames);
        }
    }

    public FaultInjector withCorruption(double share) {
        return new FaultInjector(share, split, coalesce, disconnectEveryFrames, disconnectProbability);
    }

    public FaultInjector withSplitting(boolean on) {
        return new FaultInjector(corruptShare, on, coalesce, disconnectEveryFrames, disconnectProbability);
    }

    public FaultInjector withCoalescing(boolean on) {
        return new FaultInjector(corruptShare, split, on, disconnectEveryFrames, disconnectProbability);
    }

    public FaultInjector withDisconnectEvery(int frames) {
        return new FaultInjector(corruptShare, split, coalesce, frames, disconnectProbability);
    }

    public FaultInjector withDisconnectProbability(double probability) {
        return new FaultInjector(corruptShare, split, coalesce, disconnectEveryFrames, probability);
    }

    public boolean active() {
        return corruptShare > 0 || split || coalesce || disconnectEveryFrames > 0 || disconnectProbability > 0;
    }

    private static void requireShare(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be 0..1: " + value);
        }
    }
}
