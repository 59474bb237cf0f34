package org.redwheel.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redwheel.RedWheelTest;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@RedWheelTest
class OrganizationPagesTests {

    private static final DataScope COUNTY = DataScope.county();

    @Autowired
    MockMvc mvc;

    @Autowired
    PartyOrganizations partyOrganizations;

    @Autowired
    GovernmentUnits units;

    @Autowired
    Townships townships;

    @Autowired
    JdbcClient jdbc;

    @Test
    void treeShowsANewBranchIndentedUnderTheCommittee() throws Exception {
        PartyOrganization committee = committee();
        String name = unique("物流企业党支部");

        MvcResult created = mvc.perform(post("/console/party-organizations")
                        .with(countyAdmin())
                        .with(csrf())
                        .param("kind", "BRANCH")
                        .param("parentId", String.valueOf(committee.id()))
                        .param("name", name)
                        .param("secretary", "王建国")
                        .param("membersCount", "12")
                        .param("foundedOn", "2021-07-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/party-organizations/*"))
                .andReturn();
        long id = idAtEndOf(created.getResponse().getRedirectedUrl());

        PartyOrganization branch = partyOrganizations.get(COUNTY, id);
        assertThat(branch.parentId()).isEqualTo(committee.id());
        assertThat(branch.depth()).isEqualTo(1);
        assertThat(branch.foundedOn()).isEqualTo(LocalDate.of(2021, 7, 1));
        assertThat(jdbc.sql("select count(*) from identity_audit_event where target_type = 'party-organization'"
                                + " and target_id = :id")
                        .param("id", String.valueOf(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        String tree = body(mvc.perform(get("/console/party-organizations").with(countyAdmin()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(tree.indexOf(committee.name())).isNotNegative().isLessThan(tree.indexOf(name));
        assertThat(tree)
                .containsPattern(
                        Pattern.compile("class=\"rw-tree-indent-1\">\\s*<a href=\"/console/party-organizations/" + id
                                + "\">" + Pattern.quote(name) + "</a>"));

        String committeePage = body(mvc.perform(
                        get("/console/party-organizations/" + committee.id()).with(countyAdmin()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(committeePage)
                .contains(name)
                .contains("/console/party-organizations/new?parentId=" + committee.id());
    }

    @Test
    void groupDirectlyUnderTheCommitteeIsRefusedBesideTheParentFieldAndNothingIsSaved() throws Exception {
        PartyOrganization committee = committee();
        String name = unique("党小组");

        String page = body(mvc.perform(post("/console/party-organizations")
                        .with(countyAdmin())
                        .with(csrf())
                        .param("kind", "GROUP")
                        .param("parentId", String.valueOf(committee.id()))
                        .param("name", name))
                .andExpect(status().isBadRequest())
                .andReturn());

        assertThat(page)
                .contains("data-error-for=\"parentId\"")
                .contains("上级组织的层级不对")
                .contains("value=\"" + name + "\"");
        assertThat(partyOrganizations.tree(COUNTY, true))
                .extracting(PartyOrganization::name)
                .doesNotContain(name);
    }

    @Test
    void apiRefusesAGroupUnderTheCommitteeWithAProblemNamingTheParentField() throws Exception {
        PartyOrganization committee = committee();
        String name = unique("group");

        String problem = body(mvc.perform(post("/api/v1/organization/party-organizations")
                        .with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GROUP\",\"parentId\":" + committee.id() + ",\"name\":\"" + name + "\"}"))
                .andExpect(status().isBadRequest())
                .andReturn());

        assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).containsExactly("parentId");
        assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].code"))
                .containsExactly("partyOrg.parent.wrongLevel");
        assertThat(partyOrganizations.tree(COUNTY, true))
                .extracting(PartyOrganization::name)
                .doesNotContain(name);
    }

    @Test
    void deactivatingABranchWithAnActiveGroupShowsWhyAndKeepsItActive() throws Exception {
        long branch = partyOrganizations.create(new PartyOrganizationData(
                committee().id(), PartyOrganizationKind.BRANCH, unique("支部"), null, 5, null, null));
        partyOrganizations.create(
                new PartyOrganizationData(branch, PartyOrganizationKind.GROUP, unique("小组"), null, 3, null, null));

        String page = body(mvc.perform(post("/console/party-organizations/" + branch + "/active")
                        .with(countyAdmin())
                        .with(csrf())
                        .param("active", "false"))
                .andExpect(status().isBadRequest())
                .andReturn());

        assertThat(page).contains("该组织还有在册的下级组织，不能停用。");
        assertThat(partyOrganizations.get(COUNTY, branch).active()).isTrue();
    }

    @Test
    void unitListFiltersByMembershipInPlace() throws Exception {
        String prefix = unique("单位");
        units.create(unit(prefix + "甲", true, false));
        units.create(unit(prefix + "乙", false, true));
        units.create(unit(prefix + "丙", false, false));

        String jointMeeting = body(mvc.perform(get("/console/units")
                        .with(countyAdmin())
                        .header("HX-Request", "true")
                        .param("q", prefix)
                        .param("membership", "jointMeeting"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(jointMeeting).contains(prefix + "甲").doesNotContain(prefix + "乙", prefix + "丙");
        assertThat(jointMeeting).contains("id=\"results\"").doesNotContain("<nav");

        String alliance = body(mvc.perform(get("/console/units")
                        .with(countyAdmin())
                        .param("q", prefix)
                        .param("membership", "escortAlliance"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(alliance).contains(prefix + "乙").doesNotContain(prefix + "甲", prefix + "丙");

        String all = body(mvc.perform(
                        get("/api/v1/organization/units").with(countyAdmin()).param("q", prefix))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(JsonPath.<List<String>>read(all, "$[*].name"))
                .containsExactlyInAnyOrder(prefix + "甲", prefix + "乙", prefix + "丙");
        String allianceApi = body(mvc.perform(get("/api/v1/organization/units")
                        .with(countyAdmin())
                        .param("q", prefix)
                        .param("membership", "escortAlliance"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(JsonPath.<List<String>>read(allianceApi, "$[*].name")).containsExactly(prefix + "乙");
    }

    @Test
    void departmentOfficerCannotSeeAnotherUnitInTheConsoleOrTheApi() throws Exception {
        long unitA = units.create(unit(unique("本部门"), true, false));
        String nameB = unique("其他部门");
        long unitB = units.create(unit(nameB, false, true));
        RequestPostProcessor officerOfA = user(Role.DEPARTMENT_OFFICER, DataScope.department(unitA));

        mvc.perform(get("/console/units/" + unitA).with(officerOfA)).andExpect(status().isOk());
        mvc.perform(get("/console/units/" + unitB).with(officerOfA)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organization/units/" + unitB).with(officerOfA)).andExpect(status().isNotFound());
        String visible = body(mvc.perform(get("/api/v1/organization/units").with(officerOfA))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(JsonPath.<List<Integer>>read(visible, "$[*].id")).containsExactly((int) unitA);
        String list = body(mvc.perform(get("/console/units").with(officerOfA))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(list).doesNotContain(nameB);
    }

    @Test
    void unitCreatedThroughTheApiReadsBackTheSame() throws Exception {
        String name = unique("交通运输局");

        String created = body(mvc.perform(post("/api/v1/organization/units")
                        .with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "shortName": "交通局", "duties": "运输安全",
                                 "contactName": "李明", "contactPhone": "13912345678",
                                 "jointMeeting": true, "jointMeetingLead": false, "escortAlliance": true}
                                """.formatted(name)))
                .andExpect(status().isCreated())
                .andReturn());
        long id = JsonPath.<Number>read(created, "$.id").longValue();

        String read = body(mvc.perform(get("/api/v1/organization/units/" + id).with(countyAdmin()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(JsonPath.<String>read(read, "$.name")).isEqualTo(name);
        assertThat(JsonPath.<String>read(read, "$.shortName")).isEqualTo("交通局");
        assertThat(JsonPath.<String>read(read, "$.contactPhone")).isEqualTo("13912345678");
        assertThat(JsonPath.<Boolean>read(read, "$.jointMeeting")).isTrue();
        assertThat(JsonPath.<Boolean>read(read, "$.jointMeetingLead")).isFalse();
        assertThat(JsonPath.<Boolean>read(read, "$.escortAlliance")).isTrue();
        assertThat(JsonPath.<Boolean>read(read, "$.active")).isTrue();
        assertThat(units.get(COUNTY, id).duties()).isEqualTo("运输安全");
    }

    @Test
    void townshipWithAMalformedCodeIsRefusedBesideTheCodeField() throws Exception {
        String name = unique("镇");

        String page = body(mvc.perform(post("/console/townships")
                        .with(countyAdmin())
                        .with(csrf())
                        .param("name", name)
                        .param("code", "37132910"))
                .andExpect(status().isBadRequest())
                .andReturn());

        assertThat(page).contains("data-error-for=\"code\"").contains("区划代码为9位数字。");
        assertThat(townships.list(true)).extracting(Township::name).doesNotContain(name);

        String problem = body(mvc.perform(post("/api/v1/organization/townships")
                        .with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"code\":\"37132A100\"}"))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).containsExactly("code");
        assertThat(townships.list(true)).extracting(Township::name).doesNotContain(name);
    }

    @Test
    void villageAddedOnTheTownshipPageIsListedAndCounted() throws Exception {
        long township = townships.createTownship(unique("镇"), code());
        String village = unique("村");

        mvc.perform(post("/console/townships/" + township + "/villages")
                        .with(countyAdmin())
                        .with(csrf())
                        .param("name", village))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/townships/" + township));

        String page = body(mvc.perform(get("/console/townships/" + township).with(countyAdmin()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page).contains(village);
        assertThat(townships.find(township).orElseThrow().villages()).isEqualTo(1);

        String secondVillage = unique("社区");
        mvc.perform(post("/api/v1/organization/townships/" + township + "/villages")
                        .with(countyAdmin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + secondVillage + "\"}"))
                .andExpect(status().isCreated());
        String villages = body(mvc.perform(get("/api/v1/organization/townships/" + township + "/villages")
                        .with(countyAdmin()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(JsonPath.<List<String>>read(villages, "$[*].name"))
                .containsExactlyInAnyOrder(village, secondVillage);
    }

    @Test
    void readersWithoutWriteRightCannotAddVillages() throws Exception {
        long township = townships.createTownship(unique("镇"), code());
        RequestPostProcessor operator = user(Role.MONITORING_OPERATOR, COUNTY);

        mvc.perform(post("/api/v1/organization/townships/" + township + "/villages")
                        .with(operator)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + unique("村") + "\"}"))
                .andExpect(status().isForbidden());
        assertThat(townships.villages(township, true)).isEmpty();
    }

    @Test
    void everyPageRendersInChineseAndEnglishWithoutMissingMessages() throws Exception {
        PartyOrganization committee = committee();
        long branch = partyOrganizations.create(new PartyOrganizationData(
                committee.id(), PartyOrganizationKind.BRANCH, unique("支部"), "张三", 8, LocalDate.of(2020, 5, 4), null));
        long unit = units.create(
                new GovernmentUnitData(unique("司法局"), "司法局", "法律援助", "赵六", "0539-6212345", true, true, true));
        long township = townships.createTownship(unique("镇"), code());
        townships.createVillage(township, unique("村"));
        List<String> pages = List.of(
                "/console/party-organizations",
                "/console/party-organizations?inactive=true",
                "/console/party-organizations/" + branch,
                "/console/party-organizations/new",
                "/console/party-organizations/new?parentId=" + branch,
                "/console/party-organizations/" + branch + "/edit",
                "/console/units",
                "/console/units/" + unit,
                "/console/units/new",
                "/console/units/" + unit + "/edit",
                "/console/townships",
                "/console/townships/" + township);

        for (String language : List.of("zh_CN", "en")) {
            for (String page : pages) {
                String html = body(mvc.perform(get(page).param("lang", language).with(countyAdmin()))
                        .andExpect(status().isOk())
                        .andReturn());
                assertThat(html).as(page + " in " + language).doesNotContain("??");
            }
        }
    }

    @Test
    void unitFormNamesTheLeadFieldWhenTheLeadIsNoJointMeetingMember() throws Exception {
        String name = unique("公安局");

        String page = body(mvc.perform(post("/console/units")
                        .with(countyAdmin())
                        .with(csrf())
                        .param("name", name)
                        .param("_jointMeeting", "on")
                        .param("jointMeetingLead", "true")
                        .param("_jointMeetingLead", "on")
                        .param("escortAlliance", "true")
                        .param("_escortAlliance", "on"))
                .andExpect(status().isBadRequest())
                .andReturn());

        assertThat(page).contains("data-error-for=\"jointMeetingLead\"").contains("牵头单位须是联席会议成员单位。");
        assertThat(units.list(COUNTY, name, null, true)).isEmpty();
        // The browser sends the markers because the form carries them.
        assertThat(page).contains("name=\"_jointMeeting\"", "name=\"_jointMeetingLead\"", "name=\"_escortAlliance\"");
    }

    @Test
    void subtreeAdministratorCannotReachOrBuildUnderAnotherBranch() throws Exception {
        PartyOrganization committee = committee();
        long own = partyOrganizations.create(new PartyOrganizationData(
                committee.id(), PartyOrganizationKind.BRANCH, unique("本支部"), null, 6, null, null));
        long other = partyOrganizations.create(new PartyOrganizationData(
                committee.id(), PartyOrganizationKind.BRANCH, unique("他支部"), null, 6, null, null));
        RequestPostProcessor branchAdmin = user(Role.COUNTY_ADMIN, DataScope.subtree(own));
        String name = unique("小组");

        mvc.perform(get("/console/party-organizations/" + other).with(branchAdmin))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/organization/party-organizations/" + other + "/children")
                        .with(branchAdmin))
                .andExpect(status().isNotFound());
        String problem = body(mvc.perform(post("/api/v1/organization/party-organizations")
                        .with(branchAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GROUP\",\"parentId\":" + other + ",\"name\":\"" + name + "\"}"))
                .andExpect(status().isBadRequest())
                .andReturn());
        assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).containsExactly("parentId");
        assertThat(partyOrganizations.children(COUNTY, other)).isEmpty();

        mvc.perform(post("/api/v1/organization/party-organizations")
                        .with(branchAdmin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"GROUP\",\"parentId\":" + own + ",\"name\":\"" + name + "\"}"))
                .andExpect(status().isCreated());
        assertThat(partyOrganizations.children(COUNTY, own))
                .extracting(PartyOrganization::name)
                .containsExactly(name);
    }

    @Test
    void editingABranchKeepsItsPlaceInTheTree() throws Exception {
        PartyOrganization committee = committee();
        long branch = partyOrganizations.create(new PartyOrganizationData(
                committee.id(), PartyOrganizationKind.BRANCH, unique("支部"), null, 4, null, null));
        String renamed = unique("更名支部");

        mvc.perform(post("/console/party-organizations/" + branch)
                        .with(countyAdmin())
                        .with(csrf())
                        .param("name", renamed)
                        .param("secretary", "孙七")
                        .param("membersCount", "9"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/party-organizations/" + branch));

        PartyOrganization changed = partyOrganizations.get(COUNTY, branch);
        assertThat(changed.name()).isEqualTo(renamed);
        assertThat(changed.membersCount()).isEqualTo(9);
        assertThat(changed.parentId()).isEqualTo(committee.id());
        assertThat(changed.kind()).isEqualTo(PartyOrganizationKind.BRANCH);
    }

    private PartyOrganization committee() {
        return partyOrganizations.tree(COUNTY, true).stream()
                .filter(o -> o.kind() == PartyOrganizationKind.COMMITTEE)
                .findFirst()
                .orElseGet(() -> partyOrganizations.get(
                        COUNTY,
                        partyOrganizations.create(new PartyOrganizationData(
                                null, PartyOrganizationKind.COMMITTEE, unique("行业党委"), null, 3, null, null))));
    }

    private static GovernmentUnitData unit(String name, boolean jointMeeting, boolean escortAlliance) {
        return new GovernmentUnitData(name, null, null, null, null, jointMeeting, false, escortAlliance);
    }

    private static RequestPostProcessor countyAdmin() {
        return user(Role.COUNTY_ADMIN, COUNTY);
    }

    private static RequestPostProcessor user(Role role, DataScope scope) {
        StaffUser user = new StaffUser(
                ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000),
                "test-" + role.name().toLowerCase(),
                "测试 " + role.name(),
                role,
                scope,
                false,
                false);
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p.name())));
        return authentication(new UsernamePasswordAuthenticationToken(user, null, authorities));
    }

    private static String unique(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String code() {
        return "%09d".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    private static long idAtEndOf(String url) {
        return Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
