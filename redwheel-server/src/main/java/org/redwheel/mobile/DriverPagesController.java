package org.redwheel.mobile;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverProfiles;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.DriverUser;
import org.redwheel.places.NearbyPlaces;
import org.redwheel.places.NearbyPlaces.NearbyPlace;
import org.redwheel.places.PlaceKind;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in driver's pages: home, places nearby, "I need help" (the appeals module's pages),
 * and his profile with his consent. Every page shows the driver of the session and nobody else:
 * no page takes a driver id from the request.
 */
@Controller
class DriverPagesController {

    /** The places a driver looks for on the road. */
    static final Set<PlaceKind> ROAD_PLACES =
            Set.of(PlaceKind.DRIVER_HOME, PlaceKind.RED_POST_STATION, PlaceKind.PARKING_AREA);

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withZone(DriverHome.BEIJING);
    private static final DateTimeFormatter DAY_TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(DriverHome.BEIJING);

    private final DriverProfiles profiles;
    private final DriverHome home;
    private final NearbyPlaces places;
    private final MobileProperties properties;
    private final Clock clock;

    DriverPagesController(
            DriverProfiles profiles, DriverHome home, NearbyPlaces places, MobileProperties properties, Clock clock) {
        this.profiles = profiles;
        this.home = home;
        this.places = places;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/m")
    String home(@AuthenticationPrincipal DriverUser user, Model model) {
        DriverHome.View view = home.of(driver(user));
        model.addAttribute("home", view);
        DriverHome.Day day = view.day();
        model.addAttribute("todayDriving", day.known() ? HoursMinutes.of(day.todayDrivingS()) : null);
        model.addAttribute("continuousDriving", day.known() ? HoursMinutes.of(day.continuousDrivingS()) : null);
        model.addAttribute("asOf", day.known() ? TIME.format(day.asOf()) : null);
        model.addAttribute("recentDays", properties.recentDays());
        model.addAttribute(
                "recent",
                view.recent().stream()
                        .map(r -> new RecentLine(DAY_TIME.format(r.at()), r.typeKey(), r.ongoing(), r.reminder()))
                        .toList());
        return "mobile/home";
    }

    @GetMapping("/m/places")
    String places(
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String lon,
            HttpServletResponse response,
            Model model) {
        MobileProperties.MapSettings map = properties.map();
        List<Violation> problems = new ArrayList<>();
        Double latitude = coordinate("lat", lat, 90, problems);
        Double longitude = coordinate("lon", lon, 180, problems);
        if ((latitude == null) != (longitude == null) && problems.isEmpty()) {
            problems.add(new Violation(latitude == null ? "lat" : "lon", "mobile.places.pair"));
        }
        boolean located = problems.isEmpty() && latitude != null;
        if (!problems.isEmpty()) {
            response.setStatus(400);
        }
        double originLat = located ? latitude : map.latitude();
        double originLon = located ? longitude : map.longitude();
        model.addAttribute("violations", problems);
        model.addAttribute("located", located);
        model.addAttribute("originLat", originLat);
        model.addAttribute("originLon", originLon);
        model.addAttribute("map", map);
        model.addAttribute(
                "places",
                places.around(originLat, originLon, ROAD_PLACES).stream()
                        .map(DriverPagesController::placeLine)
                        .toList());
        return "mobile/places";
    }

    @GetMapping("/m/help")
    String help() {
        return "mobile/help";
    }

    @GetMapping("/m/profile")
    String profile(@AuthenticationPrincipal DriverUser user, Model model) {
        driver(user);
        profileModel(user, model);
        return "mobile/profile";
    }

    @PostMapping("/m/profile/consent")
    String consent(
            @AuthenticationPrincipal DriverUser user,
            @RequestParam(required = false) String given,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        driver(user);
        AuditWriteFilter.target("driver", user.driverId());
        if (!"true".equals(given) && !"false".equals(given)) {
            response.setStatus(400);
            profileModel(user, model);
            model.addAttribute("consentError", new Violation("given", "mobile.consent.choose"));
            return "mobile/profile";
        }
        boolean give = Boolean.parseBoolean(given);
        boolean changed = profiles.setConsent(user.driverId(), give, DriverLogins.actorOf(user));
        redirect.addFlashAttribute(
                "notice", changed ? (give ? "consentGiven" : "consentWithdrawn") : "consentUnchanged");
        return "redirect:/m/profile";
    }

    private void profileModel(DriverUser user, Model model) {
        model.addAttribute("profile", profiles.profile(user.driverId()));
        model.addAttribute("today", LocalDate.now(clock.withZone(DriverHome.BEIJING)));
    }

    /** The signed-in driver, still active in the survey; a deactivated driver's session shows nothing. */
    private Driver driver(DriverUser user) {
        return profiles.find(user.driverId()).orElseThrow(() -> new RecordNotFoundException("driver", user.driverId()));
    }

    private static Double coordinate(String field, String value, double limit, List<Violation> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v) && Math.abs(v) <= limit) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Violation(field, "mobile.places." + field + ".range"));
        return null;
    }

    private static PlaceLine placeLine(NearbyPlace nearby) {
        var p = nearby.place();
        String name = URLEncoder.encode(p.name(), StandardCharsets.UTF_8).replace("+", "%20");
        String lat = String.format(Locale.ROOT, "%.6f", p.latitude());
        String lon = String.format(Locale.ROOT, "%.6f", p.longitude());
        return new PlaceLine(
                p.id(),
                p.name(),
                p.kind().messageKey(),
                p.address(),
                p.services(),
                p.openingHours(),
                p.phone(),
                nearby.distanceKm() < 10
                        ? String.format(Locale.ROOT, "%.1f km", nearby.distanceKm())
                        : String.format(Locale.ROOT, "%.0f km", nearby.distanceKm()),
                lat,
                lon,
                "geo:" + lat + "," + lon + "?q=" + lat + "," + lon + "(" + name + ")",
                "https://uri.amap.com/navigation?to=" + lon + "," + lat + "," + name
                        + "&mode=car&coordinate=wgs84&callnative=1&src=redwheel");
    }

    /** Hours and minutes of a duration, for "3 h 25 min". */
    record HoursMinutes(long hours, long minutes) {

        static HoursMinutes of(long seconds) {
            long s = Math.max(0, seconds);
            return new HoursMinutes(s / 3600, (s % 3600) / 60);
        }
    }

    record RecentLine(String at, String typeKey, boolean ongoing, String reminder) {}

    record PlaceLine(
            long id,
            String name,
            String kindKey,
            String address,
            String services,
            String openingHours,
            String phone,
            String distance,
            String latitude,
            String longitude,
            String geoUri,
            String navigationUrl) {}
}
