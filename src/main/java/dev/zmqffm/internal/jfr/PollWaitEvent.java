package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;
import jdk.jfr.Timespan;

/** A {@code Poller.poll} that waited at least the threshold (20 ms by default). Committed through {@link Events}. */
@Name("zmqffm.Poll")
@Label("ZeroMQ Poll")
@Category({"ZeroMQ", "Socket"})
@Description("A poll of zmq-ffm sockets and descriptors that waited")
@StackTrace(true)
@Threshold("20 ms")
final class PollWaitEvent extends jdk.jfr.Event {
    @Label("Items")
    int items;

    @Label("Ready")
    @Description("Items with an event when the poll returned; 0 if the timeout elapsed")
    int ready;

    @Label("Timeout")
    @Description("How long the poll was allowed to wait; Forever for no limit")
    @Timespan(Timespan.MILLISECONDS)
    long timeout;
}
