/**
 * Netty pipeline pieces for the gateway and the simulator: {@link
 * org.redwheel.jt808.netty.Jt808FrameDecoder} splits the byte stream on 0x7E, {@link
 * org.redwheel.jt808.netty.Jt808MessageDecoder} checks, reassembles and types the frames, {@link
 * org.redwheel.jt808.netty.Jt808MessageEncoder} writes {@link org.redwheel.jt808.netty.OutboundMessage}s.
 *
 * <p>A typical pipeline: {@code Jt808FrameDecoder, Jt808MessageDecoder, Jt808MessageEncoder, your
 * handler}. Both decoders hold per-connection state: create them for each channel. A malformed frame
 * reaches {@code exceptionCaught} as a {@link org.redwheel.jt808.Jt808DecodeException}; the channel
 * stays open and the next frame is decoded.
 */
package org.redwheel.jt808.netty;
