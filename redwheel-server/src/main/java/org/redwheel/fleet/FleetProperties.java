package org.redwheel.fleet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Fleet settings ({@code redwheel.fleet.*}).
 *
 * @param expiryWarningDays how many days before a licence, qualification certificate or inspection
 *     expires its enterprise is warned
 * @param consentVersion the version of the location-monitoring consent text drivers sign now;
 *     proposed when a consent is recorded
 */
@ConfigurationProperties("redwheel.fleet")
public record FleetProperties(Integer expiryWarningDays, String consentVersion) {

    public FleetProperties {
        expiryWarningDays = expiryWarningDays == null || expiryWarningDays < 1 ? 30 : expiryWarningDays;
        consentVersion = consentVersion == null || consentVersion.isBlank() ? "2024-01" : consentVersion.trim();
    }
}
