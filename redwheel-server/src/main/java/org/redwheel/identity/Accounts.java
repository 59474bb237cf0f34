package org.redwheel.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.redwheel.SqlRows;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Staff accounts, in plain SQL. */
@Repository
class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from identity_account where username = :username")
                .param("username", username)
                .query(Accounts::map)
                .optional();
    }

    Optional<Account> findById(long id) {
        return jdbc.sql("select * from identity_account where id = :id")
                .param("id", id)
                .query(Accounts::map)
                .optional();
    }

    List<Account> findAll(String search, int offset, int limit) {
        return jdbc.sql("""
                        select * from identity_account
                        where (:q = '' or username ilike :like or display_name ilike :like)
                        order by username offset :offset limit :limit
                        """)
                .param("q", search == null ? "" : search)
                .param("like", "%" + (search == null ? "" : search) + "%")
                .param("offset", offset)
                .param("limit", limit)
                .query(Accounts::map)
                .list();
    }

    long count(String search) {
        return jdbc.sql("""
                        select count(*) from identity_account
                        where (:q = '' or username ilike :like or display_name ilike :like)
                        """)
                .param("q", search == null ? "" : search)
                .param("like", "%" + (search == null ? "" : search) + "%")
                .query(Long.class)
                .single();
    }

    List<Account> findActiveInScope(Role role, DataScope scope) {
        return jdbc.sql("""
                        select * from identity_account
                        where active and role = :role and scope_kind = :kind
                          and scope_id is not distinct from cast(:target as bigint)
                        order by id
                        """)
                .param("role", role.name())
                .param("kind", scope.kind().name())
                .param("target", scope.targetId())
                .query(Accounts::map)
                .list();
    }

    boolean existsByUsername(String username) {
        return jdbc.sql("select count(*) from identity_account where username = :username")
                        .param("username", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(
            String username,
            String displayName,
            String phone,
            String passwordHash,
            Role role,
            DataScope scope,
            boolean mustChangePassword,
            Instant now) {
        return jdbc.sql("""
                        insert into identity_account
                            (username, display_name, phone, password_hash, role, scope_kind, scope_id,
                             must_change_password, created_at, updated_at)
                        values (:username, :displayName, :phone, :hash, :role, :scopeKind, :scopeId,
                                :mustChange, :now, :now)
                        returning id
                        """)
                .param("username", username)
                .param("displayName", displayName)
                .param("phone", phone)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("scopeKind", scope.kind().name())
                .param("scopeId", scope.targetId())
                .param("mustChange", mustChangePassword)
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    /**
     * Counts a failed login and locks the account when the limit is reached. A failure after an
     * expired lock starts a new count.
     */
    void recordFailure(long id, int maxFailures, Instant lockUntil, Instant now) {
        jdbc.sql("""
                        update identity_account set
                            failed_attempts = case when locked_until <= cast(:now as timestamptz)
                                                   then 1 else failed_attempts + 1 end,
                            locked_until = case
                                when locked_until <= cast(:now as timestamptz) then
                                    case when 1 >= cast(:max as int) then cast(:lockUntil as timestamptz) end
                                when failed_attempts + 1 >= cast(:max as int) then cast(:lockUntil as timestamptz)
                                else locked_until end
                        where id = :id
                        """)
                .param("id", id)
                .param("max", maxFailures)
                .param("lockUntil", Timestamp.from(lockUntil))
                .param("now", Timestamp.from(now))
                .update();
    }

    void recordSuccess(long id, Instant now) {
        jdbc.sql("""
                        update identity_account
                        set failed_attempts = 0, locked_until = null, last_login_at = :now
                        where id = :id
                        """).param("id", id).param("now", Timestamp.from(now)).update();
    }

    void changePassword(long id, String hash, boolean mustChange, Instant now) {
        jdbc.sql("""
                        update identity_account
                        set password_hash = :hash, must_change_password = :mustChange,
                            password_changed_at = :now, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("hash", hash)
                .param("mustChange", mustChange)
                .param("now", Timestamp.from(now))
                .update();
    }

    void unlock(long id, Instant now) {
        jdbc.sql("""
                        update identity_account set failed_attempts = 0, locked_until = null, updated_at = :now
                        where id = :id
                        """).param("id", id).param("now", Timestamp.from(now)).update();
    }

    void setActive(long id, boolean active, Instant now) {
        jdbc.sql("update identity_account set active = :active, updated_at = :now where id = :id")
                .param("id", id)
                .param("active", active)
                .param("now", Timestamp.from(now))
                .update();
    }

    void update(long id, String displayName, String phone, Role role, DataScope scope, Instant now) {
        jdbc.sql("""
                        update identity_account
                        set display_name = :displayName, phone = :phone, role = :role,
                            scope_kind = :scopeKind, scope_id = :scopeId, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("displayName", displayName)
                .param("phone", phone)
                .param("role", role.name())
                .param("scopeKind", scope.kind().name())
                .param("scopeId", scope.targetId())
                .param("now", Timestamp.from(now))
                .update();
    }

    void storeTotpSecret(long id, String encryptedSecret, boolean enabled, Instant now) {
        jdbc.sql("""
                        update identity_account set totp_secret = :secret, totp_enabled = :enabled, updated_at = :now
                        where id = :id
                        """)
                .param("id", id)
                .param("secret", encryptedSecret)
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        ScopeKind kind = ScopeKind.valueOf(rs.getString("scope_kind"));
        Long target = SqlRows.nullableLong(rs, "scope_id");
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("phone"),
                rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")),
                new DataScope(kind, target),
                rs.getBoolean("must_change_password"),
                rs.getInt("failed_attempts"),
                SqlRows.instant(rs, "locked_until"),
                rs.getString("totp_secret"),
                rs.getBoolean("totp_enabled"),
                rs.getBoolean("active"),
                SqlRows.instant(rs, "last_login_at"),
                SqlRows.instant(rs, "created_at"));
    }
}
