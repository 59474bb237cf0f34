package org.redwheel.notification;

/**
 * Sends a text message to a phone. A county plugs in its operator's or cloud provider's gateway by
 * declaring a bean of this type; without one, {@link LoggingSmsGateway} writes the message to the log.
 */
public interface SmsGateway {

    /**
     * Sends the text.
     *
     * @return whether the provider accepted it
     */
    boolean send(String phone, String text);
}
