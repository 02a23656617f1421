package dev.zmqffm.internal.jfr;

import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Timespan;

/**
 * The fields of {@link SendEvent} and {@link ReceiveEvent}: one socket call that may wait.
 * Abstract, so JFR registers only the two concrete events, each with these fields.
 */
abstract class SocketWaitEvent extends jdk.jfr.Event {
    @Label("Socket Type")
    String socketType;

    @Label("Socket Id")
    @Description("Identifies the socket across zmqffm events of one process")
    long socketId;

    @Label("Bytes")
    @DataAmount
    long bytes;

    @Label("Timeout")
    @Description("How long the call was allowed to wait; Forever for no limit")
    @Timespan(Timespan.MILLISECONDS)
    long timeout;

    @Label("Completed")
    @Description("False if the call returned without a message: the timeout elapsed, or it would have blocked")
    boolean completed;

    /** Ends the wait and commits it if it reached the threshold. */
    final void finish(String type, long socket, long size, long timeoutMillis, boolean done) {
        end();
        if (shouldCommit()) {
            socketType = type;
            socketId = socket;
            bytes = size;
            timeout = timeoutMillis;
            completed = done;
            commit();
        }
    }
}
