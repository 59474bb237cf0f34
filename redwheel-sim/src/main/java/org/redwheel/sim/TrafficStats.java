package org.redwheel.sim;

/**
 * Counters of one simulated terminal or, summed, of a whole simulation. Counts are since the start.
 *
 * @param trucks terminals counted
 * @param online of those, authenticated and reporting now
 * @param generated fixes the trucks produced
 * @param sent live 0x0200 location reports written
 * @param acknowledged fixes the platform acknowledged with 0x8001 result 0 (live or in batches)
 * @param resent fixes uploaded in 0x0704 blind-area batches: after a reconnect (not acknowledged
 *     before the connection dropped, or produced while offline) or after going unanswered for the
 *     response timeout
 * @param outbox fixes not yet acknowledged, kept for re-sending
 * @param dropped fixes dropped unacknowledged because the outbox was full (oldest first)
 * @param textsReceived 0x8300 texts received and answered
 * @param heartbeats 0x0002 heartbeats written
 * @param connections successful authentications (the first one and every reconnect)
 * @param disconnects connections lost after connecting
 * @param corruptedFrames frames written with a broken check code on purpose
 * @param splitWrites frames written in pieces on purpose
 * @param coalescedWrites writes that carried several frames on purpose
 * @param injectedDisconnects connections reset on purpose
 */
public record TrafficStats(
        int trucks,
        int online,
        long generated,
        long sent,
        long acknowledged,
        long resent,
        long outbox,
        long dropped,
        long textsReceived,
        long heartbeats,
        long connections,
        long disconnects,
        long corruptedFrames,
        long splitWrites,
        long coalescedWrites,
        long injectedDisconnects) {

    public static final TrafficStats ZERO = new TrafficStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    public TrafficStats plus(TrafficStats other) {
        return new TrafficStats(
                trucks + other.trucks,
                online + other.online,
                generated + other.generated,
                sent + other.sent,
                acknowledged + other.acknowledged,
                resent + other.resent,
                outbox + other.outbox,
                dropped + other.dropped,
                textsReceived + other.textsReceived,
                heartbeats + other.heartbeats,
                connections + other.connections,
                disconnects + other.disconnects,
                corruptedFrames + other.corruptedFrames,
                splitWrites + other.splitWrites,
                coalescedWrites + other.coalescedWrites,
                injectedDisconnects + other.injectedDisconnects);
    }

    /** One line for logs and the command line. */
    public String summary() {
        StringBuilder line = new StringBuilder()
                .append("online ")
                .append(online)
                .append('/')
                .append(trucks)
                .append(" generated ")
                .append(generated)
                .append(" sent ")
                .append(sent)
                .append(" acked ")
                .append(acknowledged)
                .append(" resent ")
                .append(resent)
                .append(" outbox ")
                .append(outbox)
                .append(" dropped ")
                .append(dropped)
                .append(" texts ")
                .append(textsReceived)
                .append(" heartbeats ")
                .append(heartbeats)
                .append(" disconnects ")
                .append(disconnects);
        if (corruptedFrames + splitWrites + coalescedWrites + injectedDisconnects > 0) {
            line.append(" faults: corrupted ")
                    .append(corruptedFrames)
                    .append(" split ")
                    .append(splitWrites)
                    .append(" coalesced ")
                    .append(coalescedWrites)
                    .append(" resets ")
                    .append(injectedDisconnects);
        }
        return line.toString();
    }
}
