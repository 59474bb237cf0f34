package org.redwheel.jt808.message;

import java.util.Objects;

/** 0x0200: one position fix. */
public record LocationReport(Location location) implements Jt808Message {

    public LocationReport {
        Objects.requireNonNull(location, "location");
    }

    @Override
    public int messageId() {
        return MessageIds.LOCATION_REPORT;
    }
}
