package org.redwheel.mobile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.WebClient;
import org.redwheel.fleet.Drivers;
import org.redwheel.organization.EnterpriseRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The driver's home page reminds him of his own documents to renew, as his enterprise is warned. */
@RedWheelTest
class DriverDocumentsDueTests {

    @LocalServerPort
    int port;

    @Autowired
    Drivers drivers;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aLicenceExpiringWithinThirtyDaysIsShownOnHisHomePage() {
        var driver = DriverSignIn.register(drivers, enterprises, "证件提醒");
        LocalDate expiry = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5);
        jdbc.sql("update fleet_driver set licence_expiry = :expiry, qualification_expiry = :later where id = :id")
                .param("expiry", expiry)
                .param("later", expiry.plusYears(3))
                .param("id", driver.id())
                .update();
        var web = new WebClient(port);
        DriverSignIn.signIn(web, driver.phone());

        String home = web.get("/m").body();

        assertThat(home)
                .contains("data-testid=\"documents-due\"")
                .contains("驾驶证将于" + expiry + "到期，请及时办理换证。")
                .doesNotContain("从业资格证将于");
    }
}
