package org.redwheel.jt808;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Puts segmented messages back together. One instance per connection; not thread-safe (a Netty
 * channel's handlers run on one thread). It has no clock: callers pass the time, so tests and
 * replays control it.
 *
 * <p>Packets are grouped by phone, message id and packet total, so a terminal can have one
 * segmented message per message id in flight, which is how terminals send them. A packet that
 * arrives twice replaces the earlier copy (terminals resend after 0x8003). When no packet of a
 * message arrives for the timeout, {@link #expire} reports the missing indices for a 0x8003 request
 * (at most as many as one 0x8003 can list: 255 before 2019);
 * after {@code maxResendRequests} such reports the message is dropped. Memory is bounded: a message
 * above {@code maxMessageBytes} is dropped, and beyond {@code maxPendingMessages} the oldest pending
 * message is evicted.
 */
public final class Reassembler {

    private final Duration timeout;
    private final int maxResendRequests;
    private final int maxMessageBytes;
    private final int maxPendingMessages;
    private final Map<Key, Pending> pending = new LinkedHashMap<>();

    /**
     * @param timeout how long to wait after the latest packet before asking for the missing ones
     * @param maxResendRequests how many times to ask before dropping the message
     */
    public Reassembler(Duration timeout, int maxResendRequests, int maxMessageBytes, int maxPendingMessages) {
        if (timeout.isNegative() || timeout.isZero() || maxResendRequests < 0 || maxMessageBytes < 1) {
            throw new IllegalArgumentException("timeout must be positive, limits non-negative");
        }
        if (maxPendingMessages < 1) {
            throw new IllegalArgumentException("at least one pending message must fit");
        }
        this.timeout = timeout;
        this.maxResendRequests = maxResendRequests;
        this.maxMessageBytes = maxMessageBytes;
        this.maxPendingMessages = maxPendingMessages;
    }

    /** 30 s timeout, 3 resend requests, 2 MiB per message (multimedia), 16 pending messages. */
    public Reassembler() {
        this(Duration.ofSeconds(30), 3, 2 * 1024 * 1024, 16);
    }

    /**
     * Adds a packet.
     *
     * @return the whole message as an unsegmented frame (serial of the first packet) once the last
     *     missing packet arrives; empty before that, and for packets of a dropped message
     * @throws IllegalArgumentException for a frame that is not segmented
     */
    public Optional<Jt808Frame> accept(Jt808Frame packet, Instant now) {
        Jt808Header header = packet.header();
        if (!header.segmented()) {
            throw new IllegalArgumentException("not a packet of a segmented message: " + header);
        }
        Key key = new Key(header.phone(), header.messageId(), header.packetTotal());
        Pending message = pending.get(key);
        if (message == null) {
            if (pending.size() >= maxPendingMessages) {
                Iterator<Key> oldest = pending.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            message = new Pending(header);
            pending.put(key, message);
        }
        message.add(packet, now.plus(timeout));
        if (message.bytes > maxMessageBytes) {
            pending.remove(key);
            return Optional.empty();
        }
        if (message.packets.size() < message.total) {
            return Optional.empty();
        }
        pending.remove(key);
        return Optional.of(message.assemble());
    }

    /**
     * Reports messages that have waited past the timeout: each report asks for the missing packets
     * again and restarts the wait; the report after the last allowed request drops the message.
     */
    public List<MissingPackets> expire(Instant now) {
        List<MissingPackets> reports = new ArrayList<>();
        Iterator<Pending> iterator = pending.values().iterator();
        while (iterator.hasNext()) {
            Pending message = iterator.next();
            if (now.isBefore(message.deadline)) {
                continue;
            }
            boolean abandoned = message.requests >= maxResendRequests;
            reports.add(message.missing(abandoned));
            if (abandoned) {
                iterator.remove();
            } else {
                message.requests++;
                message.deadline = now.plus(timeout);
            }
        }
        return reports;
    }

    /** Messages waiting for packets. */
    public int pendingMessages() {
        return pending.size();
    }

    private record Key(String phone, int messageId, int total) {}

    private static final class Pending {
        private final Jt808Header first;
        // a map, not an array sized by the total: a forged total of 65535 must not allocate up front
        private final Map<Integer, byte[]> packets = new TreeMap<>();
        private final int total;
        private int firstSerial;
        private int bytes;
        private int requests;
        private Instant deadline;

        Pending(Jt808Header header) {
            this.first = header;
            this.total = header.packetTotal();
            this.firstSerial = derivedFirstSerial(header);
        }

        void add(Jt808Frame packet, Instant newDeadline) {
            Jt808Header header = packet.header();
            byte[] previous = packets.put(header.packetIndex(), packet.bodyUnsafe());
            if (previous != null) {
                bytes -= previous.length;
            }
            bytes += packet.bodyLength();
            if (header.packetIndex() == 1) {
                firstSerial = header.serial();
            }
            deadline = newDeadline;
        }

        Jt808Frame assemble() {
            ByteArrayOutputStream body = new ByteArrayOutputStream(bytes);
            packets.values().forEach(body::writeBytes);
            return new Jt808Frame(first.unsegmented(firstSerial), body.toByteArray());
        }

        MissingPackets missing(boolean abandoned) {
            // 0x8003 counts the indices in a BYTE before 2019, in a WORD in 2019
            int limit = first.version() == ProtocolVersion.V2019 ? 0xFFFF : 0xFF;
            List<Integer> indices = new ArrayList<>();
            for (int index = 1; index <= total && indices.size() < limit; index++) {
                if (!packets.containsKey(index)) {
                    indices.add(index);
                }
            }
            return new MissingPackets(
                    first.phone(), first.version(), first.messageId(), firstSerial, indices, abandoned);
        }

        // Packets carry consecutive serials, so the first one follows from any packet until packet 1 arrives.
        private static int derivedFirstSerial(Jt808Header header) {
            return (header.serial() - header.packetIndex() + 1) & 0xFFFF;
        }
    }
}
