package org.redwheel.notification;

import java.time.Instant;

/** An in-app message as the recipient sees it. */
public record Notification(long id, String title, String body, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
