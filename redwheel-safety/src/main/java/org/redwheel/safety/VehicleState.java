package org.redwheel.safety;

/** Everything the engine keeps about one vehicle. */
final class VehicleState {

    final String vehicleId;
    final VehicleLane live = new VehicleLane(false);
    /** Replays a backlog older than the newest fix; {@code null} when there is none. */
    VehicleLane late;

    long newestTime = VehicleLane.NONE;
    long lastReceivedAt = VehicleLane.NONE;
    double lastLat;
    double lastLon;

    /** The driver of the newest fix (the vehicle's unidentified driver when none is known). */
    DriverState driver;

    DriverState unidentified;
    Episode offline;

    int limitKmh;
    Context.LimitSource limitSource = Context.LimitSource.NONE;
    Object limitRef;

    VehicleState(String vehicleId) {
        this.vehicleId = vehicleId;
    }

    DriverState unidentifiedDriver() {
        if (unidentified == null) {
            unidentified = new DriverState(null, "vehicle:" + vehicleId);
        }
        return unidentified;
    }

    /** The lane for a fix older than the newest: a fresh one when the backlog jumps back in time. */
    VehicleLane lateLane(long time, Context ctx) {
        if (late != null && time < late.newestTime) {
            late.closeAll(ctx);
            late = null;
        }
        if (late == null) {
            late = new VehicleLane(true);
        }
        return late;
    }
}
