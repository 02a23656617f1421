package dev.zmqffm.internal.jfr;

import java.util.concurrent.atomic.AtomicLong;
import jdk.jfr.FlightRecorder;
import org.jspecify.annotations.Nullable;

/**
 * The one door to zmq-ffm's JFR events: static calls the library makes where something happens,
 * each doing nothing unless a running recording has the event enabled.
 *
 * <pre>{@code
 * Object wait = Events.beginReceive();            // null unless zmqffm.Receive is recorded
 * int n = ...blocking zmq_msg_recv...;
 * Events.endReceive(wait, type.name(), socketId, n, timeoutMillis, n >= 0);
 * }</pre>
 *
 * <p><b>Cost when not recorded.</b> The hot-path pair ({@code begin…}/{@code end…}) is a check of
 * the event's enabled flag and a null test: without a recording, {@link jdk.jfr.Event#isEnabled()}
 * is the base class's {@code return false}, which the JIT folds away; with JFR running but the
 * event off, it is one static read (JMH: {@code EventsBenchmark}); before JFR is started at all,
 * one static read and no event class is initialised. Nothing is allocated and no
 * clock is read unless the event is on. Tokens are typed {@code Object} so a caller's class does
 * not link the event classes.
 *
 * <p><b>Settings.</b> Every event is enabled by default, so {@code -XX:StartFlightRecording}
 * with the JDK's default settings records them; sends, receives and polls only when they took
 * 20 ms or more (their {@code @Threshold}), as the JDK's {@code jdk.SocketRead} does. Change it as
 * for any event, e.g. {@code jfr configure zmqffm.Receive#threshold=1ms}.
 */
public final class Events {
    private Events() {}

    /**
     * Probes for the enabled checks: isEnabled() only reads the event class's configuration.
     * A holder, because the first instance of an event class initialises JFR (about 0.3 s and
     * 100 classes): it is made only once JFR is running, see {@link #off()}.
     */
    private static final class Probes {
        static final SendEvent SEND = new SendEvent();
        static final ReceiveEvent RECEIVE = new ReceiveEvent();
        static final PollWaitEvent POLL = new PollWaitEvent();
        static final ContextCloseEvent CONTEXT_CLOSE = new ContextCloseEvent();
    }

    private static final AtomicLong IDS = new AtomicLong();

    /** A timeout or linger without limit: the value JFR prints as {@code Forever}. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    /** A process-unique id for a new context or socket, to relate its events. */
    public static long newId() {
        return IDS.incrementAndGet();
    }

    /**
     * Whether JFR has not been started in this process ({@code -XX:StartFlightRecording},
     * {@code jcmd JFR.start}, a {@code Recording}): then no event can be recorded, and no event
     * class is touched, so a process that never records never pays for initialising JFR.
     */
    private static boolean off() {
        return !FlightRecorder.isInitialized();
    }

    /*
     * The begin* methods begin their event in place rather than through a shared helper taking a
     * jdk.jfr.Event: passing an event class where its supertype is expected makes the verifier
     * load that class when it verifies Events, so every process's first context loaded the event
     * classes (and jdk.jfr.Event) even with JFR off. Returned as Object, nothing is loaded.
     */

    // --- waits: hot path ------------------------------------------------------------------------

    /** Before a send that may block: a token for {@link #endSend}, or null if not recorded. */
    public static @Nullable Object beginSend() {
        if (off() || !Probes.SEND.isEnabled()) {
            return null;
        }
        SendEvent e = new SendEvent();
        e.begin();
        return e;
    }

    /**
     * After the send {@link #beginSend} began; records it if it took at least the threshold.
     *
     * @param begun the token, or null (then nothing happens)
     * @param socketType e.g. {@code PUSH}
     * @param bytes the payload size
     * @param timeoutMillis the send timeout in force, {@link #NO_LIMIT} for none
     * @param completed false if it returned without sending (timeout, would block)
     */
    public static void endSend(@Nullable Object begun, String socketType, long socketId, long bytes,
                               long timeoutMillis, boolean completed) {
        if (begun == null) {
            return;
        }
        ((SocketWaitEvent) begun).finish(socketType, socketId, bytes, timeoutMillis, completed);
    }

    /** Before a receive that may block: a token for {@link #endReceive}, or null if not recorded. */
    public static @Nullable Object beginReceive() {
        if (off() || !Probes.RECEIVE.isEnabled()) {
            return null;
        }
        ReceiveEvent e = new ReceiveEvent();
        e.begin();
        return e;
    }

    /**
     * After the receive {@link #beginReceive} began; records it if it took at least the threshold.
     *
     * @param begun the token, or null (then nothing happens)
     * @param bytes the size received, or 0 if none
     * @param completed false if it returned without a message (timeout, would block)
     */
    public static void endReceive(@Nullable Object begun, String socketType, long socketId, long bytes,
                                  long timeoutMillis, boolean completed) {
        if (begun == null) {
            return;
        }
        ((SocketWaitEvent) begun).finish(socketType, socketId, bytes, timeoutMillis, completed);
    }

    /** Before {@code zmq_poll}: a token for {@link #endPoll}, or null if not recorded. */
    public static @Nullable Object beginPoll() {
        if (off() || !Probes.POLL.isEnabled()) {
            return null;
        }
        PollWaitEvent e = new PollWaitEvent();
        e.begin();
        return e;
    }

    /** After the poll {@link #beginPoll} began; records it if it took at least the threshold. */
    public static void endPoll(@Nullable Object begun, int items, int ready, long timeoutMillis) {
        if (begun == null) {
            return;
        }
        PollWaitEvent e = (PollWaitEvent) begun;
        e.end();
        if (e.shouldCommit()) {
            e.items = items;
            e.ready = ready;
            e.timeout = timeoutMillis;
            e.commit();
        }
    }

    // --- lifecycle ------------------------------------------------------------------------------

    /** A context was created. */
    public static void contextCreated(long contextId) {
        if (off()) {
            return;
        }
        ContextCreateEvent e = new ContextCreateEvent();
        if (e.isEnabled()) {
            e.contextId = contextId;
            e.commit();
        }
    }

    /** At the start of a context's close: a token for {@link #contextClosed}, or null if not recorded. */
    public static @Nullable Object beginContextClose() {
        if (off() || !Probes.CONTEXT_CLOSE.isEnabled()) {
            return null;
        }
        ContextCloseEvent e = new ContextCloseEvent();
        e.begin();
        return e;
    }

    /**
     * A context's close finished.
     *
     * @param socketsClosed sockets still open that the close had to close
     * @param lingerMillis the context's default linger, {@link #NO_LIMIT} for infinite
     */
    public static void contextClosed(@Nullable Object begun, long contextId, int socketsClosed, long lingerMillis) {
        if (begun == null) {
            return;
        }
        ContextCloseEvent e = (ContextCloseEvent) begun;
        e.end();
        if (e.shouldCommit()) {
            e.contextId = contextId;
            e.socketsClosed = socketsClosed;
            e.linger = lingerMillis;
            e.commit();
        }
    }

    /** A socket was created. */
    public static void socketOpened(long contextId, long socketId, String socketType) {
        if (off()) {
            return;
        }
        SocketOpenEvent e = new SocketOpenEvent();
        if (e.isEnabled()) {
            e.contextId = contextId;
            e.socketId = socketId;
            e.socketType = socketType;
            e.commit();
        }
    }

    /** A socket was closed. */
    public static void socketClosed(long socketId, String socketType) {
        if (off()) {
            return;
        }
        SocketCloseEvent e = new SocketCloseEvent();
        if (e.isEnabled()) {
            e.socketId = socketId;
            e.socketType = socketType;
            e.commit();
        }
    }

    // --- connections and security ---------------------------------------------------------------

    /**
     * A socket monitor saw a connection problem.
     *
     * @param event libzmq's event name, e.g. {@code HANDSHAKE_FAILED_AUTH}
     * @param value the event's value (errno, protocol error code, retry interval)
     */
    public static void connectionProblem(long socketId, String event, String endpoint, int value) {
        if (off()) {
            return;
        }
        ConnectionEvent e = new ConnectionEvent();
        if (e.isEnabled()) {
            e.socketId = socketId;
            e.event = event;
            e.endpoint = endpoint;
            e.value = value;
            e.commit();
        }
    }

    /**
     * A ZAP authentication decision.
     *
     * @param identity PLAIN user name, CURVE public key in Z85, GSSAPI principal; never a password
     * @param statusCode 200, 300, 400 or 500
     */
    public static void authentication(String domain, String address, String mechanism, String identity,
                                      int statusCode, String statusText) {
        if (off()) {
            return;
        }
        AuthenticationEvent e = new AuthenticationEvent();
        if (e.isEnabled()) {
            e.domain = domain;
            e.address = address;
            e.mechanism = mechanism;
            e.identity = identity;
            e.statusCode = statusCode;
            e.statusText = statusText;
            e.commit();
        }
    }
}
