package dev.zmqffm.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The few things zmq-ffm warns about, through {@link System.Logger} (logger name
 * {@value #LOGGER}): no logging library is needed, and an application's own backend (SLF4J,
 * Log4j, java.util.logging) receives them through its {@code System.LoggerFinder} bridge.
 *
 * <p>Each warning is about something the program should change, never about normal operation.
 */
public final class Warnings {
    /** The name of zmq-ffm's logger. */
    public static final String LOGGER = "dev.zmqffm";

    private Warnings() {}

    /** Made on the first warning: System.getLogger initialises the logging backend. */
    private static final class Holder {
        static final Logger LOG = System.getLogger(LOGGER);
    }

    /**
     * A context was closed while sockets were still open: close() closed them, but their owners
     * did not, which usually means a thread is still using one or a close was forgotten.
     */
    public static void contextClosedWithOpenSockets(String context, int sockets) {
        Logger log = Holder.LOG;
        if (log.isLoggable(Level.WARNING)) {
            log.log(Level.WARNING, context + " was closed with " + sockets + " socket(s) still open; "
                    + "close() closed them. Close each socket (try-with-resources) before its context.");
        }
    }

    /**
     * Terminating a context waited the sockets' whole linger: messages still queued then were
     * dropped, undelivered.
     *
     * @param waitedMillis how long {@code zmq_ctx_term} took
     * @param lingerMillis the longest linger of the sockets closed
     */
    public static void lingerExpired(String context, long waitedMillis, long lingerMillis) {
        Logger log = Holder.LOG;
        if (log.isLoggable(Level.WARNING)) {
            log.log(Level.WARNING, "closing " + context + " waited " + waitedMillis + " ms, the sockets' linger of "
                    + lingerMillis + " ms: unsent messages were dropped. Receive the replies you wait for before "
                    + "closing, or raise SocketOptions.LINGER.");
        }
    }
}
