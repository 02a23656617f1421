package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * A context was closed; the event's duration is how long {@code close()} took, which is where
 * linger shows: {@code zmq_ctx_term} waits up to each socket's linger for unsent messages.
 * Committed through {@link Events}.
 */
@Name("zmqffm.ContextClose")
@Label("ZeroMQ Context Closed")
@Category({"ZeroMQ", "Lifecycle"})
@Description("A context closed; the duration includes waiting for linger")
@StackTrace(true)
final class ContextCloseEvent extends jdk.jfr.Event {
    @Label("Context Id")
    long contextId;

    @Label("Sockets Closed")
    @Description("Sockets still open that close() had to close")
    int socketsClosed;

    @Label("Default Linger")
    @Description("The linger given to the context's new sockets; Forever for infinite")
    @Timespan(Timespan.MILLISECONDS)
    long linger;
}
