package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.notification.Notification;
import org.redwheel.notification.Notifications;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;

/** Licences, certificates and inspections are warned of 30 days ahead, once per document and expiry date. */
@RedWheelTest
class ExpiryWarningsTests {

    private static final DataScope COUNTY = DataScope.county();

    @Autowired
    ExpiryWarnings warnings;

    @Autowired
    Drivers drivers;

    @Autowired
    Vehicles vehicles;

    @Autowired
    Assignments assignments;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    Notifications notifications;

    @Test
    void warnsTheEnterpriseOnceForEachDocumentAndAgainWhenARenewedOneFallsDue() {
        LocalDate today = LocalDate.now();
        long enterprise = enterprises.create(TestEnterprises.valid("到期"));
        long officer = staffAccounts
                .findByUsername(
                        new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterprise)))
                .orElseThrow()
                .id();
        DriverData data =
                TestDrivers.with(TestDrivers.valid("到期", enterprise, null), today.plusDays(12), PartyStatus.NONE);
        long driver = drivers.create(COUNTY, data);
        String plate = VehicleRegistryTests.plate();
        long vehicle = vehicles.create(
                COUNTY,
                new VehicleData(
                        plate, 2, "重型厢式货车", 18_000, new BigDecimal("9.6"), enterprise, null, today.plusDays(30)));
        assignments.assign(COUNTY, driver, vehicle, true, today.minusDays(100));
        long notDue = drivers.create(
                COUNTY,
                TestDrivers.with(TestDrivers.valid("未到期", enterprise, null), today.plusDays(31), PartyStatus.NONE));

        warnings.send(today);

        assertThat(titles(officer))
                .containsExactlyInAnyOrder("证件到期提醒：" + data.name() + " 驾驶证", "证件到期提醒：" + plate + " 车辆检验");
        assertThat(notifications.inbox(officer, 10))
                .filteredOn(n -> n.title().contains(data.name()))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.body()).contains("将于" + today.plusDays(12) + "到期（还有12天）");
                    assertThat(n.link()).isEqualTo("/console/fleet/drivers/" + driver);
                });
        assertThat(titles(officer))
                .noneMatch(t -> t.contains(drivers.get(COUNTY, notDue).name()));

        warnings.send(today);
        assertThat(titles(officer)).as("each document once").hasSize(2);

        warnings.send(today.plusDays(1));
        warnings.send(today.plusDays(1));
        assertThat(titles(officer))
                .as("the driver not due yesterday is due today, once")
                .hasSize(3);

        drivers.update(COUNTY, driver, TestDrivers.with(data, today.plusDays(20), PartyStatus.NONE));
        warnings.send(today.plusDays(1));
        assertThat(titles(officer))
                .as("a renewed licence with a new date warns again")
                .hasSize(4)
                .filteredOn(t -> t.contains(data.name()))
                .hasSize(2);
    }

    @Test
    void anIndependentDriversDocumentsAreWarnedToTheCountyOffice() {
        LocalDate today = LocalDate.now();
        long admin = staffAccounts
                .findByUsername(new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY))
                .orElseThrow()
                .id();
        DriverData data = TestDrivers.valid("个体到期", null, null);
        data = new DriverData(
                data.name(),
                data.phone(),
                data.idNumber(),
                data.licenceClass(),
                null,
                data.qualificationNumber(),
                today.minusDays(2),
                null,
                null,
                null,
                PartyStatus.NONE,
                null,
                null,
                false,
                null,
                null);
        drivers.create(COUNTY, data);

        warnings.send(today);

        String name = data.name();
        assertThat(notifications.inbox(admin, 50))
                .filteredOn(n -> n.title().contains(name))
                .singleElement()
                .satisfies(n -> assertThat(n.body()).contains("从业资格证已于" + today.minusDays(2) + "到期"));
    }

    private List<String> titles(long account) {
        return notifications.inbox(account, 50).stream()
                .map(Notification::title)
                .toList();
    }
}
