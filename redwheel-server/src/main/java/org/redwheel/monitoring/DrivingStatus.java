package org.redwheel.monitoring;

import java.util.Optional;
import org.redwheel.safety.VehicleStatus;
import org.springframework.stereotype.Service;

/**
 * A vehicle's driving as the running safety engine counts it (today's driving, the continuous
 * driving clock, as of the newest fix), for readers outside monitoring such as the driver's own
 * page. The engine itself stays inside the module.
 */
@Service
public class DrivingStatus {

    private final SafetyMonitor safety;

    DrivingStatus(SafetyMonitor safety) {
        this.safety = safety;
    }

    /** The vehicle's status, empty when the engine has seen no fix of it since the start. */
    public Optional<VehicleStatus> of(long vehicleId) {
        return safety.status(vehicleId);
    }
}
