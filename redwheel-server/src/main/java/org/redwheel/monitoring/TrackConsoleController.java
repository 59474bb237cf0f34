package org.redwheel.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.redwheel.InvalidInputException;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Vehicle;
import org.redwheel.identity.StaffUser;
import org.redwheel.safety.EventType;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's track playback page: a period form with presets, the track on the map, the speed
 * chart with alarms, and a playback control. The page reads the track from {@code …/track/data} in
 * the signed-in session (the REST API takes bearer tokens only).
 */
@Controller
@RequestMapping("/console/vehicles/{id}/track")
@PreAuthorize("hasAuthority('FLEET_READ')")
class TrackConsoleController {

    /** What {@code <input type="datetime-local" step="1">} shows and sends. */
    static final DateTimeFormatter FORM_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private static final List<String> TEXTS = List.of(
            "track.start",
            "track.end",
            "track.speed",
            "track.limit",
            "track.openAlarm",
            "track.ongoing",
            "track.noFixes",
            "track.loadFailed",
            "track.invalidFix",
            "track.downsampled",
            "track.duration");

    private final FleetRegistry fleet;
    private final Tracks tracks;
    private final DeskProperties desk;
    private final SafetyMonitor safety;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    TrackConsoleController(
            FleetRegistry fleet,
            Tracks tracks,
            DeskProperties desk,
            SafetyMonitor safety,
            JsonMapper json,
            MessageSource messages,
            Clock clock) {
        this.fleet = fleet;
        this.tracks = tracks;
        this.desk = desk;
        this.safety = safety;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** A period offered with one click. */
    record Preset(String key, String from, String to) {}

    @GetMapping
    String page(
            @PathVariable long id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            Model model,
            Locale locale) {
        Vehicle vehicle = fleet.requireVehicle(StaffUser.require().scope(), id);
        // The end is exclusive: the next whole second takes in a fix of this second.
        ZonedDateTime now =
                clock.instant().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS).atZone(PositionPartitions.BEIJING);
        ZonedDateTime today = now.truncatedTo(ChronoUnit.DAYS);
        String fromText = from == null ? form(today.toInstant()) : from;
        String toText = to == null ? form(now.toInstant()) : to;
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            TrackRange range = TrackRange.parse(fromText, toText);
            fromText = form(range.from());
            toText = form(range.to());
            model.addAttribute("rangeFrom", range.from().toString());
            model.addAttribute("rangeTo", range.to().toString());
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> errors.putIfAbsent(v.field(), v.messageKey()));
        }
        model.addAttribute("vehicle", vehicle);
        model.addAttribute("fromValue", fromText);
        model.addAttribute("toValue", toText);
        model.addAttribute("errors", errors);
        model.addAttribute(
                "presets",
                List.of(
                        new Preset("today", form(today.toInstant()), form(now.toInstant())),
                        new Preset("yesterday", form(today.minusDays(1).toInstant()), form(today.toInstant())),
                        new Preset("last4h", form(now.minus(Duration.ofHours(4)).toInstant()), form(now.toInstant()))));
        model.addAttribute(
                "mapJson",
                json.writeValueAsString(Map.of(
                        "tileUrl", desk.tileUrl(),
                        "attribution", desk.tileAttribution(),
                        "latitude", desk.latitude(),
                        "longitude", desk.longitude(),
                        "zoom", desk.zoom())));
        Map<String, String> types = new LinkedHashMap<>();
        for (EventType type : EventType.values()) {
            types.put(type.name(), messages.getMessage("alarm.type." + type.name(), null, type.name(), locale));
        }
        model.addAttribute("typesJson", json.writeValueAsString(types));
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach(key -> texts.put(key.substring("track.".length()), messages.getMessage(key, null, key, locale)));
        model.addAttribute("textsJson", json.writeValueAsString(texts));
        model.addAttribute("stoppedKmh", FixValidity.number(safety.rules(), "driving.thresholdKmh"));
        return "monitoring/track";
    }

    /** The track as the REST API gives it, for the page's script in the console session. */
    @GetMapping(value = "/data", produces = "application/json")
    @ResponseBody
    Track data(
            @PathVariable long id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            jakarta.servlet.http.HttpServletRequest request) {
        return tracks.readFor(StaffUser.require(), id, TrackRange.parse(from, to), request.getRemoteAddr());
    }

    private static String form(Instant instant) {
        return LocalDateTime.ofInstant(instant, PositionPartitions.BEIJING).format(FORM_TIME);
    }
}
