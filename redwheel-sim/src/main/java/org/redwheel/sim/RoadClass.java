package org.redwheel.sim;

/**
 * The kind of road a leg of a route runs on: its legal limit for trucks and the range a driver
 * cruises at (DOMAIN.md §2). Heavy trucks carry a limiter near 90 km/h, so the expressway cruise
 * stays below the 100 km/h limit.
 */
public enum RoadClass {
    /** Streets of the county seat and the town centres. */
    TOWN(40, 25, 35),
    /** County and township roads, one lane each way with a centre line. */
    COUNTY_ROAD(70, 50, 62),
    /** National and provincial roads such as G205. */
    NATIONAL_ROAD(80, 60, 75),
    /** Expressways such as G1511 Rizhao–Lankao. */
    EXPRESSWAY(100, 80, 90);

    private final int limitKmh;
    private final int cruiseMinKmh;
    private final int cruiseMaxKmh;

    RoadClass(int limitKmh, int cruiseMinKmh, int cruiseMaxKmh) {
        this.limitKmh = limitKmh;
        this.cruiseMinKmh = cruiseMinKmh;
        this.cruiseMaxKmh = cruiseMaxKmh;
    }

    public int limitKmh() {
        return limitKmh;
    }

    public int cruiseMinKmh() {
        return cruiseMinKmh;
    }

    public int cruiseMaxKmh() {
        return cruiseMaxKmh;
    }
}
