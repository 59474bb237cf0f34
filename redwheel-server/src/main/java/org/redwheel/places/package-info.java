/**
 * Places: the service centre, driver homes, red post stations, temporary parking areas, talk corners
 * and service areas, with the services they offer and their hours; and the nearest place to rest
 * ahead of a moving truck, which fatigue reminders name.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package org.redwheel.places;
