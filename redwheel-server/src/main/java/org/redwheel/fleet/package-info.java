/**
 * Fleet: the precise survey (精准摸排) of freight drivers with their licences, qualification
 * certificates, residence and Party status (ID numbers encrypted, shown masked); the registry of
 * vehicles with their documents and of their JT/T 808 terminals (phone number, device id, protocol
 * version, authentication code), which the gateway checks before it accepts a terminal;
 * driver-vehicle assignments over time; expiry warnings; the survey's coverage; and the driver and
 * vehicle lists as Excel templates, all-or-nothing imports and role-masked exports. Every read for
 * people applies the signed-in staff member's data scope.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"identity", "organization", "notification", "spreadsheet"})
package org.redwheel.fleet;
