package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A context was created. Committed through {@link Events}. */
@Name("zmqffm.ContextCreate")
@Label("ZeroMQ Context Created")
@Category({"ZeroMQ", "Lifecycle"})
@StackTrace(true)
final class ContextCreateEvent extends jdk.jfr.Event {
    @Label("Context Id")
    long contextId;
}
