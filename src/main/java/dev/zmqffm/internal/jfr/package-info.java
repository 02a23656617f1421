/**
 * zmq-ffm's JFR events ({@code zmqffm.*}) and {@link dev.zmqffm.internal.jfr.Events}, the only
 * class that creates them. Event classes are package-private: nothing outside commits one.
 */
@NullMarked
package dev.zmqffm.internal.jfr;

import org.jspecify.annotations.NullMarked;
