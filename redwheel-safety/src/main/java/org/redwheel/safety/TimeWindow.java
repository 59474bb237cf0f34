package org.redwheel.safety;

/**
 * A daily window of local time, such as 22:00–06:00, that may wrap past midnight; start equal to end
 * is an empty window. Works on epoch seconds so the hot path needs no date objects.
 */
record TimeWindow(int startSecondOfDay, int endSecondOfDay, int offsetSeconds) {

    static final int DAY = 86_400;

    boolean isEmpty() {
        return startSecondOfDay == endSecondOfDay;
    }

    boolean contains(long epochSecond) {
        if (isEmpty()) {
            return false;
        }
        int secondOfDay = secondOfDay(epochSecond);
        return startSecondOfDay < endSecondOfDay
                ? secondOfDay >= startSecondOfDay && secondOfDay < endSecondOfDay
                : secondOfDay >= startSecondOfDay || secondOfDay < endSecondOfDay;
    }

    /** The first instant after {@code epochSecond} at which {@link #contains} changes. */
    long nextBoundary(long epochSecond) {
        if (isEmpty()) {
            return Long.MAX_VALUE;
        }
        int secondOfDay = secondOfDay(epochSecond);
        return epochSecond + Math.min(until(secondOfDay, startSecondOfDay), until(secondOfDay, endSecondOfDay));
    }

    int secondOfDay(long epochSecond) {
        return (int) Math.floorMod(epochSecond + offsetSeconds, (long) DAY);
    }

    /** Local midnight at or before the instant. */
    long dayStart(long epochSecond) {
        return epochSecond - secondOfDay(epochSecond);
    }

    private static int until(int from, int to) {
        int ahead = Math.floorMod(to - from, DAY);
        return ahead == 0 ? DAY : ahead;
    }
}
