package org.redwheel.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A closed loop of waypoints that a truck drives round and round: leg {@code i} runs from waypoint
 * {@code i} to waypoint {@code i + 1} on road {@code roads.get(i)}, and the last leg leads back to
 * the first waypoint.
 */
public record Route(String name, List<Waypoint> waypoints, List<RoadClass> roads) {

    public Route {
        Objects.requireNonNull(name, "name");
        waypoints = List.copyOf(waypoints);
        roads = List.copyOf(roads);
        if (waypoints.size() < 2) {
            throw new IllegalArgumentException("a route needs at least two waypoints: " + name);
        }
        if (roads.size() != waypoints.size()) {
            throw new IllegalArgumentException(
                    "a loop of " + waypoints.size() + " waypoints has as many legs, got " + roads.size());
        }
    }

    /** Starts a route at {@code start}; add legs with {@link Builder#then} and close it with {@link Builder#back}. */
    public static Builder loop(String name, Waypoint start) {
        return new Builder(name, start);
    }

    public int size() {
        return waypoints.size();
    }

    /** Waypoint {@code index}, counting round the loop. */
    public Waypoint waypoint(int index) {
        return waypoints.get(Math.floorMod(index, waypoints.size()));
    }

    /** The road of the leg leaving waypoint {@code index}. */
    public RoadClass roadFrom(int index) {
        return roads.get(Math.floorMod(index, roads.size()));
    }

    public double legMeters(int index) {
        return waypoint(index).position().distanceMetersTo(waypoint(index + 1).position());
    }

    public double lengthMeters() {
        double total = 0;
        for (int i = 0; i < size(); i++) {
            total += legMeters(i);
        }
        return total;
    }

    /** The same loop entered at waypoint {@code index}, so trucks on one route spread out. */
    public Route startingAt(int index) {
        int shift = Math.floorMod(index, size());
        List<Waypoint> rotatedWaypoints = new ArrayList<>(size());
        List<RoadClass> rotatedRoads = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            rotatedWaypoints.add(waypoint(shift + i));
            rotatedRoads.add(roadFrom(shift + i));
        }
        return new Route(name, rotatedWaypoints, rotatedRoads);
    }

    /** Collects the legs of a loop in driving order. */
    public static final class Builder {

        private final String name;
        private final List<Waypoint> waypoints = new ArrayList<>();
        private final List<RoadClass> roads = new ArrayList<>();

        private Builder(String name, Waypoint start) {
            this.name = name;
            waypoints.add(Objects.requireNonNull(start, "start"));
        }

        /** Drives on {@code road} to {@code next}. */
        public Builder then(RoadClass road, Waypoint next) {
            roads.add(Objects.requireNonNull(road, "road"));
            waypoints.add(Objects.requireNonNull(next, "next"));
            return this;
        }

        /** Drives back to the start on {@code road}, closing the loop. */
        public Route back(RoadClass road) {
            roads.add(Objects.requireNonNull(road, "road"));
            return new Route(name, waypoints, roads);
        }
    }
}
