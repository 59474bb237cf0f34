package org.redwheel.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redwheel.identity.StaffUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of track playback: a vehicle's fixes and alarms for a period, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/vehicles")
@PreAuthorize("hasAuthority('FLEET_READ')")
@Tag(name = "tracks", description = "Track playback (轨迹回放)")
@SecurityRequirement(name = "bearer")
class TrackApi {

    private final Tracks tracks;

    TrackApi(Tracks tracks) {
        this.tracks = tracks;
    }

    @GetMapping("/{id}/track")
    @Operation(
            summary = "A vehicle's track for a period",
            description = "Fixes in time order with a validity flag (the safety engine's ranges), the alarms"
                    + " overlapping the period, distance, top speed and driving time. More than 5,000 fixes are"
                    + " thinned, keeping the first and last fix, each stretch's fastest fix and the fixes at alarm"
                    + " boundaries (downsampled=true, fixCount the full count). 400 naming the field when a time is"
                    + " missing or malformed, when to is not after from, or when the period exceeds 7 days; 404"
                    + " when the vehicle lies outside the caller's scope.")
    Track track(
            @PathVariable long id,
            @RequestParam(required = false)
                    @Parameter(
                            description = "start (inclusive), ISO-8601; without an offset Beijing time",
                            example = "2024-05-01T00:00:00+08:00")
                    String from,
            @RequestParam(required = false)
                    @Parameter(
                            description = "end (exclusive), ISO-8601; at most 7 days after from",
                            example = "2024-05-01T12:00:00+08:00")
                    String to,
            jakarta.servlet.http.HttpServletRequest request) {
        return tracks.readFor(StaffUser.require(), id, TrackRange.parse(from, to), request.getRemoteAddr());
    }
}
