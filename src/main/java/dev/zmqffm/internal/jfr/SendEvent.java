package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * A send on a zmq-ffm socket that waited (high-water mark, no peer). Modelled on the JDK's
 * {@code jdk.SocketWrite}: recorded only when the call took at least the threshold (20 ms by default,
 * as {@code jdk.SocketWrite} in the JDK's settings), with the caller's stack trace, so a thread
 * stalled on a socket shows in a recording made with the default settings. Committed through
 * {@link Events}.
 */
@Name("zmqffm.Send")
@Label("ZeroMQ Send")
@Category({"ZeroMQ", "Socket"})
@Description("A send on a zmq-ffm socket that waited (high-water mark, no peer).")
@StackTrace(true)
@Threshold("20 ms")
final class SendEvent extends SocketWaitEvent {
}
