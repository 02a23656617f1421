package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

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
    /** Whether zmq_socket_monitor is active (read and written inside the guard). */
    private boolean monitoring;
    /** The monitor whose stop waits for the thread inside ({@link #stopMonitor}). */
    private volatile @Nullable SocketMonitor stoppingMonitor;

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
    private void monitor(String endpoint, int events) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ep = endpoint == null ? MemorySegment.NULL : call.allocateFrom(endpoint);
            if (LibZmq.zmq_socket_monitor(engine.capture(), engine.handle(), ep, events) != 0) {
                throw Failures.of("zmq_socket_monitor", engine.capture());
            }
        }
    }

    /**
     * Starts {@code zmq_socket_monitor} publishing on {@code endpoint}; enters the guard itself.
     *
     * @throws IllegalStateException if a monitor is already active: libzmq would replace it,
     *         sending the first monitor's stop to a reader that still expects events
     */
    void startMonitor(String endpoint, int events) {
        engine.guard.enter();
        try {
            if (monitoring) {
                throw new IllegalStateException("this socket already has an open SocketMonitor; close it first");
            }
            monitor(endpoint, events);
            monitoring = true;
        } finally {
            engine.guard.exit();
        }
    }

    /**
     * Stops the monitor: now if no thread is inside, otherwise as that thread leaves (a stop
     * sends MONITOR_STOPPED to the monitor's reader, which must still be open then); then calls
     * {@link SocketMonitor#stopped()}. If the socket closes first, libzmq stops the monitor as
     * the socket goes, and {@link #closing()} calls {@link SocketMonitor#orphaned()} instead.
     *
     * @return {@code false} if the socket is closed already
     */
    boolean stopMonitor(SocketMonitor monitor) {
        stoppingMonitor = monitor;
        return engine.guard.runWhenIdle(this::stopMonitorNow);
    }

    private void stopMonitorNow() {
        SocketMonitor monitor = stoppingMonitor;
        stoppingMonitor = null;
        try {
            monitor(null, 0);
        } catch (ContextTerminatedException e) {
            // the context is going away and takes the monitor with it
        } finally {
            monitoring = false;
            if (monitor != null) {
                monitor.stopped();
            }
        }
    }

    /** As the socket closes: a monitor stop that never ran is handed back ({@link #stopMonitor}). */
    void closing() {
        SocketMonitor monitor = stoppingMonitor;
        if (engine.guard.takeDeferred() != null && monitor != null) {
            monitor.orphaned();
        }
    }
}
