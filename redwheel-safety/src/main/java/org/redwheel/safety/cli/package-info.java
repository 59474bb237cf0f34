/**
 * The {@code replay} command line: a CSV track in, one JSON object per safety event out. See
 * README-replay.md in the module.
 */
package org.redwheel.safety.cli;
