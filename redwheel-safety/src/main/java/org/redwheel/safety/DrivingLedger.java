package org.redwheel.safety;

import java.util.Arrays;

/**
 * A driver's driving time as a sorted set of disjoint runs {@code [start, end)} in epoch seconds;
 * whatever lies between two runs is a stop. Stored as int triples (start, end, driving before this
 * run) relative to a base second, so 24 h of city driving fits in a few kilobytes and the driving in
 * any window costs two binary searches.
 */
final class DrivingLedger {

    private static final int STRIDE = 3;

    private long base = Long.MIN_VALUE;
    private int[] runs = new int[8 * STRIDE];
    private int size;

    int size() {
        return size;
    }

    long start(int i) {
        return base + runs[i * STRIDE];
    }

    long end(int i) {
        return base + runs[i * STRIDE + 1];
    }

    /** Adds driving over {@code [start, end)}, merging with runs it overlaps or touches. */
    void add(long start, long end) {
        if (end <= start) {
            return;
        }
        if (base == Long.MIN_VALUE) {
            base = start;
        }
        if (size > 0 && start >= end(size - 1)) {
            if (start == end(size - 1)) {
                runs[(size - 1) * STRIDE + 1] = offset(end);
            } else {
                append(start, end);
            }
            return;
        }
        int first = firstEndingAtOrAfter(start);
        int last = first;
        while (last < size && start(last) <= end) {
            last++;
        }
        if (first == last) {
            insertAt(first, start, end);
        } else {
            long mergedStart = Math.min(start, start(first));
            long mergedEnd = Math.max(end, end(last - 1));
            removeRange(first + 1, last);
            runs[first * STRIDE] = offset(mergedStart);
            runs[first * STRIDE + 1] = offset(mergedEnd);
        }
        recount(first);
    }

    /** Removes driving over {@code [start, end)}, splitting a run that straddles it. */
    void remove(long start, long end) {
        if (end <= start || size == 0) {
            return;
        }
        int i = firstEndingAfter(start);
        int from = i;
        while (i < size && start(i) < end) {
            long runStart = start(i);
            long runEnd = end(i);
            if (runStart < start && runEnd > end) {
                runs[i * STRIDE + 1] = offset(start);
                insertAt(i + 1, end, runEnd);
                break;
            } else if (runStart < start) {
                runs[i * STRIDE + 1] = offset(start);
                i++;
            } else if (runEnd > end) {
                runs[i * STRIDE] = offset(end);
                break;
            } else {
                removeRange(i, i + 1);
            }
        }
        recount(from);
    }

    /** Driving before the instant. */
    long drivingBefore(long instant) {
        int i = lastStartingBefore(instant);
        if (i < 0) {
            return 0;
        }
        return runs[i * STRIDE + 2] + Math.min(instant, end(i)) - start(i);
    }

    long drivingBetween(long from, long to) {
        return to <= from ? 0 : drivingBefore(to) - drivingBefore(from);
    }

    /** Index of the first run ending after the instant ({@link #size()} when none). */
    int firstEndingAfter(long instant) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (end(mid) > instant) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Index of the last run starting at or before the instant, -1 when none. */
    int lastStartingAtOrBefore(long instant) {
        return lastStartingBefore(instant + 1);
    }

    /** Drops the runs before index {@code count}. */
    void dropFirst(int count) {
        if (count <= 0) {
            return;
        }
        removeRange(0, count);
        recount(0);
    }

    private int lastStartingBefore(long instant) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (start(mid) < instant) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low - 1;
    }

    private int firstEndingAtOrAfter(long instant) {
        return firstEndingAfter(instant - 1);
    }

    private void append(long start, long end) {
        ensureCapacity(size + 1);
        int at = size * STRIDE;
        runs[at] = offset(start);
        runs[at + 1] = offset(end);
        runs[at + 2] = size == 0 ? 0 : runs[at - 1] + runs[at - 2] - runs[at - 3];
        size++;
    }

    private void insertAt(int index, long start, long end) {
        ensureCapacity(size + 1);
        System.arraycopy(runs, index * STRIDE, runs, (index + 1) * STRIDE, (size - index) * STRIDE);
        runs[index * STRIDE] = offset(start);
        runs[index * STRIDE + 1] = offset(end);
        size++;
    }

    private void removeRange(int from, int to) {
        if (to <= from) {
            return;
        }
        System.arraycopy(runs, to * STRIDE, runs, from * STRIDE, (size - to) * STRIDE);
        size -= to - from;
    }

    /** Recomputes the running totals from a run on. */
    private void recount(int from) {
        for (int i = Math.max(from, 0); i < size; i++) {
            int at = i * STRIDE;
            runs[at + 2] = i == 0 ? 0 : runs[at - 1] + runs[at - 2] - runs[at - 3];
        }
    }

    private void ensureCapacity(int runsNeeded) {
        if (runsNeeded * STRIDE > runs.length) {
            runs = Arrays.copyOf(runs, Math.max(runsNeeded, size * 2) * STRIDE);
        }
    }

    private int offset(long instant) {
        return Math.toIntExact(instant - base);
    }
}
