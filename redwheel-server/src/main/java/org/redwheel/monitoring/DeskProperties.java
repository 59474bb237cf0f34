package org.redwheel.monitoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The monitoring desk's map ({@code redwheel.desk.*}).
 *
 * @param tileUrl map tiles ({z}/{x}/{y} template); when they cannot load the map falls back to a
 *     plain background with the county's places
 * @param tileAttribution credit shown for the tiles
 * @param latitude map centre
 * @param longitude map centre
 * @param zoom initial zoom
 * @param pushInterval how often the desk receives vehicles' state
 */
@ConfigurationProperties("redwheel.desk")
record DeskProperties(
        String tileUrl,
        String tileAttribution,
        Double latitude,
        Double longitude,
        Integer zoom,
        Duration pushInterval) {

    DeskProperties {
        tileUrl = tileUrl == null ? "https://tile.openstreetmap.org/{z}/{x}/{y}.png" : tileUrl;
        tileAttribution = tileAttribution == null ? "© OpenStreetMap contributors" : tileAttribution;
        latitude = latitude == null ? 34.92 : latitude;
        longitude = longitude == null ? 118.65 : longitude;
        zoom = zoom == null ? 11 : zoom;
        pushInterval = pushInterval == null ? Duration.ofSeconds(2) : pushInterval;
    }
}
