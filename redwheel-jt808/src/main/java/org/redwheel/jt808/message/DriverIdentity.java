package org.redwheel.jt808.message;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * 0x0702: the driver's qualification card was inserted or removed.
 *
 * <p>The layouts differ by version. 2011 has only name, ID number, certificate code and issuing
 * authority (decoded as an insertion with no time). 2013 adds status, time, card read result and
 * certificate validity, with the driver fields present only for an insertion read successfully.
 * 2019 appends the driver's ID number.
 *
 * @param status {@link #CARD_INSERTED} or {@link #CARD_REMOVED}
 * @param time when the card was inserted or removed (GMT+8); null for 2011
 * @param cardReadResult 0 read fine; 1 key wrong; 2 card locked; 3 card pulled out; 4 checksum error
 * @param certificateValidity null when absent (2011, removal, failed read, or zeros sent)
 * @param idNumber the ID card number: 2011 and 2019 only, empty otherwise
 */
public record DriverIdentity(
        int status,
        OffsetDateTime time,
        int cardReadResult,
        String driverName,
        String certificateCode,
        String issuingAuthority,
        LocalDate certificateValidity,
        String idNumber)
        implements Jt808Message {

    public static final int CARD_INSERTED = 0x01;
    public static final int CARD_REMOVED = 0x02;

    public DriverIdentity {
        Objects.requireNonNull(driverName, "driverName");
        Objects.requireNonNull(certificateCode, "certificateCode");
        Objects.requireNonNull(issuingAuthority, "issuingAuthority");
        Objects.requireNonNull(idNumber, "idNumber");
        if (time != null) {
            time = time.withOffsetSameInstant(Location.GMT8).withNano(0);
        }
    }

    /** Whether the driver fields carry a card's content. */
    public boolean cardRead() {
        return status == CARD_INSERTED && cardReadResult == 0;
    }

    @Override
    public int messageId() {
        return MessageIds.DRIVER_IDENTITY;
    }
}
