package org.redwheel.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.InvalidInputException;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.redwheel.places.Places;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speed zones in the console: the list on a map, and the map editor (click to add vertices, drag to
 * move them, undo, clear; polygon or corridor with its width; name and limit). Monitoring staff read,
 * the system administrator draws and edits.
 */
@Controller
@RequestMapping("/console/speed-zones")
@PreAuthorize("hasAnyAuthority('MONITORING', 'SYSTEM_ADMIN')")
class SpeedZoneConsoleController {

    private static final TypeReference<List<SpeedZoneData.Vertex>> VERTICES = new TypeReference<>() {};

    private final SpeedZones zones;
    private final DeskProperties desk;
    private final Places places;
    private final JsonMapper json;
    private final MessageSource messages;

    SpeedZoneConsoleController(
            SpeedZones zones, DeskProperties desk, Places places, JsonMapper json, MessageSource messages) {
        this.zones = zones;
        this.desk = desk;
        this.places = places;
        this.json = json;
        this.messages = messages;
    }

    /** The editor's fields as posted: numbers as text, the vertices as a JSON array. */
    record SpeedZoneForm(String name, String limitKmh, String kind, String vertices, String widthM, String note) {

        static SpeedZoneForm of(DrawnSpeedZone zone, JsonMapper json) {
            return new SpeedZoneForm(
                    zone.name(),
                    String.valueOf(zone.limitKmh()),
                    zone.kind().name(),
                    json.writeValueAsString(zone.vertices()),
                    zone.widthM() == null ? "" : String.valueOf(Math.round(zone.widthM())),
                    zone.note());
        }

        static SpeedZoneForm empty() {
            return new SpeedZoneForm("", "", SpeedZoneKind.POLYGON.name(), "[]", "50", "");
        }

        /** Text that is not a number becomes a value the zone's own checks reject for that field. */
        SpeedZoneData data(JsonMapper json) {
            List<SpeedZoneData.Vertex> points;
            try {
                points = vertices == null || vertices.isBlank() ? List.of() : json.readValue(vertices, VERTICES);
            } catch (JacksonException e) {
                points = List.of();
            }
            return new SpeedZoneData(name, integer(limitKmh), kind, points, number(widthM), note);
        }

        private static Integer integer(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return Integer.MIN_VALUE;
            }
        }

        private static Double number(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Double.valueOf(text.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "false") boolean inactive, Model model) {
        List<DrawnSpeedZone> list = zones.list(inactive);
        model.addAttribute("zones", list);
        model.addAttribute("inactive", inactive);
        model.addAttribute("zonesJson", json.writeValueAsString(mapZones(list)));
        model.addAttribute("mapJson", json.writeValueAsString(mapSettings(null, null)));
        model.addAttribute("placesJson", placesJson());
        model.addAttribute("canEdit", canEdit());
        return "monitoring/speed-zones";
    }

    /** The active zones as the monitoring desk's toggleable map layer draws them. */
    @GetMapping(value = "/layer", produces = "application/json")
    @PreAuthorize("hasAuthority('FLEET_READ')")
    @ResponseBody
    Map<String, Object> layer(java.util.Locale locale) {
        return Map.of(
                "label", messages.getMessage("speedZone.title", null, locale), "zones", mapZones(zones.list(false)));
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    String newForm(
            @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon, Model model) {
        return form(model, null, SpeedZoneForm.empty(), List.of(), lat, lon);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    String create(@ModelAttribute SpeedZoneForm form, Model model, RedirectAttributes redirect) {
        long id;
        try {
            id = zones.create(form.data(json), StaffUser.require().username());
        } catch (InvalidInputException e) {
            return form(model, null, form, e.violations(), null, null);
        }
        AuditWriteFilter.target("speed-zone", id);
        redirect.addFlashAttribute("notice", "speedZone.saved");
        return "redirect:/console/speed-zones/" + id;
    }

    @GetMapping("/{id}")
    String zone(@PathVariable long id, Model model) {
        DrawnSpeedZone zone = zones.get(id);
        return form(model, zone, SpeedZoneForm.of(zone, json), List.of(), null, null);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    String update(@PathVariable long id, @ModelAttribute SpeedZoneForm form, Model model, RedirectAttributes redirect) {
        DrawnSpeedZone zone = zones.get(id);
        AuditWriteFilter.target("speed-zone", id);
        try {
            zones.update(id, form.data(json), StaffUser.require().username());
        } catch (InvalidInputException e) {
            return form(model, zone, form, e.violations(), null, null);
        }
        redirect.addFlashAttribute("notice", "speedZone.saved");
        return "redirect:/console/speed-zones/" + id;
    }

    @PostMapping("/{id}/active")
    @PreAuthorize("hasAuthority('SYSTEM_ADMIN')")
    String setActive(@PathVariable long id, @RequestParam boolean active, Model model, RedirectAttributes redirect) {
        DrawnSpeedZone zone = zones.get(id);
        AuditWriteFilter.target("speed-zone", id);
        try {
            zones.setActive(id, active, StaffUser.require().username());
        } catch (InvalidInputException e) {
            return form(model, zone, SpeedZoneForm.of(zone, json), e.violations(), null, null);
        }
        redirect.addFlashAttribute("notice", active ? "reactivated" : "deactivated");
        return "redirect:/console/speed-zones/" + id;
    }

    private String form(
            Model model,
            DrawnSpeedZone zone,
            SpeedZoneForm form,
            List<InvalidInputException.Violation> violations,
            Double lat,
            Double lon) {
        List<DrawnSpeedZone> others = zones.list(false).stream()
                .filter(z -> zone == null || z.id() != zone.id())
                .toList();
        model.addAttribute("zone", zone);
        model.addAttribute("form", form);
        model.addAttribute("violations", violations);
        model.addAttribute(
                "kinds",
                java.util.Arrays.stream(SpeedZoneKind.values()).map(Enum::name).toList());
        model.addAttribute("othersJson", json.writeValueAsString(mapZones(others)));
        model.addAttribute("mapJson", json.writeValueAsString(mapSettings(lat, lon)));
        model.addAttribute("placesJson", placesJson());
        model.addAttribute("canEdit", canEdit());
        return "monitoring/speed-zone";
    }

    /** The county's places, for orientation when the map has no tiles. */
    private String placesJson() {
        return json.writeValueAsString(places.list(null, false).stream()
                .map(p -> Map.of("name", p.name(), "latitude", p.latitude(), "longitude", p.longitude()))
                .toList());
    }

    /** The desk's map settings; a centre given in China's range replaces the desk's. */
    private Map<String, Object> mapSettings(Double lat, Double lon) {
        boolean centred = lat != null
                && lon != null
                && lat >= SpeedZones.LAT_MIN
                && lat <= SpeedZones.LAT_MAX
                && lon >= SpeedZones.LON_MIN
                && lon <= SpeedZones.LON_MAX;
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tileUrl", desk.tileUrl());
        settings.put("attribution", desk.tileAttribution());
        settings.put("latitude", centred ? lat : desk.latitude());
        settings.put("longitude", centred ? lon : desk.longitude());
        settings.put("zoom", centred ? Math.max(desk.zoom(), 13) : desk.zoom());
        return settings;
    }

    /** Zones as the map script draws them. */
    static List<Map<String, Object>> mapZones(List<DrawnSpeedZone> list) {
        return list.stream()
                .map(z -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", z.id());
                    m.put("name", z.name());
                    m.put("limitKmh", z.limitKmh());
                    m.put("kind", z.kind().name());
                    m.put("vertices", z.vertices());
                    m.put("widthM", z.widthM());
                    m.put("active", z.active());
                    return m;
                })
                .toList();
    }

    private static boolean canEdit() {
        return StaffUser.require().has(Permission.SYSTEM_ADMIN);
    }
}
