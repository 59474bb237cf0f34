package org.redwheel.jt808.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Captures Netty's "LEAK:" reports. The detector runs at PARANOID level (every buffer tracked) and
 * logs through java.util.logging here, since no other logging library is on the test class path; a
 * handler on its logger collects the reports, and {@link #collect} provokes them by collecting
 * garbage and allocating, which is when Netty checks for buffers collected unreleased.
 */
final class LeakReports {

    /** Leaks from frames that contain this name are deliberate (the detector's self-check). */
    static final String DELIBERATE = "leakOnPurpose";

    private static final List<String> REPORTS = new CopyOnWriteArrayList<>();
    // strong reference: java.util.logging holds loggers weakly
    private static final Logger DETECTOR_LOG = Logger.getLogger(ResourceLeakDetector.class.getName());

    static {
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        // reports go to the assertion that finds them, not to the console (the self-check leaks on purpose)
        DETECTOR_LOG.setUseParentHandlers(false);
        DETECTOR_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                if (message != null && message.contains("LEAK:")) {
                    REPORTS.add(message);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
    }

    private LeakReports() {}

    static void install() {
        if (!(InternalLoggerFactory.getDefaultFactory() instanceof JdkLoggerFactory)) {
            throw new IllegalStateException("leak capture expects Netty to log through java.util.logging");
        }
    }

    /** Leak reports so far, deliberate ones excluded unless asked for. */
    static List<String> collect(boolean includeDeliberate) {
        for (int round = 0; round < 5; round++) {
            System.gc();
            for (int i = 0; i < 100; i++) {
                ByteBufAllocator.DEFAULT.buffer(8).release();
                Unpooled.buffer(8).release();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return REPORTS.stream()
                .filter(report -> includeDeliberate || !report.contains(DELIBERATE))
                .toList();
    }

    /** Allocates a buffer and drops it unreleased. */
    static void leakOnPurpose() {
        ByteBuf leaked = ByteBufAllocator.DEFAULT.buffer(16);
        leaked.writeInt(42);
    }
}
