package org.redwheel.jt808.message;

import java.util.Objects;

/** 0x0201: the terminal answers 0x8201 with its current position. */
public record LocationQueryResponse(int responseSerial, Location location) implements Jt808Message {

    public LocationQueryResponse {
        Objects.requireNonNull(location, "location");
    }

    @Override
    public int messageId() {
        return MessageIds.LOCATION_QUERY_RESPONSE;
    }
}
