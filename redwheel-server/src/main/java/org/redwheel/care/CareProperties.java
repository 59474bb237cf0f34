package org.redwheel.care;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Care settings ({@code redwheel.care.*}).
 *
 * @param reminderCron when the weekly reminders go to helpers who fell behind (Beijing time)
 * @param maxPhotoSize the largest visit photo accepted
 */
@ConfigurationProperties("redwheel.care")
public record CareProperties(String reminderCron, DataSize maxPhotoSize) {

    public CareProperties {
        reminderCron = reminderCron == null || reminderCron.isBlank() ? "0 0 9 * * MON" : reminderCron;
        maxPhotoSize = maxPhotoSize == null ? DataSize.ofMegabytes(5) : maxPhotoSize;
    }
}
