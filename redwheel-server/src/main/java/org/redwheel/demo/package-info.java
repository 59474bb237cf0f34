/**
 * Demo county: with the {@code demo} profile, seeds a county modelled on Linshu's programme through
 * the modules' own services (so demo data passes the same validation as a user's input), and
 * creates demo staff accounts with random passwords, registers the demo trucks and their terminals,
 * and drives them with the fleet simulator against the local gateway so the desk shows live vehicles;
 * a year of drivers' appeals with the escort alliance's solved hard problems, and the care of its
 * drivers: helpers, a year of three-ones logs, care packages, talk corners.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "fleet", "monitoring", "places", "appeals", "care"})
package org.redwheel.demo;
