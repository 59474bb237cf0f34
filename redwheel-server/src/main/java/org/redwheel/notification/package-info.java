/**
 * Notification: in-app messages to staff (a bell in the console), and SMS through a provider
 * interface whose default implementation writes to the log. Other modules call {@link
 * org.redwheel.notification.Notifications}; every message is kept with its delivery outcome.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity"})
package org.redwheel.notification;
