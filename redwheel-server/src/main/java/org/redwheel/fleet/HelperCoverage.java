package org.redwheel.fleet;

import java.util.Set;

/**
 * Which drivers have a helper Party member (帮扶党员, "three ones"). The care module answers it when
 * it lands; until then no implementation exists and the survey shows the figure as unknown.
 */
public interface HelperCoverage {

    /** The ids of the drivers with a helper assigned now. */
    Set<Long> driversWithHelper();
}
