package org.redwheel.appeals;

/**
 * Filters of the appeal list; null fields do not filter.
 *
 * @param state {@code open} (not yet resolved), {@code solved}, or null for all
 * @param overdue only those past their acceptance or resolve deadline now
 * @param q part of the driver's name or of the description
 */
public record AppealFilter(
        String state,
        AppealStatus status,
        AppealCategory category,
        AppealChannel channel,
        Boolean overdue,
        Long problemId,
        String q) {

    public static AppealFilter all() {
        return new AppealFilter(null, null, null, null, null, null, null);
    }

    public static AppealFilter open() {
        return new AppealFilter("open", null, null, null, null, null, null);
    }
}
