package org.redwheel.jt808;

import java.util.Objects;

/**
 * A decoded message header.
 *
 * @param version 2019 when body-property bit 14 is set; otherwise 2011 or 2013 as far as the body
 *     layout tells (see {@link Jt808Decoder}), 2013 when it cannot tell
 * @param versionNumber the 2019 header's protocol version byte (1 for the first 2019 edition), 0 before
 * @param phone all BCD digits as sent: 12 before 2019, 20 in 2019 (e.g. {@code 013912345678})
 * @param encryption body-property bits 10–12; 0 for plain, bit 0 set for RSA
 * @param packetTotal number of packets when segmented, 0 otherwise
 * @param packetIndex 1-based index of this packet when segmented, 0 otherwise
 */
public record Jt808Header(
        int messageId,
        ProtocolVersion version,
        int versionNumber,
        String phone,
        int serial,
        int encryption,
        int packetTotal,
        int packetIndex) {

    public Jt808Header {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(phone, "phone");
    }

    /** A header for an unsegmented, unencrypted message, as the platform and simulator send them. */
    public static Jt808Header of(ProtocolVersion version, int messageId, String phone, int serial) {
        return new Jt808Header(messageId, version, version == ProtocolVersion.V2019 ? 1 : 0, phone, serial, 0, 0, 0);
    }

    public boolean segmented() {
        return packetTotal > 0;
    }

    /** The phone without the zero padding, the form fleets usually store (at least one digit). */
    public String terminalPhone() {
        int start = 0;
        while (start < phone.length() - 1 && phone.charAt(start) == '0') {
            start++;
        }
        return phone.substring(start);
    }

    Jt808Header withVersion(ProtocolVersion newVersion) {
        return new Jt808Header(
                messageId, newVersion, versionNumber, phone, serial, encryption, packetTotal, packetIndex);
    }

    Jt808Header unsegmented(int firstSerial) {
        return new Jt808Header(messageId, version, versionNumber, phone, firstSerial, encryption, 0, 0);
    }
}
