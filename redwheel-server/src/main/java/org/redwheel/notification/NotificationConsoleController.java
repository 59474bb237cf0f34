package org.redwheel.notification;

import org.redwheel.identity.StaffUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in staff member's messages, and the unread count the console's bell polls. */
@Controller
class NotificationConsoleController {

    private final Notifications notifications;

    NotificationConsoleController(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/console/notifications")
    String inbox(Model model) {
        model.addAttribute("messages", notifications.inbox(StaffUser.require().accountId(), 100));
        return "notification/inbox";
    }

    /** The bell's badge: an htmx fragment of plain text. */
    @GetMapping(value = "/console/notifications/unread", produces = "text/plain")
    @ResponseBody
    String unread() {
        long count = notifications.unreadCount(StaffUser.require().accountId());
        return count == 0 ? "" : count > 99 ? "99+" : Long.toString(count);
    }

    @PostMapping("/console/notifications/read")
    String markRead() {
        notifications.markAllRead(StaffUser.require().accountId());
        return "redirect:/console/notifications";
    }
}
