package org.redwheel.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.redwheel.jt808.Jt808DecodeException;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.Jt808Header;
import org.redwheel.jt808.message.BatchLocationUpload;
import org.redwheel.jt808.message.Heartbeat;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.Location;
import org.redwheel.jt808.message.LocationReport;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.Results;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalGeneralResponse;
import org.redwheel.jt808.message.TerminalRegistration;
import org.redwheel.jt808.message.TextMessage;
import org.redwheel.jt808.netty.Jt808FrameDecoder;
import org.redwheel.jt808.netty.Jt808MessageDecoder;
import org.redwheel.jt808.netty.Jt808MessageEncoder;
import org.redwheel.jt808.netty.OutboundMessage;

/**
 * A minimal JT/T 808 platform on 127.0.0.1 built from the codec's handlers: registers every
 * terminal with auth code {@code AUTH} + phone, accepts that code, acknowledges heartbeats and
 * locations (storing them), and can stop acknowledging, drop connections and send texts.
 */
final class TestPlatform implements AutoCloseable {

    /** A fix as the platform received it. */
    record ReceivedFix(String phone, int messageId, boolean blindArea, Location location) {}

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;
    private final Jt808MessageEncoder encoder = new Jt808MessageEncoder();
    private final AtomicInteger serial = new AtomicInteger();
    private final Map<String, Channel> terminals = new ConcurrentHashMap<>();
    private final List<Channel> connections = new CopyOnWriteArrayList<>();

    private final List<Jt808Envelope> messages = new CopyOnWriteArrayList<>();
    private final List<ReceivedFix> fixes = new CopyOnWriteArrayList<>();
    private final List<Jt808DecodeException.Reason> decodeErrors = new CopyOnWriteArrayList<>();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    private volatile boolean acknowledgeLocations = true;
    private volatile String greeting;

    private TestPlatform() {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.incrementAndGet();
                        connections.add(ch);
                        ch.pipeline()
                                .addLast(
                                        new ReadCounter(),
                                        new Jt808FrameDecoder(),
                                        new Jt808MessageDecoder(),
                                        encoder,
                                        new PlatformHandler());
                    }
                })
                .bind("127.0.0.1", 0)
                .syncUninterruptibly()
                .channel();
    }

    static TestPlatform start() {
        return new TestPlatform();
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    SimulatorOptions options() {
        return SimulatorOptions.defaults("127.0.0.1", port());
    }

    /** Whether 0x0200 and 0x0704 are answered with 0x8001 (they are still stored either way). */
    void acknowledgeLocations(boolean on) {
        acknowledgeLocations = on;
    }

    /** A text sent to every terminal right after it authenticates. */
    void greetOnAuthentication(String text) {
        greeting = text;
    }

    /** Closes every terminal connection from the platform's side. */
    void disconnectAll() {
        connections.forEach(Channel::close);
    }

    void sendText(String phone, String text) {
        Channel channel = terminals.get(withoutPadding(phone));
        if (channel == null) {
            throw new IllegalStateException("no terminal " + phone + " online");
        }
        send(channel, phone, TextMessage.spokenAndShown(text));
    }

    List<Jt808Envelope> messages() {
        return List.copyOf(messages);
    }

    List<Jt808Envelope> messages(int messageId) {
        return messages.stream()
                .filter(envelope -> envelope.header().messageId() == messageId)
                .toList();
    }

    List<ReceivedFix> fixes() {
        return List.copyOf(fixes);
    }

    List<Jt808DecodeException.Reason> decodeErrors() {
        return List.copyOf(decodeErrors);
    }

    /** Socket reads on all connections: more reads than frames means frames came in pieces. */
    long reads() {
        return reads.get();
    }

    long connectionsAccepted() {
        return accepted.get();
    }

    long openConnections() {
        return connections.stream().filter(Channel::isActive).count();
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private void send(Channel channel, String phone, Jt808Message message) {
        Jt808Envelope first = messages.stream()
                .filter(envelope -> withoutPadding(envelope.header().phone()).equals(withoutPadding(phone)))
                .findFirst()
                .orElseThrow();
        channel.writeAndFlush(new OutboundMessage(
                first.header().version(), first.header().phone(), serial.getAndIncrement() & 0xFFFF, message));
    }

    private static String withoutPadding(String phone) {
        return phone.replaceFirst("^0+(?=.)", "");
    }

    private final class ReadCounter extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof ByteBuf) {
                reads.incrementAndGet();
            }
            ctx.fireChannelRead(message);
        }
    }

    private final class PlatformHandler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object read) {
            if (!(read instanceof Jt808Envelope envelope)) {
                return;
            }
            messages.add(envelope);
            Jt808Header header = envelope.header();
            String phone = header.phone();
            Jt808Message message = envelope.message();
            if (message instanceof TerminalRegistration) {
                answer(ctx, header, RegistrationResponse.accepted(header.serial(), "AUTH" + header.terminalPhone()));
            } else if (message instanceof TerminalAuthentication authentication) {
                boolean known = authentication.authCode().equals("AUTH" + header.terminalPhone());
                answer(ctx, header, general(header, known ? Results.SUCCESS : Results.FAILURE));
                if (known) {
                    terminals.put(header.terminalPhone(), ctx.channel());
                    String text = greeting;
                    if (text != null) {
                        send(ctx.channel(), phone, TextMessage.spokenAndShown(text));
                    }
                }
            } else if (message instanceof Heartbeat) {
                answer(ctx, header, general(header, Results.SUCCESS));
            } else if (message instanceof LocationReport report) {
                fixes.add(new ReceivedFix(phone, header.messageId(), false, report.location()));
                if (acknowledgeLocations) {
                    answer(ctx, header, general(header, Results.SUCCESS));
                }
            } else if (message instanceof BatchLocationUpload batch) {
                List<ReceivedFix> received = new ArrayList<>();
                for (Location location : batch.locations()) {
                    received.add(new ReceivedFix(phone, header.messageId(), batch.blindArea(), location));
                }
                fixes.addAll(received);
                if (acknowledgeLocations) {
                    answer(ctx, header, general(header, Results.SUCCESS));
                }
            } else if (!(message instanceof TerminalGeneralResponse)) {
                answer(ctx, header, general(header, Results.UNSUPPORTED));
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            if (cause instanceof Jt808DecodeException e) {
                decodeErrors.add(e.reason());
            } else {
                ctx.close();
            }
        }

        private PlatformGeneralResponse general(Jt808Header header, int result) {
            return new PlatformGeneralResponse(header.serial(), header.messageId(), result);
        }

        private void answer(ChannelHandlerContext ctx, Jt808Header header, Jt808Message message) {
            ctx.writeAndFlush(
                    new OutboundMessage(header.version(), header.phone(), serial.getAndIncrement() & 0xFFFF, message));
        }
    }
}
