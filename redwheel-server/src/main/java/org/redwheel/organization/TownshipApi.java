package org.redwheel.organization;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redwheel.RecordNotFoundException;
import org.redwheel.identity.AuditWriteFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the townships and villages: reference data that every reader of the organisation sees. */
@RestController
@RequestMapping("/api/v1/organization/townships")
@PreAuthorize("hasAuthority('ORGANIZATION_READ')")
@Tag(name = "townships", description = "Townships (镇/街道) and villages (村/社区)")
@SecurityRequirement(name = "bearer")
class TownshipApi {

    private final Townships townships;

    TownshipApi(Townships townships) {
        this.townships = townships;
    }

    @GetMapping
    @Operation(summary = "List townships", description = "Ordered by division code, with their active village counts.")
    List<Township> list(@RequestParam(defaultValue = "false") boolean includeInactive) {
        return townships.list(includeInactive);
    }

    @GetMapping("/{id}/villages")
    @Operation(summary = "The villages of a township", description = "404 when the township does not exist.")
    List<Village> villages(@PathVariable long id, @RequestParam(defaultValue = "false") boolean includeInactive) {
        township(id);
        return townships.villages(id, includeInactive);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Register a township",
            description = "The code is the 9-digit township-level division code. 400 with the offending fields"
                    + " when the name or code is missing, malformed or taken; nothing is stored then.")
    ResponseEntity<Township> create(@RequestBody TownshipData data) {
        long id = townships.createTownship(data.name(), data.code());
        AuditWriteFilter.target("township", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(township(id));
    }

    @PostMapping("/{id}/villages")
    @PreAuthorize("hasAuthority('ORGANIZATION_WRITE')")
    @Operation(
            summary = "Add a village to a township",
            description = "404 when the township does not exist; 400 when the name is missing or taken there.")
    ResponseEntity<Village> createVillage(@PathVariable long id, @RequestBody VillageData data) {
        township(id);
        long villageId = townships.createVillage(id, data.name());
        AuditWriteFilter.target("village", villageId);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(townships.findVillage(villageId).orElseThrow());
    }

    private Township township(long id) {
        return townships.find(id).orElseThrow(() -> new RecordNotFoundException("township", id));
    }
}
