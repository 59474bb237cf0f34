package org.redwheel.places;

/**
 * The place to rest a truck reaches next: where it is and how far (straight line, in km).
 *
 * @param ahead whether it lies in the direction of travel (otherwise it is simply the nearest)
 */
public record RestPlaceAhead(Place place, double distanceKm, boolean ahead) {}
