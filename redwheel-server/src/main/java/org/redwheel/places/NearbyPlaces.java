package org.redwheel.places;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The active places of some kinds around a position, nearest first: for a driver looking for one. */
@Service
public class NearbyPlaces {

    private final Places places;

    NearbyPlaces(Places places) {
        this.places = places;
    }

    /** Every active place of these kinds, with its straight-line distance from the position, nearest first. */
    public List<NearbyPlace> around(double latitude, double longitude, Set<PlaceKind> kinds) {
        return places.list(null, false).stream()
                .filter(p -> kinds.contains(p.kind()))
                .map(p -> new NearbyPlace(p, Places.distanceKm(latitude, longitude, p.latitude(), p.longitude())))
                .sorted(Comparator.comparingDouble(NearbyPlace::distanceKm)
                        .thenComparing(n -> n.place().name()))
                .toList();
    }

    /** A place and how far it is (straight line, km). */
    public record NearbyPlace(Place place, double distanceKm) {}
}
