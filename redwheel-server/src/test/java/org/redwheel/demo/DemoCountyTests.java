package org.redwheel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.WebClient;
import org.redwheel.identity.DataScope;
import org.redwheel.organization.EnterpriseFilter;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.PartyOrganizationKind;
import org.redwheel.organization.PartyOrganizations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo county tells the seed article's story, and its administrator can use it. */
@RedWheelTest
class DemoCountyTests {

    @LocalServerPort
    int port;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    GovernmentUnits units;

    @Autowired
    PartyOrganizations partyOrganizations;

    @Autowired
    DemoProperties properties;

    @Test
    void seedsTheFiguresOfTheProgramme() {
        var demoNames = new java.util.HashSet<String>();
        for (int i = 0; i < DemoCountyData.ENTERPRISE_BRANDS.size(); i++) {
            demoNames.add("临沭县" + DemoCountyData.ENTERPRISE_BRANDS.get(i)
                    + DemoCountyData.ENTERPRISE_KINDS.get(i % DemoCountyData.ENTERPRISE_KINDS.size()));
        }
        var demo = enterprises
                .list(
                        DataScope.county(),
                        EnterpriseFilter.activeOnes(),
                        new org.redwheel.PageRequest(0, 200, "name", true))
                .content()
                .stream()
                .filter(e -> demoNames.contains(e.name()))
                .toList();
        assertThat(demo).hasSize(31).allMatch(e -> e.hasPartyOrganization() && e.hasUnion());
        assertThat(demo.stream().filter(e -> e.demonstrationSite())).hasSize(2);

        var allUnits = units.list(DataScope.county(), null, null, false);
        assertThat(allUnits.stream().filter(u -> u.jointMeeting())).hasSize(21);
        assertThat(allUnits.stream().filter(u -> u.escortAlliance())).hasSize(18);
        assertThat(allUnits.stream().filter(u -> u.jointMeetingLead()).map(u -> u.shortName()))
                .containsExactly("县委组织部");

        var tree = partyOrganizations.tree(DataScope.county(), false);
        assertThat(tree.get(0).kind()).isEqualTo(PartyOrganizationKind.COMMITTEE);
        assertThat(tree.stream().filter(o -> o.kind() == PartyOrganizationKind.GROUP))
                .hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void writesOneRandomPasswordPerRoleAndTheAdministratorSignsInWithIt() throws Exception {
        List<String> lines = Files.readAllLines(properties.credentialsFile());
        // One per role and the demo's other staff, and two more helpers with accounts (DemoCare).
        assertThat(lines).hasSize(14);
        assertThat(lines.stream().map(l -> l.split(" ")[2]).distinct())
                .contains(
                        "COUNTY_ADMIN",
                        "ENTERPRISE_ADMIN",
                        "MONITORING_OPERATOR",
                        "DEPARTMENT_OFFICER",
                        "HELPER",
                        "AUDITOR",
                        "SECURITY_ADMIN",
                        "SYSTEM_ADMIN");
        assertThat(lines.stream().map(l -> l.split(" ")[1]).distinct()).hasSize(14);

        String password = lines.stream()
                .filter(l -> l.startsWith("county.admin "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
        var web = new WebClient(port);
        web.login("county.admin", password);
        var home = web.get("/console");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("data-testid=\"stat-joint-meeting\">21<")
                .contains("data-testid=\"stat-alliance\">18<");
    }

    @Test
    void theApiListsTheDemoEnterprisesPagedAndTheOpenApiDocumentDescribesIt() throws Exception {
        String password = Files.readAllLines(properties.credentialsFile()).stream()
                .filter(l -> l.startsWith("county.admin "))
                .findFirst()
                .orElseThrow()
                .split(" ")[1];
        var web = new WebClient(port);
        String token = web.token("county.admin", password);

        var firstPage = web.get("/api/v1/organization/enterprises?page=0&size=20&q=91371329MA", token);
        assertThat(firstPage.statusCode()).isEqualTo(200);
        assertThat(firstPage.body())
                .contains("\"size\":20")
                .contains("\"page\":0")
                .contains("\"totalPages\":2");
        var secondPage = web.get("/api/v1/organization/enterprises?page=1&size=20&q=91371329MA", token);
        assertThat(secondPage.body()).contains("\"page\":1");
        int onFirst = firstPage.body().split("\"creditCode\"").length - 1;
        int onSecond = secondPage.body().split("\"creditCode\"").length - 1;
        assertThat(onFirst).isEqualTo(20);
        assertThat(onFirst + onSecond).isEqualTo(31);
        assertThat(firstPage.body()).contains("\"totalElements\":31");

        var apiDocs = web.get("/v3/api-docs", token);
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body())
                .contains("/api/v1/organization/enterprises")
                .contains("/api/v1/auth/token")
                .contains("bearer");
        assertThat(new WebClient(port).get("/v3/api-docs").statusCode())
                .as("anonymous")
                .isEqualTo(401);
    }
}
