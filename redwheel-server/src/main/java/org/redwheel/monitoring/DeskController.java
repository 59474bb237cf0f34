package org.redwheel.monitoring;

import java.util.List;
import java.util.Map;
import org.redwheel.identity.StaffUser;
import org.redwheel.places.Places;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/** The 24-hour monitoring desk: the live map of vehicles, fed over server-sent events. */
@Controller
@PreAuthorize("hasAuthority('FLEET_READ')")
class DeskController {

    private final DeskStream stream;
    private final DeskProperties properties;
    private final Places places;
    private final JsonMapper json;
    private final org.springframework.context.MessageSource messages;

    DeskController(
            DeskStream stream,
            DeskProperties properties,
            Places places,
            JsonMapper json,
            org.springframework.context.MessageSource messages) {
        this.stream = stream;
        this.properties = properties;
        this.places = places;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/console/desk")
    String desk(Model model, java.util.Locale locale) {
        Map<String, String> typeLabels = new java.util.LinkedHashMap<>();
        for (var type : org.redwheel.safety.EventType.values()) {
            typeLabels.put(type.name(), messages.getMessage("alarm.type." + type.name(), null, type.name(), locale));
        }
        model.addAttribute("typesJson", json.writeValueAsString(typeLabels));
        model.addAttribute(
                "map",
                Map.of(
                        "tileUrl", properties.tileUrl(),
                        "attribution", properties.tileAttribution(),
                        "latitude", properties.latitude(),
                        "longitude", properties.longitude(),
                        "zoom", properties.zoom()));
        model.addAttribute("mapJson", json.writeValueAsString(model.getAttribute("map")));
        List<Map<String, Object>> markers = places.list(null, false).stream()
                .map(p -> Map.<String, Object>of(
                        "name",
                        p.name(),
                        "kind",
                        p.kind().name(),
                        "latitude",
                        p.latitude(),
                        "longitude",
                        p.longitude()))
                .toList();
        model.addAttribute("placesJson", json.writeValueAsString(markers));
        return "monitoring/desk";
    }

    @GetMapping(value = "/console/desk/stream", produces = "text/event-stream")
    SseEmitter stream() {
        return stream.open(StaffUser.require().scope());
    }
}
