package dev.zmqffm.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/**
 * A receive on a zmq-ffm socket that waited for a message. Modelled on the JDK's
 * {@code jdk.SocketRead}: recorded only when the call took at least the threshold (20 ms by default,
 * as {@code jdk.SocketRead} in the JDK's settings), with the caller's stack trace, so a thread
 * stalled on a socket shows in a recording made with the default settings. Committed through
 * {@link Events}.
 */
@Name("zmqffm.Receive")
@Label("ZeroMQ Receive")
@Category({"ZeroMQ", "Socket"})
@Description("A receive on a zmq-ffm socket that waited for a message.")
@StackTrace(true)
@Threshold("20 ms")
final class ReceiveEvent extends SocketWaitEvent {
}
