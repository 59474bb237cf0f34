package org.redwheel.fleet;

import java.util.Optional;

/**
 * Who a driver's helper Party member (帮扶党员) is, as a staff account: appeals route a driver's
 * personal matters to him. The care module implements it; until it does no implementation exists,
 * and callers (who take it through an {@code ObjectProvider}) treat every driver as having no
 * helper.
 */
public interface HelperDirectory {

    /** The staff account (role HELPER) of the driver's current helper, if he has one with a login. */
    Optional<Long> helperAccountOf(long driverId);
}
