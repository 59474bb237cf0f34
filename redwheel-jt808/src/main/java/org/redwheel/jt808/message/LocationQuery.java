package org.redwheel.jt808.message;

/** 0x8201: asks for the current position; the terminal answers with 0x0201. Empty body. */
public record LocationQuery() implements Jt808Message {

    @Override
    public int messageId() {
        return MessageIds.LOCATION_QUERY;
    }
}
