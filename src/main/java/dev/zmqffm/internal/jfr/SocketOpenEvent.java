package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A socket was created. Committed through {@link Events}. */
@Name("zmqffm.SocketOpen")
@Label("ZeroMQ Socket Opened")
@Category({"ZeroMQ", "Lifecycle"})
@StackTrace(true)
final class SocketOpenEvent extends jdk.jfr.Event {
    @Label("Context Id")
    long contextId;

    @Label("Socket Id")
    long socketId;

    @Label("Socket Type")
    String socketType;
}
