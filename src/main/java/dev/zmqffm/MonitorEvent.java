package dev.zmqffm;

/**
 * One event from a {@link SocketMonitor}: what happened, libzmq's value for it (a file
 * descriptor, an errno, a retry interval, …) and the endpoint it concerns.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=monitor-event}
 *
 * @param type what happened
 * @param value the event's value: a file descriptor for CONNECTED, LISTENING, ACCEPTED, CLOSED
 *              and DISCONNECTED; an errno for the *_FAILED events; the reconnect interval in
 *              milliseconds for CONNECT_RETRIED
 * @param endpoint the endpoint concerned, e.g. {@code tcp://127.0.0.1:5555}
 */
public record MonitorEvent(Type type, int value, String endpoint) {

    /** The stable event types of libzmq 4.3 ({@code ZMQ_EVENT_*}). */
    public enum Type {
        /** A connection was established. */
        CONNECTED(0x0001),
        /** A connect is pending (synchronous connect failed, retrying asynchronously). */
        CONNECT_DELAYED(0x0002),
        /** A reconnect was scheduled; the value is the interval in milliseconds. */
        CONNECT_RETRIED(0x0004),
        /** The socket is listening on the endpoint. */
        LISTENING(0x0008),
        /** Binding failed; the value is the errno. */
        BIND_FAILED(0x0010),
        /** A connection was accepted. */
        ACCEPTED(0x0020),
        /** Accepting a connection failed; the value is the errno. */
        ACCEPT_FAILED(0x0040),
        /** A connection's descriptor was closed. */
        CLOSED(0x0080),
        /** Closing a descriptor failed; the value is the errno. */
        CLOSE_FAILED(0x0100),
        /** A session ended unexpectedly. */
        DISCONNECTED(0x0200),
        /** The monitor was stopped: the last event it sends. */
        MONITOR_STOPPED(0x0400),
        /** The handshake failed without further detail. */
        HANDSHAKE_FAILED_NO_DETAIL(0x0800),
        /** The ZMTP handshake, including security, succeeded. */
        HANDSHAKE_SUCCEEDED(0x1000),
        /** The handshake failed because of a protocol error; the value tells which. */
        HANDSHAKE_FAILED_PROTOCOL(0x2000),
        /** The handshake failed because the peer was not authenticated; the value is the ZAP status. */
        HANDSHAKE_FAILED_AUTH(0x4000);

        /** Every type above. */
        public static final java.util.Set<Type> ALL = java.util.Collections.unmodifiableSet(
                java.util.EnumSet.allOf(Type.class));

        private final int bit;

        Type(int bit) {
            this.bit = bit;
        }

        /** {@return libzmq's bit for this event} */
        public int bit() {
            return bit;
        }

        static int bits(java.util.Set<Type> types) {
            int bits = 0;
            for (Type t : types) {
                bits |= t.bit;
            }
            return bits;
        }

        static Type of(int bit) {
            for (Type t : values()) {
                if (t.bit == bit) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown monitor event 0x" + Integer.toHexString(bit));
        }
    }
}
