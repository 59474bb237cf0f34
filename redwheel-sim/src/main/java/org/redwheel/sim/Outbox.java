package org.redwheel.sim;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.redwheel.jt808.message.Location;

/**
 * A truck's fixes that the platform has not acknowledged yet, oldest first. Each one is unsent,
 * carried by the message with a given serial, or parked: sent too often without an answer on this
 * connection, waiting for the next. Bounded: adding to a full outbox drops the oldest fix. Not
 * thread-safe: used on the truck's event loop only.
 */
final class Outbox {

    private static final int UNSENT = -1;
    private static final int PARKED = -2;

    /** A fix, the serial of the message carrying it (or a marker), and how often it went out. */
    static final class Entry {
        private final Location location;
        private int serial = UNSENT;
        private int sends;

        private Entry(Location location) {
            this.location = location;
        }

        Location location() {
            return location;
        }
    }

    private record Flight(List<Entry> entries, long sentAtNanos) {}

    private final int capacity;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private final Map<Integer, Flight> inFlight = new HashMap<>();
    private long dropped;

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    /** Keeps {@code location} until acknowledged, dropping the oldest fix when full. */
    Entry add(Location location) {
        if (entries.size() == capacity) {
            Entry oldest = entries.removeFirst();
            forget(oldest);
            dropped++;
        }
        Entry entry = new Entry(location);
        entries.addLast(entry);
        return entry;
    }

    /** Records that the message with {@code serial}, written at {@code nanos}, carries {@code carried}. */
    void sent(int serial, List<Entry> carried, long nanos) {
        Flight previous = inFlight.put(serial, new Flight(new ArrayList<>(carried), nanos));
        if (previous != null) {
            // the serial went round the clock while these were still out: they go again later
            previous.entries().forEach(entry -> entry.serial = UNSENT);
        }
        for (Entry entry : carried) {
            entry.serial = serial;
            entry.sends++;
        }
    }

    /** The platform acknowledged the message with {@code serial}: its fixes are done. Returns how many. */
    int acknowledge(int serial) {
        Flight flight = inFlight.remove(serial);
        if (flight == null) {
            return 0;
        }
        flight.entries().forEach(entries::remove);
        return flight.entries().size();
    }

    /** The platform refused the message with {@code serial}: its fixes wait for the next connection. */
    void refuse(int serial) {
        Flight flight = inFlight.remove(serial);
        if (flight != null) {
            flight.entries().forEach(entry -> entry.serial = PARKED);
        }
    }

    /**
     * Messages written before {@code sentBefore} and still unanswered are given up: fixes sent
     * fewer than {@code maxSends} times become unsent, to go again now; the others are parked until
     * the next connection. Returns how many became unsent.
     */
    int expire(long sentBefore, int maxSends) {
        int unsent = 0;
        for (Iterator<Flight> flights = inFlight.values().iterator(); flights.hasNext(); ) {
            Flight flight = flights.next();
            if (flight.sentAtNanos() - sentBefore < 0) {
                flights.remove();
                for (Entry entry : flight.entries()) {
                    if (entry.sends < maxSends) {
                        entry.serial = UNSENT;
                        unsent++;
                    } else {
                        entry.serial = PARKED;
                    }
                }
            }
        }
        return unsent;
    }

    /** The connection dropped: nothing is in flight or parked any more, everything goes again. */
    void markAllUnsent() {
        inFlight.clear();
        for (Entry entry : entries) {
            entry.serial = UNSENT;
            entry.sends = 0;
        }
    }

    /** Fixes not carried by any message and not parked, oldest first. */
    List<Entry> unsent() {
        List<Entry> unsent = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.serial == UNSENT) {
                unsent.add(entry);
            }
        }
        return unsent;
    }

    int size() {
        return entries.size();
    }

    long dropped() {
        return dropped;
    }

    private void forget(Entry entry) {
        if (entry.serial >= 0) {
            Flight flight = inFlight.get(entry.serial);
            if (flight != null) {
                flight.entries().remove(entry);
                if (flight.entries().isEmpty()) {
                    inFlight.remove(entry.serial);
                }
            }
        }
    }
}
