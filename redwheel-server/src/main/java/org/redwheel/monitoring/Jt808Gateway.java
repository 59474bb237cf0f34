package org.redwheel.monitoring;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.redwheel.fleet.FleetRegistry;
import org.redwheel.jt808.netty.Jt808FrameDecoder;
import org.redwheel.jt808.netty.Jt808MessageDecoder;
import org.redwheel.jt808.netty.Jt808MessageEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The TCP server terminals connect to (port 7611 by default). Each connection gets its own frame
 * and message decoders and a {@link TerminalConnection}; database look-ups of registration and
 * authentication run on a small executor, never on the event loops.
 */
@Component
public class Jt808Gateway implements SmartLifecycle {

    static final int PHASE = Integer.MAX_VALUE - 2048;
    private static final Logger log = LoggerFactory.getLogger(Jt808Gateway.class);

    private final GatewayProperties properties;
    private final FleetRegistry fleet;
    private final PositionIngestion ingestion;
    private final TerminalStates states;
    private final TerminalSessions sessions;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private final Jt808MessageEncoder encoder = new Jt808MessageEncoder();
    private final AtomicInteger connections = new AtomicInteger();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ExecutorService lookups;
    private Channel server;
    private volatile int port = -1;
    private int lastPort;

    Jt808Gateway(
            GatewayProperties properties,
            FleetRegistry fleet,
            PositionIngestion ingestion,
            TerminalStates states,
            TerminalSessions sessions,
            MeterRegistry meters,
            Clock clock) {
        this.properties = properties;
        this.fleet = fleet;
        this.ingestion = ingestion;
        this.states = states;
        this.sessions = sessions;
        this.metrics = new GatewayMetrics(meters, connections);
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        workers = new MultiThreadIoEventLoopGroup(properties.workerThreads(), NioIoHandler.newFactory());
        lookups = new ThreadPoolExecutor(2, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "jt808-lookup");
            t.setDaemon(true);
            return t;
        });
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        Jt808MessageDecoder messageDecoder = new Jt808MessageDecoder();
                        channel.pipeline()
                                .addLast(
                                        "idle",
                                        new IdleStateHandler(
                                                properties.idleTimeout().toSeconds(), 0, 0, TimeUnit.SECONDS))
                                .addLast("frames", new Jt808FrameDecoder())
                                .addLast("messages", messageDecoder)
                                .addLast("encoder", encoder)
                                .addLast(
                                        "session",
                                        new TerminalConnection(
                                                messageDecoder,
                                                fleet,
                                                ingestion,
                                                states,
                                                sessions,
                                                metrics,
                                                lookups,
                                                connections,
                                                properties.maxConnections(),
                                                clock));
                    }
                });
        // Port 0 picks a free port at the first start and keeps it across a restart.
        int wanted = properties.port() != 0 ? properties.port() : lastPort;
        try {
            server = bootstrap.bind(properties.host(), wanted).sync().channel();
        } catch (Exception e) {
            // Nothing may keep running (and keep the JVM alive) when the port cannot be had.
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            lookups.shutdownNow();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException(
                    "Cannot listen for JT/T 808 terminals on " + properties.host() + ":" + wanted
                            + " (redwheel.gateway.port, REDWHEEL_JT808_PORT): " + e.getMessage(),
                    e);
        }
        port = ((InetSocketAddress) server.localAddress()).getPort();
        lastPort = port;
        log.info("JT/T 808 gateway listening on {}:{}", properties.host(), port);
    }

    @Override
    public void stop() {
        if (server == null) {
            return;
        }
        server.close().syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        lookups.shutdownNow();
        server = null;
        port = -1;
        log.info("JT/T 808 gateway stopped");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The port terminals connect to, once started (-1 before). */
    public int port() {
        return port;
    }

    /** Location frames held back by back-pressure, over all connections. */
    int waitingFrames() {
        return metrics.waiting();
    }

    /** Connections open now. */
    public int connections() {
        return connections.get();
    }
}
