package org.redwheel.fleet;

import java.util.Optional;

/**
 * A driver's helper Party member (帮扶党员, "three ones") as the driver sees him: whom to call. The
 * care module answers it when it lands; until then no implementation exists and the driver's page
 * says that no helper is assigned yet.
 */
public interface HelperContacts {

    /** The helper assigned to the driver now, if any. */
    Optional<HelperContact> helperOf(long driverId);

    /**
     * @param name the helper's name
     * @param phone a number the driver may call, shown to him in full
     */
    record HelperContact(String name, String phone) {}
}
