package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A socket was closed (by its owner, or by its context's close). Committed through {@link Events}. */
@Name("zmqffm.SocketClose")
@Label("ZeroMQ Socket Closed")
@Category({"ZeroMQ", "Lifecycle"})
@StackTrace(true)
final class SocketCloseEvent extends jdk.jfr.Event {
    @Label("Socket Id")
    long socketId;

    @Label("Socket Type")
    String socketType;
}
