package org.redwheel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * SQL parameters named after a record's components, to which more values can be added (JdbcClient
 * does not mix a parameter source with single parameters).
 */
public final class RecordParameters {

    private RecordParameters() {}

    public static MapSqlParameterSource of(Record record) {
        MapSqlParameterSource source = new MapSqlParameterSource();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            try {
                source.addValue(component.getName(), component.getAccessor().invoke(record));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + record.getClass(), e);
            }
        }
        return source;
    }
}
