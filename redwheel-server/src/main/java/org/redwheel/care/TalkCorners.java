package org.redwheel.care;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redwheel.InvalidInputException;
import org.redwheel.InvalidInputException.Violation;
import org.redwheel.RecordNotFoundException;
import org.redwheel.SqlRows;
import org.redwheel.places.Place;
import org.redwheel.places.PlaceKind;
import org.redwheel.places.Places;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The talk corners (畅言吧): places of kind {@link PlaceKind#TALK_CORNER} in the service centre,
 * driver homes, post stations and enterprises, where drivers get answers in sessions of questions
 * and answers, and counselling ({@link Counselling}, confidential: here only counted).
 */
@Service
public class TalkCorners {

    private static final int MAX_TOPIC = 100;
    private static final int MAX_TEXT = 4000;

    private final JdbcClient jdbc;
    private final Places places;
    private final Clock clock;

    TalkCorners(JdbcClient jdbc, Places places, Clock clock) {
        this.jdbc = jdbc;
        this.places = places;
        this.clock = clock;
    }

    /** The active corners with their sessions, attendees and counselling counted. */
    public List<Corner> corners() {
        Map<Long, long[]> sessions = new HashMap<>();
        jdbc.sql("select corner_id, count(*), coalesce(sum(attendees), 0) from care_talk_session group by corner_id")
                .query(rs -> {
                    sessions.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        Map<Long, Long> counselling = new HashMap<>();
        jdbc.sql("select corner_id, count(*) from care_counselling where corner_id is not null group by corner_id")
                .query(rs -> {
                    counselling.put(rs.getLong(1), rs.getLong(2));
                });
        return places.list(PlaceKind.TALK_CORNER, false).stream()
                .map(p -> new Corner(
                        p,
                        sessions.getOrDefault(p.id(), new long[2])[0],
                        sessions.getOrDefault(p.id(), new long[2])[1],
                        counselling.getOrDefault(p.id(), 0L)))
                .toList();
    }

    /** The talk corner; 404 for any other place. */
    public Place corner(long id) {
        return places.find(id)
                .filter(p -> p.kind() == PlaceKind.TALK_CORNER)
                .orElseThrow(() -> new RecordNotFoundException("talk corner", id));
    }

    /** The corner's sessions, newest first. */
    public List<Session> sessions(long cornerId) {
        corner(cornerId);
        return jdbc.sql("select * from care_talk_session where corner_id = :corner order by held_on desc, id desc")
                .param("corner", cornerId)
                .query((rs, n) -> new Session(
                        rs.getLong("id"),
                        rs.getLong("corner_id"),
                        rs.getObject("held_on", LocalDate.class),
                        rs.getString("topic"),
                        rs.getString("questions_answers"),
                        rs.getInt("attendees"),
                        rs.getString("recorded_by"),
                        SqlRows.instant(rs, "recorded_at")))
                .list();
    }

    /**
     * Records a session of a corner.
     *
     * @throws InvalidInputException naming every wrong field; nothing is stored then
     */
    @Transactional
    public long recordSession(SessionData data, String actor) {
        List<Violation> v = new ArrayList<>();
        if (data.cornerId() == null) {
            v.add(new Violation("cornerId", "validation.required"));
        } else if (places.find(data.cornerId())
                .filter(p -> p.kind() == PlaceKind.TALK_CORNER && p.active())
                .isEmpty()) {
            v.add(new Violation("cornerId", "validation.unknownReference"));
        }
        LocalDate today = new ThreeOnesCompliance(clock).today();
        if (data.heldOn() == null) {
            v.add(new Violation("heldOn", "validation.required"));
        } else if (data.heldOn().isAfter(today)) {
            v.add(new Violation("heldOn", "validation.notInFuture"));
        }
        String topic = data.topic() == null ? "" : data.topic().trim();
        if (topic.isEmpty()) {
            v.add(new Violation("topic", "validation.required"));
        } else if (topic.length() > MAX_TOPIC) {
            v.add(new Violation("topic", "validation.tooLong"));
        }
        if (data.questionsAnswers() != null && data.questionsAnswers().length() > MAX_TEXT) {
            v.add(new Violation("questionsAnswers", "validation.tooLong"));
        }
        if (data.attendees() == null || data.attendees() < 1 || data.attendees() > 1000) {
            v.add(new Violation("attendees", "validation.range"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return jdbc.sql("""
                        insert into care_talk_session (corner_id, held_on, topic, questions_answers, attendees,
                                                       recorded_by, recorded_at)
                        values (:corner, :heldOn, :topic, :qa, :attendees, :actor, :now) returning id
                        """)
                .param("corner", data.cornerId())
                .param("heldOn", Date.valueOf(data.heldOn()))
                .param("topic", topic)
                .param(
                        "qa",
                        data.questionsAnswers() == null
                                        || data.questionsAnswers().isBlank()
                                ? null
                                : data.questionsAnswers().strip())
                .param("attendees", data.attendees())
                .param("actor", actor)
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
    }

    /**
     * The year's figures per month: sessions, attendees and counselling records (only counted: the
     * records themselves are confidential).
     */
    public Statistics statistics(int year) {
        Map<Integer, long[]> months = new HashMap<>();
        jdbc.sql("""
                        select extract(month from held_on)::int, count(*), coalesce(sum(attendees), 0)
                        from care_talk_session where extract(year from held_on) = :year group by 1
                        """).param("year", year).query(rs -> {
            long[] m = months.computeIfAbsent(rs.getInt(1), k -> new long[3]);
            m[0] = rs.getLong(2);
            m[1] = rs.getLong(3);
        });
        jdbc.sql("""
                        select extract(month from held_on)::int, count(*) from care_counselling
                        where extract(year from held_on) = :year group by 1
                        """).param("year", year).query(rs -> {
            months.computeIfAbsent(rs.getInt(1), k -> new long[3])[2] = rs.getLong(2);
        });
        List<MonthFigures> rows = new ArrayList<>();
        long sessions = 0;
        long attendees = 0;
        long counselling = 0;
        for (int m = 1; m <= 12; m++) {
            long[] f = months.getOrDefault(m, new long[3]);
            rows.add(new MonthFigures(YearMonth.of(year, m), f[0], f[1], f[2]));
            sessions += f[0];
            attendees += f[1];
            counselling += f[2];
        }
        return new Statistics(
                year,
                rows,
                sessions,
                attendees,
                counselling,
                places.list(PlaceKind.TALK_CORNER, false).size());
    }

    /** A corner with its figures. */
    public record Corner(Place place, long sessions, long attendees, long counselling) {}

    /** A session of questions and answers. */
    public record Session(
            long id,
            long cornerId,
            LocalDate heldOn,
            String topic,
            String questionsAnswers,
            int attendees,
            String recordedBy,
            java.time.Instant recordedAt) {}

    /** What the office enters for a session. */
    public record SessionData(
            Long cornerId, LocalDate heldOn, String topic, String questionsAnswers, Integer attendees) {}

    /** A month's figures. */
    public record MonthFigures(YearMonth month, long sessions, long attendees, long counselling) {}

    /** A year's figures of all corners. */
    public record Statistics(
            int year, List<MonthFigures> months, long sessions, long attendees, long counselling, int corners) {}
}
