/**
 * The {@code decode} command line: hex frames in, one JSON object per frame out. See
 * README-decode.md in the module.
 */
package org.redwheel.jt808.cli;
