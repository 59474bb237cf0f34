package org.redwheel.organization;

import java.util.List;
import java.util.Optional;
import org.redwheel.InvalidInputException;
import org.redwheel.RecordNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Townships and their villages: reference data every staff member may read. */
@Service
public class Townships {

    private final JdbcClient jdbc;

    Townships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Township> list(boolean includeInactive) {
        return jdbc.sql("""
                        select t.*, (select count(*) from organization_village v where v.township_id = t.id and v.active) as villages
                        from organization_township t
                        """ + (includeInactive ? "" : " where t.active") + " order by t.code")
                .query((rs, n) -> new Township(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("code"),
                        rs.getInt("villages"),
                        rs.getBoolean("active")))
                .list();
    }

    public Optional<Township> find(long id) {
        return list(true).stream().filter(t -> t.id() == id).findFirst();
    }

    public List<Village> villages(Long townshipId, boolean includeInactive) {
        return jdbc.sql("""
                        select v.*, t.name as township_name from organization_village v
                        join organization_township t on t.id = v.township_id
                        where (cast(:townshipId as bigint) is null or v.township_id = :townshipId)
                        """ + (includeInactive ? "" : " and v.active") + " order by t.code, v.name")
                .param("townshipId", townshipId)
                .query(Townships::village)
                .list();
    }

    public Optional<Village> findVillage(long id) {
        return jdbc.sql("""
                        select v.*, t.name as township_name from organization_village v
                        join organization_township t on t.id = v.township_id where v.id = :id
                        """).param("id", id).query(Townships::village).optional();
    }

    /**
     * Creates a township.
     *
     * @param code the 9-digit township-level administrative division code
     */
    @Transactional
    public long createTownship(String name, String code) {
        String cleanName = name == null ? "" : name.trim();
        String cleanCode = code == null ? "" : code.trim();
        var violations = new java.util.ArrayList<InvalidInputException.Violation>();
        if (cleanName.isEmpty()) {
            violations.add(new InvalidInputException.Violation("name", "validation.required"));
        } else if (count("select count(*) from organization_township where name = :v", cleanName) > 0) {
            violations.add(new InvalidInputException.Violation("name", "township.name.taken"));
        }
        if (!cleanCode.matches("\\d{9}")) {
            violations.add(new InvalidInputException.Violation("code", "township.code.format"));
        } else if (count("select count(*) from organization_township where code = :v", cleanCode) > 0) {
            violations.add(new InvalidInputException.Violation("code", "township.code.taken"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return jdbc.sql("insert into organization_township (name, code) values (:name, :code) returning id")
                .param("name", cleanName)
                .param("code", cleanCode)
                .query(Long.class)
                .single();
    }

    @Transactional
    public long createVillage(long townshipId, String name) {
        find(townshipId).orElseThrow(() -> InvalidInputException.of("townshipId", "validation.unknownReference"));
        String cleanName = name == null ? "" : name.trim();
        if (cleanName.isEmpty()) {
            throw InvalidInputException.of("name", "validation.required");
        }
        if (jdbc.sql("select count(*) from organization_village where township_id = :t and name = :n")
                        .param("t", townshipId)
                        .param("n", cleanName)
                        .query(Long.class)
                        .single()
                > 0) {
            throw InvalidInputException.of("name", "village.name.taken");
        }
        return jdbc.sql("insert into organization_village (township_id, name) values (:t, :n) returning id")
                .param("t", townshipId)
                .param("n", cleanName)
                .query(Long.class)
                .single();
    }

    @Transactional
    public void setVillageActive(long id, boolean active) {
        findVillage(id).orElseThrow(() -> new RecordNotFoundException("village", id));
        jdbc.sql("update organization_village set active = :a where id = :id")
                .param("a", active)
                .param("id", id)
                .update();
    }

    @Transactional
    public void setTownshipActive(long id, boolean active) {
        find(id).orElseThrow(() -> new RecordNotFoundException("township", id));
        jdbc.sql("update organization_township set active = :a where id = :id")
                .param("a", active)
                .param("id", id)
                .update();
    }

    private long count(String sql, String value) {
        return jdbc.sql(sql).param("v", value).query(Long.class).single();
    }

    private static Village village(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Village(
                rs.getLong("id"),
                rs.getLong("township_id"),
                rs.getString("township_name"),
                rs.getString("name"),
                rs.getBoolean("active"));
    }
}
