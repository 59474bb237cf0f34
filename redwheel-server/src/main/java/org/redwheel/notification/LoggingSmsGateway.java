package org.redwheel.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default SMS provider: logs what would be sent, with the phone number masked (3 + **** + 4). */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public boolean send(String phone, String text) {
        log.info("SMS to {}: {}", mask(phone), text);
        return true;
    }

    static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }
}
