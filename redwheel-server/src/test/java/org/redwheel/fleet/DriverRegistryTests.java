package org.redwheel.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.PageRequest;
import org.redwheel.RecordNotFoundException;
import org.redwheel.RedWheelTest;
import org.redwheel.TestAccounts;
import org.redwheel.TestEnterprises;
import org.redwheel.WebClient;
import org.redwheel.identity.AuditEvent;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.FieldEncryptor;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.PartyOrganizationData;
import org.redwheel.organization.PartyOrganizationKind;
import org.redwheel.organization.PartyOrganizations;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The driver survey: ID numbers stored only encrypted and shown masked, unmasking only for the
 * county office and audited, validation naming every field, data scopes between enterprises.
 */
@RedWheelTest
class DriverRegistryTests {

    private static final DataScope COUNTY = DataScope.county();

    @LocalServerPort
    int port;

    @Autowired
    Drivers drivers;

    @Autowired
    EnterpriseRegistry enterprises;

    @Autowired
    Townships townships;

    @Autowired
    StaffAccounts staffAccounts;

    @Autowired
    PartyOrganizations partyOrganizations;

    @Autowired
    FieldEncryptor encryptor;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    long enterpriseA;
    long enterpriseB;
    Village village;

    @BeforeEach
    void enterprises() {
        enterpriseA = enterprises.create(TestEnterprises.valid("司机甲"));
        enterpriseB = enterprises.create(TestEnterprises.valid("司机乙"));
        village = townships.villages(null, false).get(0);
    }

    @Test
    void storesTheIdNumberOnlyEncryptedWithAKeyedHashNeverTheBirthDateInClear() {
        DriverData data = TestDrivers.valid("加密", enterpriseA, village.id());
        long id = drivers.create(COUNTY, data);

        String birth = data.idNumber().substring(6, 14);
        var row = jdbc.sql("""
                        select id_number_encrypted, id_number_hash, id_number_masked, qualification_encrypted,
                               row_to_json(d)::text as everything
                        from fleet_driver d where id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> Map.of(
                        "encrypted", rs.getString("id_number_encrypted"),
                        "hash", rs.getString("id_number_hash"),
                        "masked", rs.getString("id_number_masked"),
                        "qualification", rs.getString("qualification_encrypted"),
                        "everything", rs.getString("everything")))
                .single();
        assertThat(row.get("everything"))
                .as("no column holds the number or its birth date in clear")
                .doesNotContain(data.idNumber())
                .doesNotContain(birth);
        assertThat(row.get("encrypted")).startsWith("v1:").doesNotContain(data.idNumber());
        assertThat(row.get("qualification"))
                .as("the certificate number is the ID number here: encrypted too")
                .startsWith("v1:")
                .isNotEqualTo(row.get("encrypted"));
        assertThat(row.get("hash")).hasSize(64).isEqualTo(encryptor.blindIndex(data.idNumber()));
        assertThat(row.get("masked"))
                .isEqualTo(data.idNumber().substring(0, 6) + "********"
                        + data.idNumber().substring(14));
        assertThat(encryptor.decrypt(row.get("encrypted"))).isEqualTo(data.idNumber());

        Driver driver = drivers.get(COUNTY, id);
        assertThat(driver.idNumberMasked()).isEqualTo(row.get("masked"));
        assertThat(driver.enterpriseName()).contains("司机甲");
        assertThat(driver.villageName()).isEqualTo(village.name());
        assertThat(driver.townshipName()).as("derived from the village").isEqualTo(village.townshipName());
        assertThat(driver.consentVersion()).as("the current consent text").isEqualTo("2024-01");
        assertThat(drivers.findByIdNumber(COUNTY, data.idNumber().toLowerCase()))
                .map(Driver::id)
                .contains(id);
        assertThat(drivers.consentHistory(COUNTY, id))
                .singleElement()
                .satisfies(c -> assertThat(c.given()).isTrue());
    }

    @Test
    void rejectsBadInputNamingEveryFieldAndStoresNothing() {
        long before = countDrivers();
        String wrongCheck = TestDrivers.idNumber();
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        DriverData bad = new DriverData(
                "张3",
                "1381234567",
                wrongCheck,
                null,
                null,
                "Q-1",
                null,
                999_999L,
                null,
                888_888L,
                PartyStatus.NONE,
                "只有姓名",
                null,
                true,
                LocalDate.now().plusDays(3),
                null);
        assertThatThrownBy(() -> drivers.create(COUNTY, bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::field, Violation::messageKey)
                                .contains(
                                        org.assertj.core.groups.Tuple.tuple("name", "driver.name.format"),
                                        org.assertj.core.groups.Tuple.tuple("phone", "driver.phone.mobile"),
                                        org.assertj.core.groups.Tuple.tuple("idNumber", "driver.idNumber.checkDigit"),
                                        org.assertj.core.groups.Tuple.tuple("licenceClass", "validation.required"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "qualificationNumber", "driver.qualificationNumber.format"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "qualificationExpiry", "validation.required"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "enterpriseId", "validation.unknownReference"),
                                        org.assertj.core.groups.Tuple.tuple("villageId", "validation.unknownReference"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "emergencyContactPhone", "driver.emergencyContact.pair"),
                                        org.assertj.core.groups.Tuple.tuple("consentDate", "validation.notInFuture")));
        String child = "371300"
                + LocalDate.now().minusYears(17).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE) + "001";
        assertThat(drivers.check(
                        COUNTY,
                        withIdNumber(TestDrivers.valid("少年", null, null), child + IdNumbers.checkCharacter(child)),
                        null))
                .extracting(Violation::messageKey)
                .containsExactly("driver.idNumber.tooYoung");
        assertThat(countDrivers()).isEqualTo(before);
    }

    @Test
    void refusesADuplicateIdNumberOrPhoneAndTheApiNamesTheFields() {
        DriverData first = TestDrivers.valid("重复", enterpriseA, null);
        drivers.create(COUNTY, first);
        DriverData again = new DriverData(
                TestDrivers.name("重复"),
                first.phone(),
                first.idNumber().toLowerCase(),
                LicenceClass.B2,
                null,
                null,
                null,
                enterpriseA,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null);
        assertThat(drivers.check(COUNTY, again, null))
                .extracting(Violation::field, Violation::messageKey)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("phone", "driver.phone.taken"),
                        org.assertj.core.groups.Tuple.tuple("idNumber", "driver.idNumber.taken"));

        String token = token(Role.COUNTY_ADMIN, COUNTY);
        var response = new WebClient(port).postJson("/api/v1/fleet/drivers", TestDrivers.json(again), token);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].field"))
                .containsExactlyInAnyOrder("phone", "idNumber");
        assertThat(JsonPath.<List<String>>read(response.body(), "$.errors[*].message"))
                .contains("该身份证号已登记。");
    }

    @Test
    void inputThatCannotBeReadNamesTheFieldToo() {
        String token = token(Role.COUNTY_ADMIN, COUNTY);
        var web = new WebClient(port);
        String json = TestDrivers.json(TestDrivers.valid("格式", enterpriseA, null));
        var badDate = web.postJson(
                "/api/v1/fleet/drivers",
                json.replaceFirst("\"licenceExpiry\": \"[^\"]+\"", "\"licenceExpiry\": \"2025-13-01\""),
                token);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(badDate.body(), "$.errors[*].field"))
                .containsExactly("licenceExpiry");
        var badStatus = web.postJson("/api/v1/fleet/drivers", json.replace("\"NONE\"", "\"MEMBER\""), token);
        assertThat(JsonPath.<List<String>>read(badStatus.body(), "$.errors[*].field"))
                .containsExactly("partyStatus");
        var badFilter = web.get("/api/v1/fleet/drivers?partyStatus=MEMBER", token);
        assertThat(badFilter.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(badFilter.body(), "$.errors[*].field"))
                .containsExactly("partyStatus");
    }

    @Test
    void searchesByWholeIdNumberAndFiltersByEnterpriseVillagePartyStatusAndExpiry() {
        long member = drivers.create(
                COUNTY,
                TestDrivers.with(
                        TestDrivers.valid("党员", enterpriseB, village.id()),
                        LocalDate.now().plusDays(10),
                        PartyStatus.FULL_MEMBER));
        DriverData otherData = TestDrivers.valid("群众", enterpriseB, null);
        long other = drivers.create(COUNTY, otherData);

        var page = new PageRequest(0, 50, "name", true);
        assertThat(ids(new DriverFilter(null, enterpriseB, null, null, null, null, null, true), page))
                .containsExactlyInAnyOrder(member, other);
        assertThat(ids(new DriverFilter(null, enterpriseB, null, null, village.id(), null, null, true), page))
                .containsExactly(member);
        assertThat(ids(
                        new DriverFilter(null, enterpriseB, null, null, null, PartyStatus.FULL_MEMBER, null, true),
                        page))
                .containsExactly(member);
        assertThat(ids(new DriverFilter(null, enterpriseB, null, null, null, null, true, true), page))
                .as("licence due in 10 days")
                .containsExactly(member);
        assertThat(ids(new DriverFilter(otherData.idNumber(), null, null, null, null, null, null, true), page))
                .containsExactly(other);
        assertThat(ids(
                        new DriverFilter(
                                otherData.idNumber().substring(0, 10), null, null, null, null, null, null, true),
                        page))
                .as("no search by a part of an ID number")
                .isEmpty();
        assertThat(ids(new DriverFilter(otherData.name(), null, null, null, null, null, null, true), page))
                .containsExactly(other);

        drivers.setActive(COUNTY, other, false);
        assertThat(ids(new DriverFilter(null, enterpriseB, null, null, null, null, null, true), page))
                .containsExactly(member);
        assertThat(ids(new DriverFilter(null, enterpriseB, null, null, null, null, null, false), page))
                .containsExactly(other);
    }

    @Test
    void aBlankIdNumberOnEditKeepsTheStoredOneAndConsentChangesAreKept() {
        DriverData data = TestDrivers.valid("编辑", enterpriseA, null);
        long id = drivers.create(COUNTY, data);
        String stored = storedIdNumber(id);

        DriverData edited = DriverData.of(drivers.get(COUNTY, id));
        edited = new DriverData(
                edited.name(),
                edited.phone(),
                null,
                LicenceClass.B2,
                edited.licenceExpiry(),
                null,
                edited.qualificationExpiry(),
                edited.enterpriseId(),
                null,
                village.id(),
                PartyStatus.ACTIVIST,
                null,
                null,
                false,
                null,
                null);
        drivers.update(COUNTY, id, edited);

        Driver after = drivers.get(COUNTY, id);
        assertThat(storedIdNumber(id)).isEqualTo(stored);
        assertThat(encryptor.decrypt(stored)).isEqualTo(data.idNumber());
        assertThat(after.licenceClass()).isEqualTo(LicenceClass.B2);
        assertThat(after.partyStatus()).isEqualTo(PartyStatus.ACTIVIST);
        assertThat(after.consented()).isFalse();
        assertThat(drivers.consentHistory(COUNTY, id))
                .extracting(Drivers.ConsentRecord::given)
                .containsExactly(true, false);
    }

    @Test
    void anEnterpriseUserSeesAndEditsOnlyHisEnterprisesDrivers() {
        long ownId = drivers.create(COUNTY, TestDrivers.valid("本企业", enterpriseA, null));
        DriverData othersData = TestDrivers.valid("外企业", enterpriseB, null);
        long othersId = drivers.create(COUNTY, othersData);
        String username =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseA));
        var web = new WebClient(port);
        String token = web.token(username, TestAccounts.PASSWORD);

        assertThat(web.get("/api/v1/fleet/drivers/" + othersId, token).statusCode())
                .isEqualTo(404);
        assertThat(web.get("/api/v1/fleet/drivers/" + ownId, token).statusCode())
                .isEqualTo(200);
        var list = web.get("/api/v1/fleet/drivers?size=200", token);
        assertThat(JsonPath.<List<Integer>>read(list.body(), "$.content[*].id"))
                .contains((int) ownId)
                .doesNotContain((int) othersId);
        assertThat(JsonPath.<List<Integer>>read(list.body(), "$.content[*].enterpriseId"))
                .containsOnly((int) enterpriseA);
        assertThat(web.putJson("/api/v1/fleet/drivers/" + othersId, TestDrivers.json(othersData), token)
                        .statusCode())
                .isEqualTo(404);

        var forB = web.postJson(
                "/api/v1/fleet/drivers", TestDrivers.json(TestDrivers.valid("越权", enterpriseB, null)), token);
        assertThat(forB.statusCode()).isEqualTo(400);
        assertThat(JsonPath.<List<String>>read(forB.body(), "$.errors[*].code")).containsExactly("fleet.outOfScope");
        var ownWithoutEnterprise = TestDrivers.valid("默认本企业", null, null);
        var created = web.postJson("/api/v1/fleet/drivers", TestDrivers.json(ownWithoutEnterprise), token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(JsonPath.<Integer>read(created.body(), "$.enterpriseId")).isEqualTo((int) enterpriseA);

        web.login(username, TestAccounts.PASSWORD);
        assertThat(web.get("/console/fleet/drivers/" + othersId).statusCode()).isEqualTo(404);
        String search = web.get("/console/fleet/drivers?q="
                        + java.net.URLEncoder.encode(othersData.name(), java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(search).doesNotContain("data-driver-id=\"" + othersId + "\"").contains("没有符合条件的记录");
        assertThatThrownBy(() -> drivers.get(DataScope.enterprise(enterpriseA), othersId))
                .isInstanceOf(RecordNotFoundException.class);
    }

    @Test
    void aPartyOrganisationSubtreeSeesItsEnterprisesDriversAndThoseLivingInItsVillages() {
        var villages = townships.villages(null, false);
        Village branchVillage = villages.get(3);
        Village elsewhere = villages.get(4);
        long committee = partyOrganizations.tree(COUNTY, false).get(0).id();
        long branch = partyOrganizations.create(new PartyOrganizationData(
                committee, PartyOrganizationKind.BRANCH, TestDrivers.name("村党支部"), null, 5, null, branchVillage.id()));
        var enterpriseData = TestEnterprises.valid("支部");
        long covered = enterprises.create(new org.redwheel.organization.EnterpriseData(
                enterpriseData.name(),
                enterpriseData.creditCode(),
                enterpriseData.address(),
                null,
                null,
                enterpriseData.legalRepresentative(),
                null,
                null,
                1,
                null,
                branch,
                false,
                false,
                false,
                false));
        long ofEnterprise = drivers.create(COUNTY, TestDrivers.valid("企业渠道", covered, elsewhere.id()));
        long ofVillage = drivers.create(COUNTY, TestDrivers.valid("村居渠道", null, branchVillage.id()));
        long outside = drivers.create(COUNTY, TestDrivers.valid("范围外", enterpriseB, elsewhere.id()));

        DataScope subtree = DataScope.subtree(branch);
        List<Driver> seen = drivers.search(subtree, DriverFilter.activeOnes(), new PageRequest(0, 200, "name", true))
                .content();
        assertThat(seen)
                .extracting(Driver::id)
                .contains(ofEnterprise, ofVillage)
                .doesNotContain(outside);
        assertThat(seen)
                .as("through the enterprise channel or the residence channel")
                .allMatch(d -> Long.valueOf(covered).equals(d.enterpriseId())
                        || Long.valueOf(branchVillage.id()).equals(d.villageId()));
        assertThat(drivers.find(subtree, outside)).isEmpty();
    }

    @Test
    void theEnterpriseOfficerSeesTheIdNumberMaskedInTheConsoleAndTheApiAndMayNotUnmaskIt() {
        DriverData data = TestDrivers.valid("脱敏", enterpriseA, null);
        long id = drivers.create(COUNTY, data);
        String masked = IdNumbers.mask(data.idNumber());
        String officer =
                new TestAccounts(staffAccounts).create(Role.ENTERPRISE_ADMIN, DataScope.enterprise(enterpriseA));
        var web = new WebClient(port);
        String token = web.token(officer, TestAccounts.PASSWORD);

        var api = web.get("/api/v1/fleet/drivers/" + id, token);
        assertThat(api.body())
                .contains(masked)
                .doesNotContain(data.idNumber())
                .doesNotContain(data.idNumber().substring(6, 14));
        assertThat(JsonPath.<String>read(api.body(), "$.idNumberMasked")).isEqualTo(masked);
        assertThat(JsonPath.<String>read(api.body(), "$.phone"))
                .as("the enterprise calls its drivers")
                .isEqualTo(data.phone());
        var list = web.get("/api/v1/fleet/drivers?q=" + data.phone(), token);
        assertThat(list.body()).contains(masked).doesNotContain(data.idNumber());

        web.login(officer, TestAccounts.PASSWORD);
        var page = web.get("/console/fleet/drivers/" + id);
        assertThat(page.body())
                .contains(masked)
                .doesNotContain(data.idNumber())
                .doesNotContain("data-testid=\"id-number-show\"");

        var refused = web.postJson("/api/v1/fleet/drivers/" + id + "/id-number", "{}", token);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain(data.idNumber());
        var refusedInConsole =
                web.postForm("/console/fleet/drivers/" + id, "/console/fleet/drivers/" + id + "/id-number", Map.of());
        assertThat(refusedInConsole.statusCode()).isEqualTo(403);
        assertThat(refusedInConsole.body()).doesNotContain(data.idNumber());
        assertThat(audit.search(new AuditLog.AuditQuery(officer, "SHOW", null, null, null), 0, 10))
                .isEmpty();
    }

    @Test
    void theCountyOfficeUnmasksTheIdNumberAndEveryViewIsAudited() {
        DriverData data = TestDrivers.valid("查看", enterpriseB, null);
        long id = drivers.create(COUNTY, data);
        String admin = new TestAccounts(staffAccounts).create(Role.COUNTY_ADMIN, COUNTY);
        var web = new WebClient(port);
        String token = web.token(admin, TestAccounts.PASSWORD);

        assertThat(web.get("/api/v1/fleet/drivers/" + id, token).body())
                .as("masked until asked for")
                .doesNotContain(data.idNumber());
        var shown = web.postJson("/api/v1/fleet/drivers/" + id + "/id-number", "{}", token);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JsonPath.<String>read(shown.body(), "$.idNumber")).isEqualTo(data.idNumber());

        web.login(admin, TestAccounts.PASSWORD);
        assertThat(web.get("/console/fleet/drivers/" + id).body()).contains("data-testid=\"id-number-show\"");
        var fragment =
                web.postForm("/console/fleet/drivers/" + id, "/console/fleet/drivers/" + id + "/id-number", Map.of());
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).contains(data.idNumber()).contains("data-revealed=\"true\"");

        assertThat(web.get("/v3/api-docs", token).body())
                .contains("/api/v1/fleet/drivers/{id}/id-number")
                .contains("/api/v1/fleet/assignments")
                .contains("/api/v1/fleet/survey");
        List<AuditEvent> views =
                audit.search(new AuditLog.AuditQuery(admin, "SHOW driver ID number", null, null, null), 0, 10);
        assertThat(views).hasSize(2).allSatisfy(e -> {
            assertThat(e.targetType()).isEqualTo("driver");
            assertThat(e.targetId()).isEqualTo(String.valueOf(id));
            assertThat(e.result()).isEqualTo(AuditLog.SUCCESS);
            assertThat(e.detail()).doesNotContain(data.idNumber());
        });
    }

    @Test
    void aMonitoringOperatorReadsDriversButNeitherWritesNorUnmasks() {
        long id = drivers.create(COUNTY, TestDrivers.valid("值班", enterpriseA, null));
        String operator = new TestAccounts(staffAccounts).create(Role.MONITORING_OPERATOR, COUNTY);
        var web = new WebClient(port);
        String token = web.token(operator, TestAccounts.PASSWORD);
        assertThat(web.get("/api/v1/fleet/drivers/" + id, token).statusCode()).isEqualTo(200);
        assertThat(web.postJson(
                                "/api/v1/fleet/drivers",
                                TestDrivers.json(TestDrivers.valid("值班", enterpriseA, null)),
                                token)
                        .statusCode())
                .isEqualTo(403);
        assertThat(web.postJson("/api/v1/fleet/drivers/" + id + "/id-number", "{}", token)
                        .statusCode())
                .isEqualTo(403);
    }

    private List<Long> ids(DriverFilter filter, PageRequest page) {
        return drivers.search(COUNTY, filter, page).content().stream()
                .map(Driver::id)
                .toList();
    }

    private long countDrivers() {
        return jdbc.sql("select count(*) from fleet_driver").query(Long.class).single();
    }

    private String storedIdNumber(long id) {
        return jdbc.sql("select id_number_encrypted from fleet_driver where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String token(Role role, DataScope scope) {
        String username = new TestAccounts(staffAccounts).create(role, scope);
        return new WebClient(port).token(username, TestAccounts.PASSWORD);
    }

    private static DriverData withIdNumber(DriverData d, String idNumber) {
        return new DriverData(
                d.name(),
                d.phone(),
                idNumber,
                d.licenceClass(),
                d.licenceExpiry(),
                null,
                null,
                d.enterpriseId(),
                d.townshipId(),
                d.villageId(),
                d.partyStatus(),
                d.emergencyContactName(),
                d.emergencyContactPhone(),
                d.locationConsent(),
                d.consentDate(),
                d.consentVersion());
    }
}
