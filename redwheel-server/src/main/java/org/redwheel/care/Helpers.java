package org.redwheel.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.identity.DataScope;
import org.redwheel.identity.Role;
import org.redwheel.identity.StaffAccounts;
import org.redwheel.identity.StaffAccounts.AccountSummary;
import org.redwheel.organization.PartyOrganization;
import org.redwheel.organization.PartyOrganizations;
import org.redwheel.organization.PhoneNumbers;
import org.redwheel.organization.Townships;
import org.redwheel.organization.Village;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helper Party members (帮扶党员) of the villages. The county office (or a Party organisation
 * for its villages) registers them, and gives each a console account with the role HELPER, or
 * links one the security administrator made. Writes check everything first and change nothing when
 * a field is wrong.
 */
@Service
public class Helpers {

    private static final int MAX_NAME = 40;

    private static final String SELECT = """
            select h.*, (select count(*) from care_assignment a where a.helper_id = h.id and a.ends_on is null)
                       as drivers
            from care_helper h
            """;

    private final JdbcClient jdbc;
    private final CareScopes scopes;
    private final Townships townships;
    private final PartyOrganizations partyOrganizations;
    private final StaffAccounts accounts;
    private final Clock clock;

    Helpers(
            JdbcClient jdbc,
            CareScopes scopes,
            Townships townships,
            PartyOrganizations partyOrganizations,
            StaffAccounts accounts,
            Clock clock) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.townships = townships;
        this.partyOrganizations = partyOrganizations;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * The helpers within the scope, by township, village and name.
     *
     * @param townshipId only this township's villages (null: all)
     * @param villageId only this village (null: all)
     * @param q part of the name or phone (null: all)
     */
    public List<Helper> list(DataScope scope, Long townshipId, Long villageId, String q, boolean includeInactive) {
        CareScopes.Condition condition = scopes.helpers(scope, "h");
        Map<String, Object> params = new HashMap<>(condition.params());
        StringBuilder where = new StringBuilder(" where ").append(condition.sql());
        if (villageId != null) {
            where.append(" and h.village_id = :villageId");
            params.put("villageId", villageId);
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (h.name ilike :q or h.phone like :q)");
            params.put(
                    "q",
                    "%" + q.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (!includeInactive) {
            where.append(" and h.active");
        }
        Names names = new Names();
        List<Helper> helpers = jdbc.sql(SELECT + where + " order by h.name, h.id")
                .params(params)
                .query((rs, n) -> map(rs, names))
                .list();
        return helpers.stream()
                .filter(h -> townshipId == null || h.townshipId() == townshipId)
                .sorted(Comparator.comparingInt((Helper h) -> names.villageOrder(h.villageId())))
                .toList();
    }

    /** The helper, if he exists and lies within the scope. */
    public Optional<Helper> find(DataScope scope, long id) {
        CareScopes.Condition condition = scopes.helpers(scope, "h");
        Names names = new Names();
        return jdbc.sql(SELECT + " where h.id = :id and " + condition.sql())
                .params(condition.params())
                .param("id", id)
                .query((rs, n) -> map(rs, names))
                .optional();
    }

    public Helper get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new RecordNotFoundException("helper", id));
    }

    /** The helper whose console account this is. */
    public Optional<Helper> ofAccount(long accountId) {
        Names names = new Names();
        return jdbc.sql(SELECT + " where h.account_id = :account")
                .param("account", accountId)
                .query((rs, n) -> map(rs, names))
                .optional();
    }

    /** Any helper by id, whoever asks: for the module's own services, never for a request as such. */
    Optional<Helper> byId(long id) {
        return find(DataScope.county(), id);
    }

    /**
     * Registers a helper of a village within the scope.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long create(DataScope scope, HelperData data) {
        HelperData d = clean(data);
        List<Violation> v = violations(scope, d);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        insert into care_helper (name, phone, village_id, party_organization_id, created_at, updated_at)
                        values (:name, :phone, :village, :organization, :now, :now) returning id
                        """)
                .param("name", d.name())
                .param("phone", d.phone())
                .param("village", d.villageId())
                .param("organization", d.partyOrganizationId())
                .param("now", now)
                .query(Long.class)
                .single();
    }

    @Transactional
    public void update(DataScope scope, long id, HelperData data) {
        get(scope, id);
        HelperData d = clean(data);
        List<Violation> v = violations(scope, d);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        jdbc.sql("""
                        update care_helper set name = :name, phone = :phone, village_id = :village,
                            party_organization_id = :organization, updated_at = :now
                        where id = :id
                        """)
                .param("name", d.name())
                .param("phone", d.phone())
                .param("village", d.villageId())
                .param("organization", d.partyOrganizationId())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /**
     * Deactivates (or reactivates) a helper. A helper who still cares for drivers cannot be
     * deactivated: reassign them first, so no driver is left without one unnoticed.
     */
    @Transactional
    public void setActive(DataScope scope, long id, boolean active) {
        Helper helper = get(scope, id);
        if (!active && helper.drivers() > 0) {
            throw InvalidInputException.of("active", "care.helper.hasDrivers");
        }
        jdbc.sql("update care_helper set active = :active, updated_at = :now where id = :id")
                .param("active", active)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /**
     * Links an existing active staff account with the role HELPER (made by the security
     * administrator) to the helper.
     */
    @Transactional
    public void linkAccount(DataScope scope, long id, String username) {
        get(scope, id);
        String name = username == null ? "" : username.trim().toLowerCase();
        AccountSummary account = accounts.findByUsername(name)
                .orElseThrow(() -> InvalidInputException.of("username", "care.helper.account.unknown"));
        if (account.role() != Role.HELPER || !account.active()) {
            throw InvalidInputException.of("username", "care.helper.account.notHelper");
        }
        Optional<Helper> holder = ofAccount(account.id());
        if (holder.isPresent() && holder.get().id() != id) {
            throw InvalidInputException.of("username", "care.helper.account.taken");
        }
        setAccount(id, account.id());
    }

    /**
     * Creates a console account (role HELPER, assigned scope) for the helper, who must choose his
     * own password at the first sign-in, and links it.
     *
     * @return the new account's id
     * @throws InvalidInputException for a taken or malformed user name or a weak password
     */
    @Transactional
    public long createAccount(DataScope scope, long id, String username, String initialPassword) {
        Helper helper = get(scope, id);
        if (helper.hasAccount()) {
            throw InvalidInputException.of("username", "care.helper.account.exists");
        }
        long accountId = accounts.create(new StaffAccounts.NewAccount(
                username, helper.name(), helper.phone(), initialPassword, Role.HELPER, DataScope.assigned(), true));
        setAccount(id, accountId);
        return accountId;
    }

    private void setAccount(long id, long accountId) {
        jdbc.sql("update care_helper set account_id = :account, updated_at = :now where id = :id")
                .param("account", accountId)
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    /** Party organisations a helper may belong to, within the scope. */
    public List<PartyOrganization> organizations(DataScope scope) {
        return partyOrganizations.tree(scope, false);
    }

    private HelperData clean(HelperData data) {
        return new HelperData(
                data.name() == null ? "" : data.name().trim(),
                data.phone() == null || data.phone().isBlank()
                        ? null
                        : data.phone().trim().replace(" ", ""),
                data.villageId(),
                data.partyOrganizationId());
    }

    private List<Violation> violations(DataScope scope, HelperData d) {
        List<Violation> v = new ArrayList<>();
        if (d.name().isEmpty()) {
            v.add(new Violation("name", "validation.required"));
        } else if (d.name().length() > MAX_NAME || d.name().matches(".*\\d.*")) {
            v.add(new Violation("name", "care.helper.name.format"));
        }
        if (d.phone() == null) {
            v.add(new Violation("phone", "validation.required"));
        } else if (!PhoneNumbers.isValid(d.phone())) {
            v.add(new Violation("phone", "validation.phone"));
        }
        Optional<Village> village = d.villageId() == null ? Optional.empty() : townships.findVillage(d.villageId());
        if (d.villageId() == null) {
            v.add(new Violation("villageId", "validation.required"));
        } else if (village.isEmpty() || !village.get().active()) {
            v.add(new Violation("villageId", "validation.unknownReference"));
        }
        if (d.partyOrganizationId() != null
                && partyOrganizations.find(scope, d.partyOrganizationId()).isEmpty()) {
            v.add(new Violation("partyOrganizationId", "validation.unknownReference"));
        }
        if (v.isEmpty() && !scopes.covers(scope, d.villageId(), d.partyOrganizationId())) {
            v.add(new Violation("villageId", "care.helper.outsideScope"));
        }
        return v;
    }

    private Helper map(ResultSet rs, Names names) throws SQLException {
        long villageId = rs.getLong("village_id");
        Village village = names.village(villageId);
        Long organizationId = SqlRows.nullableLong(rs, "party_organization_id");
        Long accountId = SqlRows.nullableLong(rs, "account_id");
        return new Helper(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("phone"),
                villageId,
                village == null ? "#" + villageId : village.name(),
                village == null ? 0 : village.townshipId(),
                village == null ? null : village.townshipName(),
                organizationId,
                organizationId == null ? null : names.organization(organizationId),
                accountId,
                accountId == null ? null : names.username(accountId),
                rs.getBoolean("active"),
                rs.getInt("drivers"));
    }

    /** Names read once per list. */
    private final class Names {

        private Map<Long, Village> villages;
        private Map<Long, Integer> order;
        private final Map<Long, String> organizations = new HashMap<>();
        private final Map<Long, String> usernames = new HashMap<>();

        Village village(long id) {
            if (villages == null) {
                villages = new LinkedHashMap<>();
                order = new HashMap<>();
                for (Village v : townships.villages(null, true)) {
                    order.put(v.id(), villages.size());
                    villages.put(v.id(), v);
                }
            }
            return villages.get(id);
        }

        int villageOrder(long id) {
            village(id);
            return order.getOrDefault(id, Integer.MAX_VALUE);
        }

        String organization(long id) {
            return organizations.computeIfAbsent(
                    id,
                    key -> partyOrganizations
                            .find(DataScope.county(), key)
                            .map(PartyOrganization::name)
                            .orElse("#" + key));
        }

        String username(long id) {
            return usernames.computeIfAbsent(
                    id, key -> accounts.find(key).map(AccountSummary::username).orElse("#" + key));
        }
    }
}
