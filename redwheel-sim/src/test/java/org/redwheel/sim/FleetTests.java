package org.redwheel.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redwheel.jt808.ProtocolVersion;

class FleetTests {

    @Test
    void numbersPhonesDeviceIdsAndPlatesFromTheTruckIndex() {
        assertThat(Fleet.phone(1)).isEqualTo("013900000001");
        assertThat(Fleet.phone(42)).isEqualTo("013900000042");
        assertThat(Fleet.deviceId(1)).isEqualTo("RW00001");
        assertThat(Fleet.deviceId(99_999)).isEqualTo("RW99999");
        assertThat(Fleet.plate(1)).isEqualTo("鲁QA0001");
        assertThat(Fleet.plate(12_345)).isEqualTo("鲁QB2345");
        assertThat(Fleet.plate(99_999)).isEqualTo("鲁QK9999");
    }

    @Test
    void givesEveryTruckOfALargeFleetItsOwnIdentity() {
        List<SimulatedTruck> trucks = Fleet.demo(1, 20_000, 42, ProtocolVersion.V2013);

        Set<String> phones = new HashSet<>();
        Set<String> devices = new HashSet<>();
        Set<String> plates = new HashSet<>();
        trucks.forEach(truck -> {
            phones.add(truck.phone());
            devices.add(truck.deviceId());
            plates.add(truck.plate());
        });
        assertThat(phones).hasSize(20_000);
        assertThat(devices).hasSize(20_000);
        assertThat(plates).hasSize(20_000);
    }

    @Test
    void spreadsTrucksOverTheDemoRoutesAndTheirEntryPoints() {
        List<SimulatedTruck> trucks = Fleet.demo(8, 42);

        assertThat(trucks)
                .extracting(truck -> truck.route().name())
                .containsAll(DemoCounty.routes().stream().map(Route::name).toList());
        // trucks 1 and 5 share the first route but enter it at different waypoints
        assertThat(trucks.get(4).route().name()).isEqualTo(trucks.get(0).route().name());
        assertThat(trucks.get(4).route().waypoint(0))
                .isNotEqualTo(trucks.get(0).route().waypoint(0));
    }

    @Test
    void makesTheSameFleetFromTheSameSeed() {
        assertThat(Fleet.demo(5, 7)).isEqualTo(Fleet.demo(5, 7));
        assertThat(Fleet.demo(5, 7)).isNotEqualTo(Fleet.demo(5, 8));
    }

    @Test
    void refusesTruckNumbersOutsideTheScheme() {
        assertThatIllegalArgumentException().isThrownBy(() -> Fleet.phone(0));
        assertThatIllegalArgumentException().isThrownBy(() -> Fleet.plate(100_000));
    }
}
