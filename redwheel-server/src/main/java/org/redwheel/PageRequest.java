package org.redwheel;

import java.util.Map;

/**
 * A page of a list with a sort from a whitelist: the requested sort key is looked up, never
 * spliced into SQL.
 */
public record PageRequest(int page, int size, String sortKey, boolean ascending) {

    public static final int MAX_SIZE = 200;

    public PageRequest {
        page = Math.max(page, 0);
        size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
    }

    public int offset() {
        return page * size;
    }

    /**
     * The ORDER BY clause for the key, or the default when the key is not whitelisted; the id column
     * breaks ties so that pages are stable.
     */
    public String orderBy(Map<String, String> whitelist, String defaultKey, String idColumn) {
        String column = whitelist.getOrDefault(sortKey, whitelist.get(defaultKey));
        return " order by " + column + (ascending ? " asc" : " desc") + ", " + idColumn + " asc";
    }
}
