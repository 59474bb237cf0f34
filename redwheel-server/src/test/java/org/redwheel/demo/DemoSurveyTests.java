package org.redwheel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.PageRequest;
import org.redwheel.RedWheelTest;
import org.redwheel.fleet.Assignments;
import org.redwheel.fleet.Driver;
import org.redwheel.fleet.DriverFilter;
import org.redwheel.fleet.Drivers;
import org.redwheel.fleet.IdNumbers;
import org.redwheel.fleet.Plates;
import org.redwheel.fleet.VehicleDetails;
import org.redwheel.fleet.VehicleFilter;
import org.redwheel.fleet.Vehicles;
import org.redwheel.identity.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo county's survey: about 300 drivers and vehicles, valid and spread like a real county's. */
@RedWheelTest
class DemoSurveyTests {

    private static final DataScope COUNTY = DataScope.county();

    @Autowired
    Drivers drivers;

    @Autowired
    Vehicles vehicles;

    @Autowired
    Assignments assignments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void seedsAboutThreeHundredDriversOfTheCountySpreadOverTheEnterprisesAndVillages() {
        List<Driver> demo = demoDrivers();
        assertThat(demo).hasSize(DemoSurvey.DRIVERS + DemoSurvey.FORMER_DRIVERS);
        assertThat(demo.stream()
                        .map(Driver::enterpriseId)
                        .filter(id -> id != null)
                        .distinct())
                .hasSize(31);
        assertThat(demo.stream().filter(Driver::independent)).isNotEmpty();
        assertThat(demo.stream()
                        .map(Driver::villageId)
                        .filter(id -> id != null)
                        .distinct()
                        .count())
                .isGreaterThan(30);
        assertThat(demo.stream().filter(d -> d.partyStatus().isMember())).hasSizeBetween(15, 60);
        assertThat(demo.stream().map(Driver::name).distinct().count()).isGreaterThan(250);
        assertThat(demo).allSatisfy(d -> assertThat(d.phone()).matches("1[3-9]\\d{9}"));

        LocalDate limit = LocalDate.now().plusDays(30);
        assertThat(demo.stream().filter(d -> d.documentDue(limit)))
                .as("some certificates expire within 30 days")
                .hasSizeBetween(10, 80);

        for (Driver d : demo.subList(0, 10)) {
            String idNumber = drivers.revealIdNumber(COUNTY, d.id(), "demo-survey-test", null);
            assertThat(idNumber).startsWith("371329");
            assertThat(IdNumbers.isValid(idNumber, LocalDate.now())).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from fleet_expiry_warning")
                        .query(Long.class)
                        .single())
                .as("the start-up run warned of the due documents")
                .isPositive();
    }

    @Test
    void seedsAVehicleWithAPrimaryDriverForEachAndSomeHistory() {
        List<VehicleDetails> demo = demoVehicles();
        assertThat(demo).hasSize(DemoSurvey.DRIVERS);
        assertThat(demo).allSatisfy(v -> {
            assertThat(v.plate()).startsWith("鲁Q");
            assertThat(Plates.isValid(v.plate())).isTrue();
            assertThat(v.primaryDriverId()).isNotNull();
        });
        assertThat(demo.stream().filter(v -> v.terminalId() != null).count()).isGreaterThan(200);
        long withHistory = demo.stream()
                .filter(v -> assignments.ofVehicle(COUNTY, v.id()).size() == 3)
                .count();
        assertThat(withHistory).as("vehicles that changed hands").isPositive();
    }

    private List<Driver> demoDrivers() {
        List<Driver> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = drivers.search(
                    COUNTY, DriverFilter.activeOnes(), new PageRequest(page, PageRequest.MAX_SIZE, "createdAt", true));
            result.content().stream()
                    .filter(d -> d.idNumberMasked().startsWith("371329"))
                    .forEach(all::add);
            if (!result.hasNext()) {
                return all;
            }
        }
    }

    private List<VehicleDetails> demoVehicles() {
        List<VehicleDetails> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            var result = vehicles.search(
                    COUNTY, VehicleFilter.activeOnes(), new PageRequest(page, PageRequest.MAX_SIZE, "createdAt", true));
            result.content().stream()
                    .filter(v ->
                            v.transportPermit() != null && v.transportPermit().startsWith("371329"))
                    .forEach(all::add);
            if (!result.hasNext()) {
                return all;
            }
        }
    }
}
