package org.redwheel.places;

/** A place that serves drivers. */
public record Place(
        long id,
        PlaceKind kind,
        String name,
        String address,
        double latitude,
        double longitude,
        String services,
        String openingHours,
        String phone,
        boolean active) {}
