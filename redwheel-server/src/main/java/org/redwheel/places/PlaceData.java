package org.redwheel.places;

/** What a user enters for a place. */
public record PlaceData(
        PlaceKind kind,
        String name,
        String address,
        Double latitude,
        Double longitude,
        String services,
        String openingHours,
        String phone) {}
