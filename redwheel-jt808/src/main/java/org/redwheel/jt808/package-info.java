/**
 * The JT/T 808 codec (2011, 2013, 2019), free of Spring and of Netty's channel machinery.
 *
 * <p>{@link org.redwheel.jt808.Jt808Decoder} turns one frame's bytes into a
 * {@link org.redwheel.jt808.Jt808Envelope} (header plus typed message) or throws
 * {@link org.redwheel.jt808.Jt808DecodeException}, never anything else.
 * {@link org.redwheel.jt808.Jt808Encoder} writes escaped frames for a version, phone and serial,
 * splitting long bodies into packets. {@link org.redwheel.jt808.Reassembler} puts segmented
 * messages back together and says which packets to ask for again. The {@code netty} sub-package
 * wraps these as pipeline handlers; {@code message} holds the message records; {@code cli} is the
 * {@code decode} command line.
 */
package org.redwheel.jt808;
