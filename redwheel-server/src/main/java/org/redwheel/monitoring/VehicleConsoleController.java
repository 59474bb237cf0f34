package org.redwheel.monitoring;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.fleet.Vehicle;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Vehicles with their terminals' live state, and "send a message to this vehicle". */
@Controller
@RequestMapping("/console/vehicles")
@PreAuthorize("hasAuthority('FLEET_READ')")
class VehicleConsoleController {

    static final int MAX_TEXT = 200;
    private static final int PAGE_SIZE = 30;

    private final FleetRegistry fleet;
    private final TerminalStates states;
    private final TerminalCommands commands;
    private final GatewayProperties properties;
    private final SafetyMonitor safety;
    private final Alarms alarms;

    VehicleConsoleController(
            FleetRegistry fleet,
            TerminalStates states,
            TerminalCommands commands,
            GatewayProperties properties,
            SafetyMonitor safety,
            Alarms alarms) {
        this.fleet = fleet;
        this.states = states;
        this.commands = commands;
        this.properties = properties;
        this.safety = safety;
        this.alarms = alarms;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        var scope = StaffUser.require().scope();
        int safePage = Math.max(page, 0);
        List<VehicleRow> rows = fleet.vehicles(scope, q, safePage * PAGE_SIZE, PAGE_SIZE).stream()
                .map(this::row)
                .toList();
        long total = fleet.countVehicles(scope, q);
        model.addAttribute("rows", rows);
        model.addAttribute("q", q);
        model.addAttribute("page", safePage);
        model.addAttribute("total", total);
        model.addAttribute("hasNext", (long) (safePage + 1) * PAGE_SIZE < total);
        model.addAttribute(
                "online",
                rows.stream()
                        .filter(r -> r.state() != null && r.state().online())
                        .count());
        return htmx != null ? "monitoring/vehicles :: results" : "monitoring/vehicles";
    }

    @GetMapping("/{id}")
    String view(@PathVariable long id, Model model) {
        StaffUser user = StaffUser.require();
        Vehicle vehicle = fleet.requireVehicle(user.scope(), id);
        model.addAttribute("row", row(vehicle));
        safety.status(id).ifPresent(status -> {
            model.addAttribute("todayDriving", ReminderTexts.duration(status.todayDrivingS()));
            model.addAttribute("continuousDriving", ReminderTexts.duration(status.continuousDrivingS()));
            model.addAttribute("currentLimit", status.currentLimitKmh());
        });
        model.addAttribute(
                "recentAlarms",
                alarms.search(
                                user.scope(),
                                new Alarms.Filter(null, null, vehicle.plate(), null, null, false),
                                new org.redwheel.PageRequest(0, 10, "start", false))
                        .content());
        model.addAttribute("canMessage", user.has(Permission.VEHICLE_MESSAGE));
        model.addAttribute("maxText", MAX_TEXT);
        return "monitoring/vehicle";
    }

    /** Sends a text (shown and spoken) to the vehicle's terminal and reports the terminal's answer. */
    @PostMapping("/{id}/messages")
    @PreAuthorize("hasAuthority('VEHICLE_MESSAGE')")
    String sendText(@PathVariable long id, @RequestParam String text, RedirectAttributes redirect)
            throws InterruptedException {
        Vehicle vehicle = fleet.requireVehicle(StaffUser.require().scope(), id);
        AuditWriteFilter.target("vehicle", id);
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > MAX_TEXT || vehicle.terminalId() == null) {
            redirect.addFlashAttribute(
                    "messageOutcome", clean.isEmpty() || clean.length() > MAX_TEXT ? "INVALID" : "NO_TERMINAL");
            return "redirect:/console/vehicles/" + id;
        }
        CommandResult result;
        try {
            result = commands.sendText(vehicle.terminalId(), clean)
                    .get(properties.commandTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            result = CommandResult.timeout();
        }
        redirect.addFlashAttribute(
                "messageOutcome",
                result.succeeded()
                        ? "DELIVERED"
                        : result.outcome() == CommandResult.Outcome.ANSWERED
                                ? "REFUSED"
                                : result.outcome().name());
        redirect.addFlashAttribute("sentText", clean);
        return "redirect:/console/vehicles/" + id;
    }

    private VehicleRow row(Vehicle vehicle) {
        TerminalState state = vehicle.terminalId() == null
                ? null
                : states.of(vehicle.terminalId()).orElse(null);
        return new VehicleRow(vehicle, state);
    }

    /** A vehicle with its terminal's state (null before its first connection). */
    record VehicleRow(Vehicle vehicle, TerminalState state) {}
}
