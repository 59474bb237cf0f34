/**
 * Mobile: the drivers' H5 pages ({@code /m}) and their own sign-in. A driver of the survey signs in
 * with his phone number and a one-time code sent by SMS, in a security filter chain of his own that
 * never mixes with the staff console's; he is then an {@link org.redwheel.identity.DriverUser}, which
 * other modules' {@code /m} pages read. The pages show his day from monitoring (driving time, the
 * continuous-driving clock, recent alarms and reminders), the places nearby, his helper and his
 * enterprise, and his own survey record with his consent to location monitoring.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "fleet", "monitoring", "places", "notification"})
package org.redwheel.mobile;
