package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * A connection problem libzmq reported to a socket monitor: a failed or retried connect, bind or
 * accept, a disconnect, a failed handshake (with its ZMTP or ZAP error code). Instant, without a
 * stack trace (the monitor's thread is not the one at fault). Committed through {@link Events}.
 */
@Name("zmqffm.Connection")
@Label("ZeroMQ Connection Problem")
@Category({"ZeroMQ", "Socket"})
@Description("A connect, bind, accept or handshake failure, or a disconnect, from a socket monitor")
@StackTrace(false)
final class ConnectionEvent extends jdk.jfr.Event {
    @Label("Socket Id")
    long socketId;

    @Label("Event")
    @Description("libzmq's event, e.g. HANDSHAKE_FAILED_AUTH, CONNECT_RETRIED, DISCONNECTED")
    String event;

    @Label("Endpoint")
    String endpoint;

    @Label("Value")
    @Description("The event's value: an errno, a protocol error code, or a retry interval in ms")
    int value;
}
