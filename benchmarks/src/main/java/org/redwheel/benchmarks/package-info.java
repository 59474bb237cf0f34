/**
 * JMH micro-benchmarks of the hot paths a gateway runs per frame. They are packaged into {@code
 * target/benchmarks.jar} and run only from there (see the module's README), never by the build.
 */
package org.redwheel.benchmarks;
