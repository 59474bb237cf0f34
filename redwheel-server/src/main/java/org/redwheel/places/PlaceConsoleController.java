package org.redwheel.places;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The list of places that serve drivers, by kind. Every staff member may read it. */
@Controller
class PlaceConsoleController {

    private final Places places;

    PlaceConsoleController(Places places) {
        this.places = places;
    }

    @GetMapping("/console/places")
    String list(@RequestParam(required = false) PlaceKind kind, Model model) {
        model.addAttribute("places", places.list(kind, false));
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", PlaceKind.values());
        return "places/places";
    }
}
