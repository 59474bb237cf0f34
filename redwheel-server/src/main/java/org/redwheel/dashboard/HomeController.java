package org.redwheel.dashboard;

import org.redwheel.appeals.AppealSupervision;
import org.redwheel.care.ThreeOnes;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Permission;
import org.redwheel.identity.StaffUser;
import org.redwheel.monitoring.Assessments;
import org.redwheel.organization.EnterpriseRegistry;
import org.redwheel.organization.GovernmentUnits;
import org.redwheel.organization.PartyOrganizationKind;
import org.redwheel.organization.PartyOrganizations;
import org.redwheel.organization.Townships;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console home: what the signed-in role needs to see first. */
@Controller
class HomeController {

    private final EnterpriseRegistry enterprises;
    private final PartyOrganizations partyOrganizations;
    private final GovernmentUnits units;
    private final Townships townships;
    private final Assessments assessments;
    private final AppealSupervision appeals;
    private final ThreeOnes threeOnes;

    HomeController(
            EnterpriseRegistry enterprises,
            PartyOrganizations partyOrganizations,
            GovernmentUnits units,
            Townships townships,
            Assessments assessments,
            AppealSupervision appeals,
            ThreeOnes threeOnes) {
        this.enterprises = enterprises;
        this.partyOrganizations = partyOrganizations;
        this.units = units;
        this.townships = townships;
        this.assessments = assessments;
        this.appeals = appeals;
        this.threeOnes = threeOnes;
    }

    @GetMapping({"/", "/console"})
    String home(Model model) {
        StaffUser user = StaffUser.require();
        model.addAttribute("user", user);
        if (user.has(Permission.ORGANIZATION_READ)) {
            DataScope scope = user.scope();
            var tree = partyOrganizations.tree(scope, false);
            model.addAttribute("coverage", enterprises.coverage(scope));
            model.addAttribute(
                    "branches",
                    tree.stream()
                            .filter(o -> o.kind() != PartyOrganizationKind.COMMITTEE)
                            .count());
            model.addAttribute(
                    "partyMembers",
                    tree.stream()
                            .filter(o -> o.kind() == PartyOrganizationKind.BRANCH)
                            .mapToInt(o -> o.membersCount())
                            .sum());
            var allUnits = units.list(scope, null, null, false);
            model.addAttribute(
                    "jointMeetingUnits",
                    allUnits.stream().filter(u -> u.jointMeeting()).count());
            model.addAttribute(
                    "allianceDepartments",
                    allUnits.stream().filter(u -> u.escortAlliance()).count());
            model.addAttribute("townships", townships.list(false).size());
            model.addAttribute("villages", townships.villages(null, false).size());
            if (scope.isCounty()) {
                assessments.latestCounty().ifPresent(a -> model.addAttribute("assessment", a));
                model.addAttribute("appeals", appeals.summary());
            }
            if (user.has(Permission.ORGANIZATION_WRITE)) {
                model.addAttribute("threeOnes", threeOnes.report(scope).total());
            }
        }
        return "dashboard/home";
    }
}
