package org.redwheel.safety;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A versioned set of driving-safety thresholds, each value with the source it comes from (a statute
 * article, a JT/T 808 parameter, a practice). Immutable: a change makes a new set, which the engine
 * takes with {@link SafetyEngine#updateRules(RuleSet)} without a restart.
 *
 * <p>The text form, which the console exports and {@code replay --rules FILE} reads, is one {@code
 * key=value # source} per line; blank lines and lines starting with {@code #} are ignored; {@code
 * version} is required; a key left out keeps its default (and its default's source). Unknown keys and
 * bad values are rejected with the line and the key named. See {@link #toText()} for the full list.
 */
public final class RuleSet {

    /** One threshold: its key, its value as written, and where the value comes from. */
    public record Rule(String key, String value, String source) {
        public Rule {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            source = source == null ? "" : source;
        }
    }

    private static final Map<String, Definition> DEFINITIONS = definitions();

    private final String version;
    private final Map<String, Rule> rules;

    final double drivingThresholdKmh;
    final long continuousLimitS;
    final long minRestS;
    final long fatiguePreWarningS;
    final long nightLimitS;
    final TimeWindow fatigueNight;
    final long dailyLimitS;
    final long dailyWindowS;
    final double overspeedTolerancePct;
    final long overspeedMinDurationS;
    final long overspeedMergeGapS;
    final double overspeedPreWarningKmh;
    final double minorPct;
    final double seriousPct;
    final double severePct;
    final int[] roadLimitKmh = new int[RoadClass.values().length];
    final int[] vehicleLimitKmh = new int[VehicleClass.values().length];
    final boolean nightDrivingEnabled;
    final TimeWindow nightDriving;
    final long offlineAfterS;
    final long offlineParkedAfterS;
    final double latMin;
    final double latMax;
    final double lonMin;
    final double lonMax;
    final double speedMaxKmh;
    final int altitudeMinM;
    final int altitudeMaxM;
    final long futureToleranceS;
    final double driftMaxSpeedKmh;
    final long parkingMaxS;
    final long maxSampleGapS;
    final double gapSpeedKmh;
    final long latenessS;
    final int terminalAlarmMask;
    final int zoneOffsetS;

    private RuleSet(String version, Map<String, Rule> rules) {
        this.version = version;
        this.rules = Collections.unmodifiableMap(rules);
        drivingThresholdKmh = number("driving.thresholdKmh");
        continuousLimitS = seconds("fatigue.continuousLimitS");
        minRestS = seconds("fatigue.minRestS");
        fatiguePreWarningS = seconds("fatigue.preWarningS");
        nightLimitS = seconds("fatigue.nightLimitS");
        zoneOffsetS = ZoneOffset.of(value("time.zone")).getTotalSeconds();
        fatigueNight = window("fatigue.nightStart", "fatigue.nightEnd");
        dailyLimitS = seconds("daily.limitS");
        dailyWindowS = seconds("daily.windowS");
        overspeedTolerancePct = number("overspeed.tolerancePct");
        overspeedMinDurationS = seconds("overspeed.minDurationS");
        overspeedMergeGapS = seconds("overspeed.mergeGapS");
        overspeedPreWarningKmh = number("overspeed.preWarningKmh");
        minorPct = number("overspeed.grade.minorPct");
        seriousPct = number("overspeed.grade.seriousPct");
        severePct = number("overspeed.grade.severePct");
        for (RoadClass road : RoadClass.values()) {
            roadLimitKmh[road.ordinal()] = (int) number("speed.road." + road.name());
        }
        for (VehicleClass vehicle : VehicleClass.values()) {
            vehicleLimitKmh[vehicle.ordinal()] = (int) number("speed.vehicle." + vehicle.name());
        }
        nightDrivingEnabled = Boolean.parseBoolean(value("nightDriving.enabled"));
        nightDriving = window("nightDriving.start", "nightDriving.end");
        offlineAfterS = seconds("offline.afterS");
        offlineParkedAfterS = seconds("offline.parkedAfterS");
        latMin = number("invalid.latMin");
        latMax = number("invalid.latMax");
        lonMin = number("invalid.lonMin");
        lonMax = number("invalid.lonMax");
        speedMaxKmh = number("invalid.speedMaxKmh");
        altitudeMinM = (int) number("invalid.altitudeMinM");
        altitudeMaxM = (int) number("invalid.altitudeMaxM");
        futureToleranceS = seconds("invalid.futureToleranceS");
        driftMaxSpeedKmh = number("drift.maxSpeedKmh");
        parkingMaxS = seconds("parking.maxS");
        maxSampleGapS = seconds("timeline.maxSampleGapS");
        gapSpeedKmh = number("timeline.gapSpeedKmh");
        latenessS = seconds("realtime.latenessS");
        int mask = 0;
        for (String bit : value("terminalAlarm.bits").split(",")) {
            if (!bit.isBlank()) {
                mask |= 1 << Integer.parseInt(bit.trim());
            }
        }
        terminalAlarmMask = mask;
        check(
                minorPct <= seriousPct && seriousPct <= severePct,
                "overspeed.grade.severePct",
                "grade bands must rise: minorPct <= seriousPct <= severePct");
        check(
                maxSampleGapS < minRestS,
                "timeline.maxSampleGapS",
                "must be shorter than fatigue.minRestS, or a gap between two fixes could hide a rest");
        check(latMin < latMax, "invalid.latMax", "must be above invalid.latMin");
        check(lonMin < lonMax, "invalid.lonMax", "must be above invalid.lonMin");
        check(gapSpeedKmh > 0, "timeline.gapSpeedKmh", "must be positive");
    }

    /** The defaults of DOMAIN.md §2 and §3, version {@code default}. */
    public static RuleSet defaults() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        DEFINITIONS.values().forEach(d -> rules.put(d.key, new Rule(d.key, d.defaultValue, d.source)));
        return new RuleSet("default", rules);
    }

    /**
     * Reads the text form.
     *
     * @throws IllegalArgumentException naming the line and the key of the first problem
     */
    public static RuleSet parse(String text) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        DEFINITIONS.values().forEach(d -> rules.put(d.key, new Rule(d.key, d.defaultValue, d.source)));
        String version = null;
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int hash = line.indexOf('#');
            String source = hash < 0 ? "" : line.substring(hash + 1).strip();
            String assignment = hash < 0 ? line : line.substring(0, hash);
            int equals = assignment.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("line " + (i + 1) + ": expected key=value # source");
            }
            String key = assignment.substring(0, equals).strip();
            String value = assignment.substring(equals + 1).strip();
            if (key.equals("version")) {
                if (value.isEmpty()) {
                    throw new IllegalArgumentException("line " + (i + 1) + ": version: must not be empty");
                }
                version = value;
                continue;
            }
            Definition definition = DEFINITIONS.get(key);
            if (definition == null) {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + key + ": unknown rule");
            }
            String problem = definition.type.problem(value);
            if (problem != null) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": " + key + ": " + problem + ": '" + value + "'");
            }
            rules.put(key, new Rule(key, value, source));
        }
        if (version == null) {
            throw new IllegalArgumentException("version: missing (every rule set carries one, e.g. version=2024.1)");
        }
        return new RuleSet(version, rules);
    }

    /**
     * The text form with every key, in a fixed order, each with its source: what the console exports
     * and {@link #parse(String)} reads back to an equal set.
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        text.append("# RedWheel driving-safety rule set: key=value # source\n");
        text.append("version=").append(version).append('\n');
        for (Rule rule : rules.values()) {
            text.append(rule.key()).append('=').append(rule.value());
            if (!rule.source().isEmpty()) {
                text.append(" # ").append(rule.source());
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** A copy with one rule changed (validated like a parsed line). */
    public RuleSet with(String key, String value, String source) {
        Definition definition = DEFINITIONS.get(key);
        if (definition == null) {
            throw new IllegalArgumentException(key + ": unknown rule");
        }
        String problem = definition.type.problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(key + ": " + problem + ": '" + value + "'");
        }
        Map<String, Rule> changed = new LinkedHashMap<>(rules);
        changed.put(key, new Rule(key, value, source));
        return new RuleSet(version, changed);
    }

    /** A copy under another version. */
    public RuleSet withVersion(String version) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version: must not be empty");
        }
        return new RuleSet(version, new LinkedHashMap<>(rules));
    }

    public String version() {
        return version;
    }

    /** Every rule in the fixed order of {@link #toText()}. */
    public List<Rule> rules() {
        return List.copyOf(rules.values());
    }

    /** The rule for a key; throws for an unknown key. */
    public Rule rule(String key) {
        Rule rule = rules.get(key);
        if (rule == null) {
            throw new IllegalArgumentException(key + ": unknown rule");
        }
        return rule;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleSet that && version.equals(that.version) && rules.equals(that.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, rules);
    }

    @Override
    public String toString() {
        return "RuleSet[" + version + "]";
    }

    private String value(String key) {
        return rules.get(key).value();
    }

    private double number(String key) {
        return Double.parseDouble(value(key));
    }

    private long seconds(String key) {
        return Long.parseLong(value(key));
    }

    private TimeWindow window(String startKey, String endKey) {
        return new TimeWindow(
                LocalTime.parse(value(startKey)).toSecondOfDay(),
                LocalTime.parse(value(endKey)).toSecondOfDay(),
                zoneOffsetS);
    }

    private static void check(boolean condition, String key, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(key + ": " + problem);
        }
    }

    private enum Type {
        SECONDS {
            @Override
            String problem(String value) {
                try {
                    return Long.parseLong(value) < 0 ? "must not be negative" : null;
                } catch (NumberFormatException e) {
                    return "not a whole number of seconds";
                }
            }
        },
        NUMBER {
            @Override
            String problem(String value) {
                try {
                    double number = Double.parseDouble(value);
                    return Double.isFinite(number) ? null : "not a finite number";
                } catch (NumberFormatException e) {
                    return "not a number";
                }
            }
        },
        NON_NEGATIVE {
            @Override
            String problem(String value) {
                String problem = NUMBER.problem(value);
                return problem != null ? problem : Double.parseDouble(value) < 0 ? "must not be negative" : null;
            }
        },
        BOOLEAN {
            @Override
            String problem(String value) {
                return value.equals("true") || value.equals("false") ? null : "not true or false";
            }
        },
        TIME_OF_DAY {
            @Override
            String problem(String value) {
                try {
                    LocalTime.parse(value);
                    return null;
                } catch (DateTimeParseException e) {
                    return "not a time of day HH:mm";
                }
            }
        },
        BITS {
            @Override
            String problem(String value) {
                for (String bit : value.split(",")) {
                    if (bit.isBlank()) {
                        continue;
                    }
                    try {
                        int number = Integer.parseInt(bit.trim());
                        if (number < 0 || number > 31) {
                            return "alarm bits are 0 to 31";
                        }
                    } catch (NumberFormatException e) {
                        return "not a comma-separated list of bit numbers";
                    }
                }
                return null;
            }
        },
        OFFSET {
            @Override
            String problem(String value) {
                try {
                    ZoneOffset.of(value);
                    return null;
                } catch (RuntimeException e) {
                    return "not a UTC offset like +08:00";
                }
            }
        };

        abstract String problem(String value);
    }

    private record Definition(String key, Type type, String defaultValue, String source) {}

    private static Map<String, Definition> definitions() {
        List<Definition> list = new ArrayList<>();
        String law62 = "道路交通安全法实施条例 第62条第7项";
        String monitoring24 = "道路运输车辆动态监督管理办法 第24条 [practice]";
        String assessment = "全国重点营运车辆联网联控考核 [practice]";
        String validity = "联网联控考核 数据合格率: 无效定位 (DOMAIN.md §3)";
        String points = "道路交通安全违法行为记分管理办法 (公安部令第163号): 10/20/50 % bands";
        String art45 = "道路交通安全法实施条例 第45条";
        list.add(new Definition(
                "driving.thresholdKmh",
                Type.NON_NEGATIVE,
                "5",
                "DOMAIN.md §2: driving means moving above a small speed [practice]"));
        list.add(new Definition("fatigue.continuousLimitS", Type.SECONDS, "14400", law62 + "; JT/T 808 参数 0x0057"));
        list.add(new Definition("fatigue.minRestS", Type.SECONDS, "1200", law62 + "; JT/T 808 参数 0x0059"));
        list.add(new Definition(
                "fatigue.preWarningS", Type.SECONDS, "1800", "JT/T 808 参数 0x005C (terminal default) [practice]"));
        list.add(new Definition("fatigue.nightLimitS", Type.SECONDS, "7200", monitoring24));
        list.add(new Definition("fatigue.nightStart", Type.TIME_OF_DAY, "22:00", monitoring24));
        list.add(new Definition("fatigue.nightEnd", Type.TIME_OF_DAY, "06:00", monitoring24));
        list.add(new Definition("daily.limitS", Type.SECONDS, "28800", monitoring24));
        list.add(new Definition("daily.windowS", Type.SECONDS, "86400", monitoring24 + ": any 24 h"));
        list.add(new Definition("overspeed.tolerancePct", Type.NON_NEGATIVE, "0", "[local] none: the posted limit"));
        list.add(new Definition("overspeed.minDurationS", Type.SECONDS, "30", assessment + "; JT/T 808 参数 0x0056"));
        list.add(new Definition(
                "overspeed.mergeGapS", Type.SECONDS, "60", assessment + ": repeats within 1 min are one"));
        list.add(new Definition("overspeed.preWarningKmh", Type.NON_NEGATIVE, "5", "JT/T 808 参数 0x005B [practice]"));
        list.add(new Definition("overspeed.grade.minorPct", Type.NON_NEGATIVE, "10", points));
        list.add(new Definition("overspeed.grade.seriousPct", Type.NON_NEGATIVE, "20", points));
        list.add(new Definition("overspeed.grade.severePct", Type.NON_NEGATIVE, "50", points));
        list.add(new Definition("speed.road.EXPRESSWAY", Type.NON_NEGATIVE, "100", "道路交通安全法实施条例 第78条"));
        list.add(new Definition("speed.road.URBAN_NO_CENTRE_LINE", Type.NON_NEGATIVE, "30", art45));
        list.add(new Definition("speed.road.HIGHWAY_NO_CENTRE_LINE", Type.NON_NEGATIVE, "40", art45));
        list.add(new Definition("speed.road.URBAN_ONE_LANE_EACH_WAY", Type.NON_NEGATIVE, "50", art45));
        list.add(new Definition("speed.road.HIGHWAY_ONE_LANE_EACH_WAY", Type.NON_NEGATIVE, "70", art45));
        list.add(new Definition("speed.road.OTHER", Type.NON_NEGATIVE, "0", "no class default (0 = none)"));
        list.add(new Definition(
                "speed.vehicle.HEAVY_TRUCK",
                Type.NON_NEGATIVE,
                "90",
                "GB 7258 speed limiter on goods vehicles over 12 t, set at 89–90 km/h [practice]"));
        for (VehicleClass vehicle : VehicleClass.values()) {
            if (vehicle != VehicleClass.HEAVY_TRUCK) {
                list.add(new Definition(
                        "speed.vehicle." + vehicle.name(), Type.NON_NEGATIVE, "0", "no class default (0 = none)"));
            }
        }
        list.add(new Definition("nightDriving.enabled", Type.BOOLEAN, "false", "[local] optional night-driving ban"));
        list.add(new Definition(
                "nightDriving.start", Type.TIME_OF_DAY, "02:00", "[practice] some platforms alarm 02:00–05:00"));
        list.add(new Definition(
                "nightDriving.end", Type.TIME_OF_DAY, "05:00", "[practice] some platforms alarm 02:00–05:00"));
        list.add(new Definition("offline.afterS", Type.SECONDS, "600", "[local] silence after a moving fix"));
        list.add(new Definition(
                "offline.parkedAfterS", Type.SECONDS, "3600", "[local] silence after a stopped fix (terminal asleep)"));
        list.add(new Definition("invalid.latMin", Type.NUMBER, "3.85", validity));
        list.add(new Definition("invalid.latMax", Type.NUMBER, "53.55", validity));
        list.add(new Definition("invalid.lonMin", Type.NUMBER, "73.55", validity));
        list.add(new Definition("invalid.lonMax", Type.NUMBER, "135.083", validity));
        list.add(new Definition("invalid.speedMaxKmh", Type.NON_NEGATIVE, "160", validity));
        list.add(new Definition("invalid.altitudeMinM", Type.NUMBER, "-200", validity));
        list.add(new Definition("invalid.altitudeMaxM", Type.NUMBER, "6500", validity));
        list.add(new Definition("invalid.futureToleranceS", Type.SECONDS, "0", validity + ": time in the future"));
        list.add(new Definition(
                "drift.maxSpeedKmh", Type.NON_NEGATIVE, "200", "[practice] no truck covers ground faster"));
        list.add(new Definition(
                "parking.maxS", Type.SECONDS, "0", "JT/T 808 参数 0x005A; 0 = off (trucks park overnight)"));
        list.add(new Definition(
                "timeline.maxSampleGapS",
                Type.SECONDS,
                "120",
                "[engine] longer silences are judged by the distance covered"));
        list.add(new Definition(
                "timeline.gapSpeedKmh", Type.NON_NEGATIVE, "60", "[engine] average speed assumed across a silence"));
        list.add(new Definition(
                "realtime.latenessS", Type.SECONDS, "120", "[local] older fixes never trigger a real-time reminder"));
        list.add(new Definition(
                "terminalAlarm.bits", Type.BITS, "0,1,2,13,14,18,19", "JT/T 808 0x0200 报警标志位 (DOMAIN.md §4)"));
        list.add(new Definition("time.zone", Type.OFFSET, "+08:00", "Beijing time (JT/T 808 times are GMT+8)"));
        Map<String, Definition> map = new LinkedHashMap<>();
        list.forEach(d -> map.put(d.key, d));
        return Collections.unmodifiableMap(map);
    }
}
