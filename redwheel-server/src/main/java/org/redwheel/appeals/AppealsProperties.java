package org.redwheel.appeals;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Appeals ({@code redwheel.appeals.*}): service levels and routes per category.
 *
 * @param acceptWithin default time to accept an appeal (1 h, a county's 12328 standard)
 * @param resolveWithin default time to resolve it (24 h)
 * @param boardResolveWithin time to solve an appeal once it is posted to the board as a hard
 *     problem: claiming, working and solving one takes longer than a day
 * @param maxPhotoSize the largest photo a driver may attach
 * @param categories per category: its own service levels, whether it is a personal matter (routed
 *     to the driver's helper), and its department (a government unit's id, name or short name)
 */
@ConfigurationProperties("redwheel.appeals")
public record AppealsProperties(
        Duration acceptWithin,
        Duration resolveWithin,
        Duration boardResolveWithin,
        DataSize maxPhotoSize,
        Map<AppealCategory, CategorySettings> categories) {

    public AppealsProperties {
        acceptWithin = acceptWithin == null ? Duration.ofHours(1) : acceptWithin;
        resolveWithin = resolveWithin == null ? Duration.ofHours(24) : resolveWithin;
        boardResolveWithin = boardResolveWithin == null ? Duration.ofDays(30) : boardResolveWithin;
        maxPhotoSize = maxPhotoSize == null ? DataSize.ofMegabytes(5) : maxPhotoSize;
        Map<AppealCategory, CategorySettings> all = new EnumMap<>(AppealCategory.class);
        if (categories != null) {
            all.putAll(categories);
        }
        categories = Map.copyOf(all);
    }

    /** One category's settings; null fields take the defaults. */
    public record CategorySettings(
            Duration acceptWithin, Duration resolveWithin, Boolean personal, String department) {}

    Duration acceptWithin(AppealCategory category) {
        CategorySettings settings = categories.get(category);
        return settings == null || settings.acceptWithin() == null ? acceptWithin : settings.acceptWithin();
    }

    Duration resolveWithin(AppealCategory category) {
        CategorySettings settings = categories.get(category);
        return settings == null || settings.resolveWithin() == null ? resolveWithin : settings.resolveWithin();
    }

    boolean personal(AppealCategory category) {
        CategorySettings settings = categories.get(category);
        return settings != null && Boolean.TRUE.equals(settings.personal());
    }

    /** The configured department of the category, or null. */
    String department(AppealCategory category) {
        CategorySettings settings = categories.get(category);
        return settings == null
                        || settings.department() == null
                        || settings.department().isBlank()
                ? null
                : settings.department().strip();
    }
}
