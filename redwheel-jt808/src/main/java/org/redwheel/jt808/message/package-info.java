/**
 * Typed JT/T 808 messages as records, one per message id, for both directions.
 *
 * <p>Fields keep the protocol's own units (0.1 km/h, micro-degrees, unsigned values widened to
 * {@code int}/{@code long}) so that encoding a decoded message gives back the same bytes; derived
 * accessors give the everyday units. Anything the codec does not know stays raw ({@link RawMessage},
 * {@link ExtraItem.Raw}, {@link TerminalParameter.Raw}) so real devices' vendor additions survive.
 */
package org.redwheel.jt808.message;
