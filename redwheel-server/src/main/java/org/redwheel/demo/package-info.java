/**
 * Demo county: with the {@code demo} profile, seeds a county modelled on Linshu's programme through
 * the modules' own services (so demo data passes the same validation as a user's input), and
 * creates demo staff accounts with random passwords.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "organization"})
package org.redwheel.demo;
