package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;

/**
 * A socket's calls that are not sends or receives: endpoints, options and the monitor. The
 * caller holds the socket's guard.
 *
 * <pre>{@code
 * control.endpoint("tcp://127.0.0.1:5555", SocketControl.CONNECT);
 * int hwm = control.get(SocketOptions.SNDHWM);
 * }</pre>
 */
final class SocketControl {
    static final int BIND = 0;
    static final int CONNECT = 1;
    static final int UNBIND = 2;
    static final int DISCONNECT = 3;

    private final Engine engine;

    SocketControl(Engine engine) {
        this.engine = engine;
    }

    /** Binds, connects, unbinds or disconnects. */
    void endpoint(String endpoint, int which) {
        if (endpoint.startsWith("inproc://")) {
            // Frames from inproc peers may be zero-copy frames with a Java free callback.
            engine.markUpcalls();
        }
        MemorySegment capture = engine.capture();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ep = call.allocateFrom(endpoint);
            int rc = switch (which) {
                case BIND -> LibZmq.zmq_bind(capture, engine.handle(), ep);
                case CONNECT -> LibZmq.zmq_connect(capture, engine.handle(), ep);
                case UNBIND -> LibZmq.zmq_unbind(capture, engine.handle(), ep);
                default -> LibZmq.zmq_disconnect(capture, engine.handle(), ep);
            };
            if (rc != 0) {
                String op = switch (which) {
                    case BIND -> "zmq_bind";
                    case CONNECT -> "zmq_connect";
                    case UNBIND -> "zmq_unbind";
                    default -> "zmq_disconnect";
                };
                throw Failures.of(op + "(" + endpoint + ")", capture);
            }
        }
    }

    <T> void set(SocketOption<T> option, T value) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment v = option.codec().encode(call, value, option.name());
            MemorySegment capture = engine.capture();
            String operation = "zmq_setsockopt(" + option + ")";
            int rc;
            do {
                rc = LibZmq.zmq_setsockopt(capture, engine.handle(), option.id(), v, v.byteSize());
            } while (Retry.again(rc, capture, operation));
        }
        // Remembered: the timeouts bound the waits of the blocking forms; linger, for Context.close.
        if (option == SocketOptions.RCVTIMEO) {
            engine.timeoutsChanged(engine.sendTimeoutMillis(), OptionCodec.millis((Duration) value, "timeout"));
        } else if (option == SocketOptions.SNDTIMEO) {
            engine.timeoutsChanged(OptionCodec.millis((Duration) value, "timeout"), engine.receiveTimeoutMillis());
        } else if (option == SocketOptions.LINGER) {
            engine.lingerChanged(OptionCodec.millis((Duration) value, "linger"));
        }
    }

    <T> T get(SocketOption<T> option) {
        try (Arena call = Arena.ofConfined()) {
            long size = option.codec().readSize();
            MemorySegment buffer = call.allocate(size, 8);
            MemorySegment length = call.allocateFrom(ValueLayout.JAVA_LONG, size);
            MemorySegment capture = engine.capture();
            String operation = "zmq_getsockopt(" + option + ")";
            int rc;
            do {
                rc = LibZmq.zmq_getsockopt(capture, engine.handle(), option.id(), buffer, length);
            } while (Retry.again(rc, capture, operation));
            return option.codec().decode(buffer, length.get(ValueLayout.JAVA_LONG, 0));
        }
    }

    /** Starts ({@code endpoint} non-null) or stops ({@code null}) {@code zmq_socket_monitor}. */
    void monitor(String endpoint, int events) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ep = endpoint == null ? MemorySegment.NULL : call.allocateFrom(endpoint);
            if (LibZmq.zmq_socket_monitor(engine.capture(), engine.handle(), ep, events) != 0) {
                throw Failures.of("zmq_socket_monitor", engine.capture());
            }
        }
    }
}
