/**
 * Fleet: the registry of vehicles and their JT/T 808 terminals (phone number, device id, protocol
 * version, authentication code). A terminal must be known here before the gateway accepts it. The
 * survey of drivers, certificates and assignments builds on this module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity"})
package org.redwheel.fleet;
