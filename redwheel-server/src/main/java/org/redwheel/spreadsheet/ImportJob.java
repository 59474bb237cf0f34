package org.redwheel.spreadsheet;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One import running in the background, bound to the account and the session that started it. The
 * worker thread moves it through its states; the console polls a {@link ImportJobView} of it.
 */
final class ImportJob {

    enum State {
        QUEUED,
        READING,
        CHECKING,
        STORING,
        DONE,
        REJECTED,
        FAILED;

        boolean finished() {
            return this == DONE || this == REJECTED || this == FAILED;
        }
    }

    /** What a finished import leaves for the summary and the download. */
    record Outcome(
            int rows,
            int badRows,
            int imported,
            List<ImportJobView.ProblemLine> problems,
            int problemCount,
            List<String> failures,
            byte[] annotated) {}

    final String id;
    final long accountId;
    final String sessionId;
    final String fileName;
    final String returnUrl;
    final Instant startedAt;
    private volatile State state = State.QUEUED;
    private volatile int done;
    private volatile int total;
    private volatile Outcome outcome;
    private volatile Instant finishedAt;

    ImportJob(String id, long accountId, String sessionId, String fileName, String returnUrl, Instant startedAt) {
        this.id = id;
        this.accountId = accountId;
        this.sessionId = sessionId;
        this.fileName = fileName;
        this.returnUrl = returnUrl;
        this.startedAt = startedAt;
    }

    void step(State next, int work) {
        this.done = 0;
        this.total = work;
        this.state = next;
    }

    void progress(int count, int work) {
        this.total = work;
        this.done = count;
    }

    void progress(int count) {
        this.done = count;
    }

    void finish(State end, Outcome result, Instant at) {
        this.outcome = result;
        this.finishedAt = at;
        this.state = end;
    }

    State state() {
        return state;
    }

    Outcome outcome() {
        return outcome;
    }

    boolean expired(Instant now, Duration retention) {
        Instant end = finishedAt;
        return end != null && end.plus(retention).isBefore(now);
    }

    boolean belongsTo(long account, String session) {
        return accountId == account && sessionId.equals(session);
    }

    ImportJobView view(Instant now) {
        State current = state;
        Outcome result = outcome;
        Instant end = finishedAt == null ? now : finishedAt;
        double seconds = Duration.between(startedAt, end).toMillis() / 1000.0;
        if (result == null) {
            return new ImportJobView(
                    id,
                    fileName,
                    current.name(),
                    percent(current),
                    done,
                    total,
                    0,
                    0,
                    0,
                    List.of(),
                    0,
                    List.of(),
                    seconds,
                    returnUrl,
                    false);
        }
        return new ImportJobView(
                id,
                fileName,
                current.name(),
                100,
                done,
                total,
                result.rows(),
                result.badRows(),
                result.imported(),
                result.problems(),
                result.problemCount(),
                result.failures(),
                seconds,
                returnUrl,
                result.annotated() != null);
    }

    /** Reading is the first 30 %, checking the next 30 %, storing the last 40 %. */
    private int percent(State current) {
        int work = total;
        double share = work <= 0 ? 0 : Math.min(1.0, (double) done / work);
        return switch (current) {
            case QUEUED -> 0;
            case READING -> (int) (2 + 28 * share);
            case CHECKING -> (int) (30 + 30 * share);
            case STORING -> (int) (60 + 40 * share);
            case DONE, REJECTED, FAILED -> 100;
        };
    }
}
