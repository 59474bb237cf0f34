package org.redwheel.mobile;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The drivers' mobile pages ({@code redwheel.mobile.*}).
 *
 * @param login the one-time code sign-in
 * @param map the places page's map
 * @param recentDays how far back the home page lists the vehicle's alarms and reminders
 * @param recentLines how many of them it lists at most
 */
@ConfigurationProperties("redwheel.mobile")
record MobileProperties(Login login, MapSettings map, Integer recentDays, Integer recentLines) {

    MobileProperties {
        login = login == null ? new Login(null, null, null, null, null, null, null, false) : login;
        map = map == null ? new MapSettings(null, null, null, null, null) : map;
        recentDays = recentDays == null || recentDays < 1 ? 7 : recentDays;
        recentLines = recentLines == null || recentLines < 1 ? 5 : recentLines;
    }

    /**
     * @param codeLifetime how long a code may be used after it was sent
     * @param sendInterval the least time between two codes to one phone
     * @param sendsPerPhonePerHour codes to one phone in any hour
     * @param sendsPerAddressPerHour code requests from one network address in any hour, whatever the
     *     phone (a number outside the survey counts too)
     * @param maxWrongCodes wrong codes in a row that lock the phone
     * @param lockoutDuration how long a locked phone stays locked
     * @param purgeAfter how long code requests and stale locks are kept (they hold phone numbers)
     * @param showCodeOnScreen the demo shows the code on the page as well; the prod profile refuses
     *     to start with it on
     */
    record Login(
            Duration codeLifetime,
            Duration sendInterval,
            Integer sendsPerPhonePerHour,
            Integer sendsPerAddressPerHour,
            Integer maxWrongCodes,
            Duration lockoutDuration,
            Duration purgeAfter,
            boolean showCodeOnScreen) {

        Login {
            codeLifetime = codeLifetime == null ? Duration.ofMinutes(5) : codeLifetime;
            sendInterval = sendInterval == null ? Duration.ofMinutes(1) : sendInterval;
            sendsPerPhonePerHour = sendsPerPhonePerHour == null || sendsPerPhonePerHour < 1 ? 5 : sendsPerPhonePerHour;
            sendsPerAddressPerHour =
                    sendsPerAddressPerHour == null || sendsPerAddressPerHour < 1 ? 20 : sendsPerAddressPerHour;
            maxWrongCodes = maxWrongCodes == null || maxWrongCodes < 1 ? 5 : maxWrongCodes;
            lockoutDuration = lockoutDuration == null ? Duration.ofMinutes(15) : lockoutDuration;
            purgeAfter = purgeAfter == null ? Duration.ofDays(1) : purgeAfter;
        }

        SendLimits sendLimits() {
            return new SendLimits(sendInterval, sendsPerPhonePerHour, sendsPerAddressPerHour);
        }

        Lockout lockout() {
            return new Lockout(maxWrongCodes, lockoutDuration);
        }

        CodeExpiry codeExpiry() {
            return new CodeExpiry(codeLifetime);
        }
    }

    /**
     * @param tileUrl map tiles ({z}/{x}/{y} template); when they cannot load the list stays and the
     *     map shows the places on a plain background
     * @param tileAttribution credit shown for the tiles
     * @param latitude the county seat: distances are measured from here when the browser's location
     *     is unknown
     * @param longitude the county seat
     * @param zoom the map's initial zoom
     */
    record MapSettings(String tileUrl, String tileAttribution, Double latitude, Double longitude, Integer zoom) {

        MapSettings {
            tileUrl = tileUrl == null || tileUrl.isBlank() ? "https://tile.openstreetmap.org/{z}/{x}/{y}.png" : tileUrl;
            tileAttribution = tileAttribution == null ? "© OpenStreetMap contributors" : tileAttribution;
            latitude = latitude == null ? 34.92 : latitude;
            longitude = longitude == null ? 118.65 : longitude;
            zoom = zoom == null ? 11 : zoom;
        }
    }
}
