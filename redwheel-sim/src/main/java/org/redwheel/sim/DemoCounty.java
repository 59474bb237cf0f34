package org.redwheel.sim;

import static org.redwheel.sim.RoadClass.COUNTY_ROAD;
import static org.redwheel.sim.RoadClass.EXPRESSWAY;
import static org.redwheel.sim.RoadClass.NATIONAL_ROAD;
import static org.redwheel.sim.RoadClass.TOWN;

import java.time.Duration;
import java.util.List;

/**
 * The demo county's roads: Linshu (临沭), its county seat at 34.92 N, 118.65 E, the towns of the
 * demo data, the logistics park, the three driver homes and some red post stations, G205 through
 * the seat and G1511 Rizhao–Lankao to the north. Coordinates are approximate, good for a map of
 * the demo and for distance and speed checks, not for navigation; every point lies within 0.3° of
 * the seat.
 */
public final class DemoCounty {

    /** 临沭县城, the county seat. */
    public static final GeoPoint SEAT = new GeoPoint(34.92, 118.65);

    private static final Duration LOADING_MIN = Duration.ofMinutes(15);
    private static final Duration LOADING_MAX = Duration.ofMinutes(30);
    private static final Duration REST_MIN = Duration.ofMinutes(20);
    private static final Duration REST_MAX = Duration.ofMinutes(40);
    private static final Duration BREAK_MIN = Duration.ofMinutes(5);
    private static final Duration BREAK_MAX = Duration.ofMinutes(15);
    private static final Duration DELIVERY_MIN = Duration.ofMinutes(3);
    private static final Duration DELIVERY_MAX = Duration.ofMinutes(8);

    public static final Waypoint LOGISTICS_PARK =
            Waypoint.stop("临沭经济开发区物流园", 34.902, 118.676, LOADING_MIN, LOADING_MAX);
    public static final Waypoint DRIVER_HOME_PARK = Waypoint.stop("物流园司机之家", 34.898, 118.684, REST_MIN, REST_MAX);
    public static final Waypoint DRIVER_HOME_QINGYUN = Waypoint.stop("青云镇司机之家", 35.045, 118.642, REST_MIN, REST_MAX);
    public static final Waypoint DRIVER_HOME_DAXING = Waypoint.stop("大兴镇司机之家", 34.782, 118.662, REST_MIN, REST_MAX);
    public static final Waypoint POST_STATION_JIAOLONG =
            Waypoint.stop("蛟龙镇红色驿站", 34.888, 118.565, BREAK_MIN, BREAK_MAX);
    public static final Waypoint POST_STATION_YUSHAN = Waypoint.stop("玉山镇红色驿站", 35.012, 118.722, BREAK_MIN, BREAK_MAX);

    public static final Waypoint SEAT_CENTRE = Waypoint.passing("临沭县城", SEAT.latitude(), SEAT.longitude());
    public static final Waypoint SEAT_WEST = Waypoint.passing("县城西", 34.918, 118.620);
    public static final Waypoint ZHENGSHAN = Waypoint.passing("郑山街道", 34.897, 118.702);
    public static final Waypoint CAOZHUANG = Waypoint.stop("曹庄镇", 34.832, 118.598, DELIVERY_MIN, DELIVERY_MAX);
    public static final Waypoint SHIMEN = Waypoint.stop("石门镇", 34.842, 118.758, DELIVERY_MIN, DELIVERY_MAX);
    public static final Waypoint DIANTOU = Waypoint.stop("店头镇", 34.955, 118.772, DELIVERY_MIN, DELIVERY_MAX);
    public static final Waypoint QINGYUN = Waypoint.stop("青云镇", 35.030, 118.650, DELIVERY_MIN, DELIVERY_MAX);
    public static final Waypoint BAIMAO = Waypoint.stop("白旄镇", 34.995, 118.565, DELIVERY_MIN, DELIVERY_MAX);

    public static final Waypoint G205_NORTH = Waypoint.passing("G205 县城北", 35.000, 118.645);
    public static final Waypoint G205_SOUTH = Waypoint.passing("G205 县城南", 34.840, 118.660);
    public static final Waypoint G1511_INTERCHANGE = Waypoint.passing("G1511 临沭互通", 35.085, 118.630);
    public static final Waypoint G1511_WEST_EXIT = Waypoint.passing("G1511 西出口", 35.110, 118.400);
    public static final Waypoint G1511_EAST_EXIT = Waypoint.passing("G1511 东出口", 35.140, 118.860);

    private static final List<Route> ROUTES = List.of(
            Route.loop("物流园—蛟龙—曹庄—大兴", LOGISTICS_PARK)
                    .then(TOWN, SEAT_CENTRE)
                    .then(COUNTY_ROAD, POST_STATION_JIAOLONG)
                    .then(COUNTY_ROAD, CAOZHUANG)
                    .then(COUNTY_ROAD, DRIVER_HOME_DAXING)
                    .then(NATIONAL_ROAD, G205_SOUTH)
                    .then(NATIONAL_ROAD, ZHENGSHAN)
                    .back(TOWN),
            Route.loop("物流园—青云—G1511—白旄", LOGISTICS_PARK)
                    .then(TOWN, SEAT_CENTRE)
                    .then(NATIONAL_ROAD, G205_NORTH)
                    .then(NATIONAL_ROAD, DRIVER_HOME_QINGYUN)
                    .then(NATIONAL_ROAD, G1511_INTERCHANGE)
                    .then(EXPRESSWAY, G1511_WEST_EXIT)
                    .then(NATIONAL_ROAD, BAIMAO)
                    .then(COUNTY_ROAD, SEAT_WEST)
                    .back(TOWN),
            Route.loop("物流园—玉山—店头—石门", LOGISTICS_PARK)
                    .then(COUNTY_ROAD, POST_STATION_YUSHAN)
                    .then(COUNTY_ROAD, DIANTOU)
                    .then(COUNTY_ROAD, SHIMEN)
                    .then(COUNTY_ROAD, ZHENGSHAN)
                    .then(TOWN, DRIVER_HOME_PARK)
                    .back(TOWN),
            Route.loop("G205—G1511 环线", DRIVER_HOME_DAXING)
                    .then(NATIONAL_ROAD, G205_SOUTH)
                    .then(TOWN, SEAT_CENTRE)
                    .then(NATIONAL_ROAD, G205_NORTH)
                    .then(NATIONAL_ROAD, QINGYUN)
                    .then(NATIONAL_ROAD, G1511_INTERCHANGE)
                    .then(EXPRESSWAY, G1511_EAST_EXIT)
                    .then(NATIONAL_ROAD, DIANTOU)
                    .then(COUNTY_ROAD, SHIMEN)
                    .back(COUNTY_ROAD));

    private DemoCounty() {}

    /** The demo routes, every one a loop that starts and ends at the same place. */
    public static List<Route> routes() {
        return ROUTES;
    }

    /** The north–south trunk road and the expressway, the loop long drives run on. */
    public static Route trunkLoop() {
        return ROUTES.get(3);
    }
}
