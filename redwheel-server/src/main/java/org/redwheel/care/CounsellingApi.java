package org.redwheel.care;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.redwheel.care.Counselling.CounsellingData;
import org.redwheel.care.Counselling.CounsellingRecord;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The counsellor's own counselling records (confidential): nobody reaches another counsellor's
 * record through the API; it is not found.
 */
@RestController
@RequestMapping("/api/v1/care/counselling")
@PreAuthorize("hasAnyAuthority('ORGANIZATION_WRITE', 'CARE_HELPER')")
@Tag(name = "counselling", description = "Confidential counselling at the talk corners (畅言吧心理疏导)")
@SecurityRequirement(name = "bearer")
class CounsellingApi {

    private final Counselling counselling;

    CounsellingApi(Counselling counselling) {
        this.counselling = counselling;
    }

    @GetMapping
    @Operation(summary = "The caller's own records", description = "Without their content.")
    List<CounsellingRecord> mine() {
        return counselling.mine(StaffUser.require());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One of the caller's own records", description = "Anybody else's record is 404.")
    CounsellingRecord get(@PathVariable long id) {
        return counselling.get(StaffUser.require(), id);
    }

    @PostMapping
    @Operation(summary = "Record counselling", description = "The content is stored encrypted.")
    ResponseEntity<CounsellingRecord> record(@RequestBody CounsellingRequest request) {
        StaffUser user = StaffUser.require();
        long id = counselling.record(
                user, new CounsellingData(request.cornerId(), request.driverId(), request.heldOn(), request.content()));
        AuditWriteFilter.target("counselling", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(counselling.get(user, id));
    }

    /** A counselling record to make. */
    record CounsellingRequest(Long cornerId, Long driverId, LocalDate heldOn, String content) {}
}
