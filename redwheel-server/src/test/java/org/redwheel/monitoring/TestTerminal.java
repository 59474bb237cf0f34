package org.redwheel.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Optional;
import org.redwheel.jt808.Jt808Decoder;
import org.redwheel.jt808.Jt808Encoder;
import org.redwheel.jt808.Jt808Envelope;
import org.redwheel.jt808.ProtocolVersion;
import org.redwheel.jt808.message.Jt808Message;
import org.redwheel.jt808.message.PlatformGeneralResponse;
import org.redwheel.jt808.message.RegistrationResponse;
import org.redwheel.jt808.message.TerminalAuthentication;
import org.redwheel.jt808.message.TerminalRegistration;

/**
 * A bare JT/T 808 terminal over a real TCP socket, for gateway tests: writes encoded frames and
 * reads the platform's frames one by one, with a read timeout so a test never hangs.
 */
final class TestTerminal implements AutoCloseable {

    final String phone;
    final ProtocolVersion version;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private int serial;

    TestTerminal(int port, String phone, ProtocolVersion version) throws IOException {
        this.phone = phone;
        this.version = version;
        this.socket = new Socket("127.0.0.1", port);
        this.socket.setSoTimeout(10_000);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Sends a message and returns its serial number. */
    int send(Jt808Message message) throws IOException {
        int s = serial++;
        for (byte[] frame : Jt808Encoder.encode(version, phone, s, message)) {
            out.write(frame);
        }
        out.flush();
        return s;
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next frame from the platform, decoded. */
    Jt808Envelope receive() throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != 0x7E) {
            if (b < 0) {
                throw new IOException("connection closed by the platform");
            }
        }
        frame.write(0x7E);
        while ((b = in.read()) != 0x7E) {
            if (b < 0) {
                throw new IOException("connection closed inside a frame");
            }
            frame.write(b);
        }
        frame.write(0x7E);
        return Jt808Decoder.decode(
                frame.toByteArray(), version == ProtocolVersion.V2011 ? ProtocolVersion.V2011 : null);
    }

    /** The next frame, which must be a 0x8001 answering the given serial. */
    PlatformGeneralResponse acknowledgement(int ofSerial) throws IOException {
        Jt808Envelope envelope = receive();
        if (!(envelope.message() instanceof PlatformGeneralResponse response)
                || response.responseSerial() != ofSerial) {
            throw new AssertionError("expected 0x8001 for serial " + ofSerial + " but got " + envelope);
        }
        return response;
    }

    /** Whether the platform has closed the connection (reads end of stream within the timeout). */
    boolean closedByPlatform() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /** Registers and authenticates; returns the auth code, or empty when registration was refused. */
    Optional<String> signIn(String deviceId) throws IOException {
        int registration = send(new TerminalRegistration(37, 1329, "RDWHL", "RW-T1", deviceId, 2, "鲁Q00000"));
        Jt808Envelope answer = receive();
        RegistrationResponse response = (RegistrationResponse) answer.message();
        if (response.responseSerial() != registration || response.result() != 0) {
            return Optional.empty();
        }
        int auth = send(TerminalAuthentication.of(response.authCode()));
        PlatformGeneralResponse ack = acknowledgement(auth);
        if (ack.result() != 0) {
            throw new AssertionError("authentication refused");
        }
        return Optional.of(response.authCode());
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
