package org.redwheel.spreadsheet;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.redwheel.InvalidInputException;
import org.redwheel.identity.AuditLog;
import org.redwheel.identity.StaffUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Runs imports: checks an upload at once (a workbook, the right sheet and columns, at least one
 * row), then reads, checks and stores it on a worker thread while the console polls its progress.
 * All or nothing: when any row has a problem nothing is stored and the upload is written back with
 * the problems marked. Every import ends in one audit entry with the file name and the counts.
 */
@Service
public class SheetImports {

    private static final Logger log = LoggerFactory.getLogger(SheetImports.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SpreadsheetProperties properties;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final DataSize maxUpload;

    SheetImports(
            SpreadsheetProperties properties,
            MessageSource messages,
            AuditLog audit,
            Clock clock,
            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload) {
        this.properties = properties;
        this.maxUpload = maxUpload;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(
                properties.workers(),
                properties.workers(),
                1,
                TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(properties.queue()),
                task -> {
                    Thread thread = new Thread(task, "sheet-import-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** What an upload may hold, for the upload form. */
    public UploadLimits limits() {
        return new UploadLimits(properties.maxRows(), maxUpload.toBytes(), UploadLimits.text(maxUpload));
    }

    /**
     * The limits of an upload.
     *
     * @param maxRows data rows
     * @param maxBytes file size in bytes
     * @param maxSize file size for people, e.g. "10 MB"
     */
    public record UploadLimits(int maxRows, long maxBytes, String maxSize) {

        static String text(DataSize size) {
            return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
        }
    }

    /** The empty template of the schema, with this installation's row limit. */
    public byte[] template(SheetSchema schema) {
        return SheetWriter.template(schema, properties.maxRows());
    }

    /**
     * Checks the upload and starts importing it in the background for the signed-in staff member.
     *
     * @param returnUrl the list where the imported records appear
     * @return the new import's first view
     * @throws ImportRefusedException when the file is not a workbook of the schema's sheet, or too
     *     many imports are running; nothing is imported then
     */
    public ImportJobView start(
            SheetImport<?> importer, MultipartFile upload, HttpServletRequest request, String returnUrl) {
        StaffUser user = StaffUser.require();
        String sessionId = request.getSession(true).getId();
        purgeExpired();
        if (upload == null || (upload.isEmpty() && isBlank(upload.getOriginalFilename()))) {
            throw ImportRefusedException.of("spreadsheet.file.missing");
        }
        boolean busy = jobs.values().stream()
                .anyMatch(j -> j.accountId == user.accountId() && !j.state().finished());
        if (busy) {
            throw ImportRefusedException.of("spreadsheet.busy.you");
        }
        String fileName = fileName(upload.getOriginalFilename());
        Path file = save(upload);
        try {
            SheetReader.check(file, importer.schema());
            var job = new ImportJob(newId(), user.accountId(), sessionId, fileName, returnUrl, clock.instant());
            jobs.put(job.id, job);
            var context = new Context(user.username(), request.getRemoteAddr(), RequestContextUtils.getLocale(request));
            try {
                workers.execute(() -> run(job, importer, file, context));
            } catch (RejectedExecutionException e) {
                jobs.remove(job.id);
                throw ImportRefusedException.of("spreadsheet.busy.server");
            }
            return job.view(clock.instant());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** The import, if it exists and belongs to this account and session. */
    Optional<ImportJob> find(String id, HttpServletRequest request) {
        purgeExpired();
        var session = request.getSession(false);
        Optional<StaffUser> user = StaffUser.current();
        if (id == null || session == null || user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(jobs.get(id))
                .filter(job -> job.belongsTo(user.get().accountId(), session.getId()));
    }

    ImportJobView view(ImportJob job) {
        return job.view(clock.instant());
    }

    /** The reasons of a refusal in the language of the request. */
    public List<String> explain(ImportRefusedException refusal, HttpServletRequest request) {
        Locale locale = RequestContextUtils.getLocale(request);
        return refusal.reasons().stream()
                .map(r -> message(r.messageKey(), r.args(), locale))
                .toList();
    }

    private record Context(String actor, String remoteAddress, Locale locale) {}

    private <T> void run(ImportJob job, SheetImport<T> importer, Path file, Context context) {
        SheetSchema schema = importer.schema();
        int rows = 0;
        try {
            long start = System.nanoTime();
            job.step(ImportJob.State.READING, 0);
            SheetReader.SheetData data =
                    SheetReader.read(file, schema, properties.maxRows(), (n, estimate) -> job.progress(n, estimate));
            rows = data.rows().size();
            long read = System.nanoTime();
            job.step(ImportJob.State.CHECKING, rows);
            List<T> records = importer.check(data.rows(), job::progress);
            List<SheetRow> bad =
                    data.rows().stream().filter(SheetRow::hasProblems).toList();
            long checked = System.nanoTime();
            if (!bad.isEmpty() || records.size() != rows || records.contains(null)) {
                reject(job, importer, data, bad, context);
                log.info(
                        "Import {} of {} ({} rows) rejected: {} bad rows; read {} ms, checked {} ms",
                        job.id,
                        job.fileName,
                        rows,
                        bad.size(),
                        (read - start) / 1_000_000,
                        (checked - read) / 1_000_000);
                return;
            }
            job.step(ImportJob.State.STORING, rows);
            int stored = importer.store(records, job::progress);
            log.info(
                    "Import {} of {} stored {} {} records; read {} ms, checked {} ms, stored {} ms",
                    job.id,
                    job.fileName,
                    stored,
                    importer.recordType(),
                    (read - start) / 1_000_000,
                    (checked - read) / 1_000_000,
                    (System.nanoTime() - checked) / 1_000_000);
            job.finish(
                    ImportJob.State.DONE,
                    new ImportJob.Outcome(rows, 0, stored, List.of(), 0, List.of(), null),
                    clock.instant());
            record(job, importer, context, AuditLog.SUCCESS, "rows=" + rows + " imported=" + stored);
        } catch (ImportRefusedException e) {
            fail(
                    job,
                    importer,
                    context,
                    rows,
                    e.reasons().stream()
                            .map(r -> message(r.messageKey(), r.args(), context.locale()))
                            .toList());
        } catch (DataIntegrityViolationException | InvalidInputException e) {
            // someone registered the same record between the check and the insert
            log.info("Import {} of {} ran into a concurrent change: {}", job.id, job.fileName, e.getMessage());
            fail(
                    job,
                    importer,
                    context,
                    rows,
                    List.of(message("spreadsheet.job.conflict", List.of(), context.locale())));
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed", job.id, job.fileName, e);
            fail(job, importer, context, rows, List.of(message("spreadsheet.job.failed", List.of(), context.locale())));
        } finally {
            delete(file);
        }
    }

    private void reject(
            ImportJob job, SheetImport<?> importer, SheetReader.SheetData data, List<SheetRow> bad, Context context) {
        SheetSchema schema = importer.schema();
        List<ImportJobView.ProblemLine> lines = new ArrayList<>();
        int count = 0;
        for (SheetRow row : bad) {
            for (SheetRow.Problem problem : row.problems()) {
                count++;
                if (lines.size() < properties.problemsShown()) {
                    lines.add(new ImportJobView.ProblemLine(
                            row.number(), header(schema, problem), message(problem, context.locale())));
                }
            }
        }
        byte[] annotated = SheetWriter.annotated(
                schema, data, row -> problemText(schema, row, context.locale()), properties.maxRows());
        int rows = data.rows().size();
        job.finish(
                ImportJob.State.REJECTED,
                new ImportJob.Outcome(rows, bad.size(), 0, List.copyOf(lines), count, List.of(), annotated),
                clock.instant());
        record(
                job,
                importer,
                context,
                AuditLog.FAILURE,
                "rows=" + rows + " bad=" + bad.size() + " problems=" + count + " imported=0 (rejected)");
    }

    private void fail(ImportJob job, SheetImport<?> importer, Context context, int rows, List<String> reasons) {
        job.finish(
                ImportJob.State.FAILED,
                new ImportJob.Outcome(rows, 0, 0, List.of(), 0, reasons, null),
                clock.instant());
        record(job, importer, context, AuditLog.FAILURE, "rows=" + rows + " imported=0 (failed: " + reasons + ")");
    }

    private void record(ImportJob job, SheetImport<?> importer, Context context, String result, String detail) {
        audit.record(
                context.actor(),
                "IMPORT " + importer.recordType(),
                "import-job",
                job.id,
                result,
                "file=" + job.fileName + " " + detail,
                context.remoteAddress());
    }

    private String problemText(SheetSchema schema, SheetRow row, Locale locale) {
        return row.problems().stream()
                .map(p -> {
                    String column = header(schema, p);
                    String text = message(p, locale);
                    return column.isEmpty() ? text : column + "：" + text;
                })
                .collect(Collectors.joining("；"));
    }

    private static String header(SheetSchema schema, SheetRow.Problem problem) {
        return problem.columnKey() == null
                ? ""
                : schema.column(problem.columnKey()).map(SheetColumn::header).orElse(problem.columnKey());
    }

    private String message(SheetRow.Problem problem, Locale locale) {
        return message(problem.messageKey(), problem.args(), locale);
    }

    /** Numbers are passed as text so that row 1234 does not read "1,234". */
    private String message(String key, List<Object> args, Locale locale) {
        Object[] plain = args.stream()
                .map(a -> a instanceof Number ? String.valueOf(a) : a)
                .toArray();
        return messages.getMessage(key, plain, key, locale);
    }

    private void purgeExpired() {
        var now = clock.instant();
        jobs.values().removeIf(job -> job.expired(now, properties.jobRetention()));
    }

    private static Path save(MultipartFile upload) {
        try {
            Path file = Files.createTempFile("redwheel-import-", ".upload");
            upload.transferTo(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the upload {}", file, e);
        }
    }

    /** The name without any path a browser may send, control characters or quotes; at most 120 characters. */
    static String fileName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}\"]", "")
                .strip();
        if (name.isEmpty()) {
            return "upload.xlsx";
        }
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static String newId() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
