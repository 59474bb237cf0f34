package org.redwheel.safety;

/**
 * Road classes with a statutory limit for trucks when no sign says otherwise ({@code
 * speed.road.<CLASS>}); a {@link RoadClassLookup} tells the engine which one a position is on.
 */
public enum RoadClass {
    /** 道路交通安全法实施条例 第78条: trucks at most 100 km/h. */
    EXPRESSWAY,
    /** 实施条例 第45条: urban road without a centre line, 30 km/h. */
    URBAN_NO_CENTRE_LINE,
    /** 实施条例 第45条: highway without a centre line, 40 km/h. */
    HIGHWAY_NO_CENTRE_LINE,
    /** 实施条例 第45条: urban road with one lane each way, 50 km/h. */
    URBAN_ONE_LANE_EACH_WAY,
    /** 实施条例 第45条: highway with one lane each way, 70 km/h. */
    HIGHWAY_ONE_LANE_EACH_WAY,
    /** Any other road: no class default. */
    OTHER
}
