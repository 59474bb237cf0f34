package org.redwheel.fleet;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.redwheel.Page;
import org.redwheel.PageRequest;
import org.redwheel.identity.AuditWriteFilter;
import org.redwheel.identity.StaffUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API of the JT/T 808 terminals of the registry, within the caller's data scope. */
@RestController
@RequestMapping("/api/v1/fleet/terminals")
@PreAuthorize("hasAuthority('FLEET_READ')")
@Tag(name = "terminals", description = "JT/T 808 terminals (车载终端)")
@SecurityRequirement(name = "bearer")
class TerminalApi {

    private final Terminals terminals;

    TerminalApi(Terminals terminals) {
        this.terminals = terminals;
    }

    @GetMapping
    @Operation(
            summary = "List terminals",
            description = "Paged; sort by phone, plate, protocolVersion, registeredAt, createdAt.")
    Page<TerminalDetails> list(
            @RequestParam(required = false) @Parameter(description = "part of number, device id or plate") String q,
            @RequestParam(required = false) @Parameter(description = "fitted to a vehicle (true) or in stock (false)")
                    Boolean bound,
            @RequestParam(defaultValue = "true") Boolean active,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(defaultValue = "phone") String sort,
            @RequestParam(defaultValue = "asc") String direction) {
        return terminals.search(
                StaffUser.require().scope(),
                q,
                bound,
                active,
                new PageRequest(page, size, sort, !"desc".equalsIgnoreCase(direction)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One terminal", description = "404 outside the caller's scope.")
    TerminalDetails get(@PathVariable long id) {
        return terminals.get(StaffUser.require().scope(), id);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Register a terminal",
            description = "The gateway accepts its registration (0x0100) from then on. 400 with every offending field.")
    ResponseEntity<TerminalDetails> create(@RequestBody TerminalData data) {
        var scope = StaffUser.require().scope();
        long id = terminals.create(scope, data);
        AuditWriteFilter.target("terminal", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(terminals.get(scope, id));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Change a terminal",
            description = "A new number forgets the authentication code: the terminal must register again.")
    TerminalDetails update(@PathVariable long id, @RequestBody TerminalData data) {
        var scope = StaffUser.require().scope();
        terminals.get(scope, id);
        AuditWriteFilter.target("terminal", id);
        terminals.update(scope, id, data);
        return terminals.get(scope, id);
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('FLEET_WRITE')")
    @Operation(
            summary = "Deactivate a terminal",
            description = "The gateway refuses it from now on and it leaves its vehicle. Never deleted.")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        AuditWriteFilter.target("terminal", id);
        terminals.setActive(StaffUser.require().scope(), id, false);
        return ResponseEntity.noContent().build();
    }
}
