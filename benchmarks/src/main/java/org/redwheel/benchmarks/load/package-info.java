/**
 * The end-to-end load harness: simulated terminals as real JT/T 808 TCP clients against a running
 * server, measuring acknowledgement latency, durably stored positions per second and the server's
 * CPU and memory. Run from {@code benchmarks/target/benchmarks.jar} with {@code java -cp ...
 * org.redwheel.benchmarks.load.LoadHarness}, or through {@code benchmarks/load-test.sh}; never by the
 * build.
 */
package org.redwheel.benchmarks.load;
