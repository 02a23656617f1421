package dev.zmqffm;

import dev.zmqffm.internal.jfr.Events;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Connection events of a socket ({@code zmq_socket_monitor}), decoded into {@link MonitorEvent}s.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=socket-monitor}
 *
 * <p>libzmq publishes the events on an internal PAIR socket bound to a private
 * {@code inproc://} endpoint; the monitor owns the PAIR socket that reads them, created in the
 * monitored socket's context. One monitor per socket at a time (a second {@link #start} throws).
 * {@link MonitorEvent.Type#MONITOR_STOPPED} is always delivered, whatever the event set: it is
 * the last event, and libzmq sends it with a blocking send, so the reader must be connected
 * until it arrived.
 *
 * <p><b>Closing, in any order.</b> {@link #close()} never waits. It stops the monitoring — at
 * once if the monitored socket is idle, or when the thread using it leaves its current call —
 * and then closes the reading socket. If the monitored socket closed first, libzmq stops the
 * monitor as that socket goes (after its linger): until MONITOR_STOPPED arrived, the context
 * keeps the reading socket open and closes it later. Events queue without limit until read, so
 * read them or close the monitor. If the monitored socket
 * closes first, the monitor receives {@link MonitorEvent.Type#MONITOR_STOPPED} and then nothing;
 * if the context closes first, reads throw {@link ContextTerminatedException} and
 * {@code close()} has nothing left to do. Like any socket, the monitor must not be read by two
 * threads at once, nor closed while another thread is blocked reading it.
 */
public final class SocketMonitor implements AutoCloseable, Iterable<MonitorEvent> {
    private static final AtomicLong COUNTER = new AtomicLong();
    /** The events recorded as {@code zmqffm.Connection}: failures and unexpected ends. */
    private static final Set<MonitorEvent.Type> PROBLEMS = EnumSet.of(MonitorEvent.Type.CONNECT_RETRIED,
            MonitorEvent.Type.BIND_FAILED, MonitorEvent.Type.ACCEPT_FAILED, MonitorEvent.Type.CLOSE_FAILED,
            MonitorEvent.Type.DISCONNECTED, MonitorEvent.Type.HANDSHAKE_FAILED_NO_DETAIL,
            MonitorEvent.Type.HANDSHAKE_FAILED_PROTOCOL, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH);

    private final Socket monitored;
    private final Socket reader;
    private boolean closed;
    /** Whether MONITOR_STOPPED was read: libzmq sends nothing more, the reader may close. */
    private boolean stopSeen;

    private SocketMonitor(Socket monitored, Socket reader) {
        this.monitored = monitored;
        this.reader = reader;
    }

    /**
     * Starts monitoring {@code socket} for {@code events}.
     *
     * @param socket the socket to watch; it stays usable by its owner
     * @param events the kinds of event to report; not empty
     * @return a monitor reading the events on an inproc PAIR socket of the same context
     * @throws IllegalStateException if the socket is closed, in use by another thread, or already
     *         monitored by an open monitor
     * @throws ZmqException if libzmq refuses to start the monitor
     * @throws IllegalArgumentException if {@code events} is empty
     */
    public static SocketMonitor start(Socket socket, Set<MonitorEvent.Type> events) {
        Objects.requireNonNull(socket, "socket");
        if (events.isEmpty()) {
            throw new IllegalArgumentException("no events to monitor");
        }
        String endpoint = "inproc://zmqffm-monitor-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        // The reader is connected before the monitor starts (a pending inproc connect, which the
        // monitor's bind completes): libzmq's stop sends MONITOR_STOPPED with a blocking send,
        // which would wait forever if no reader were connected.
        Socket reader = socket.context().socket(SocketType.PAIR);
        try {
            reader.set(SocketOptions.LINGER, Duration.ZERO);
            // An unbounded queue: with libzmq's default high-water mark a reader that falls behind
            // would make libzmq's stop wait forever too.
            reader.set(SocketOptions.RCVHWM, 0);
            reader.connect(endpoint);
            // MONITOR_STOPPED always: it tells the reader that libzmq will send nothing more.
            socket.startMonitor(endpoint, MonitorEvent.Type.bits(events) | MonitorEvent.Type.MONITOR_STOPPED.bit());
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return new SocketMonitor(socket, reader);
    }

    /** {@return the socket being monitored} */
    public Socket socket() {
        return monitored;
    }

    /**
     * The next event, waiting at most {@code timeout}; empty if none arrived.
     *
     * @param timeout longest wait
     * @return the event, or empty if none arrived in time
     * @throws ContextTerminatedException if the context was shut down
     */
    public Optional<MonitorEvent> next(Duration timeout) {
        checkOpen();
        return reader.receiveMultipart(timeout).map(this::read);
    }

    /** {@return the next event, waiting as long as it takes} */
    public MonitorEvent next() {
        checkOpen();
        // Without a receive timeout on the reader, the blocking receive only ends with a frame.
        return read(reader.receiveMultipart().orElseThrow());
    }

    /** Decodes an event read and records it as a JFR event if it is a connection problem. */
    private MonitorEvent read(List<byte[]> frames) {
        MonitorEvent e = decode(frames);
        stopSeen |= e.type() == MonitorEvent.Type.MONITOR_STOPPED;
        if (PROBLEMS.contains(e.type())) {
            Events.connectionProblem(monitored.eventId(), e.type().name(), e.endpoint(), e.value());
        }
        return e;
    }

    /**
     * The events as they arrive, blocking for each, ending after
     * {@link MonitorEvent.Type#MONITOR_STOPPED}.
     */
    @Override
    public Iterator<MonitorEvent> iterator() {
        return new Iterator<>() {
            private boolean stopped;

            @Override
            public boolean hasNext() {
                return !stopped && !closed;
            }

            @Override
            public MonitorEvent next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                MonitorEvent e = SocketMonitor.this.next();
                stopped = e.type() == MonitorEvent.Type.MONITOR_STOPPED;
                return e;
            }
        };
    }

    /** {@return the events as a sequential stream; see {@link #iterator()}} */
    public Stream<MonitorEvent> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false);
    }

    /**
     * Stops the monitoring and closes the reading socket. Idempotent; never waits.
     *
     * @throws IllegalStateException if another thread is blocked reading this monitor (nothing
     *         is closed then: shut the context down, or close from the reading thread)
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        if (reader.guard().isBusy()) {
            throw new IllegalStateException("another thread is reading this monitor; call Context.shutdown() "
                    + "to unblock it, or close the monitor from that thread");
        }
        closed = true;
        if (!monitored.stopMonitor(this)) {
            orphaned();
        }
    }

    /** The monitor was stopped (on whichever thread used the monitored socket): nothing more comes. */
    void stopped() {
        reader.close();
    }

    /**
     * The monitored socket closed before the monitor could be stopped: libzmq stops it as the
     * socket goes — once its linger ends — and sends MONITOR_STOPPED, with a blocking send that
     * needs the reader still connected. So the reader stays open until that event arrived; the
     * context closes it then ({@link Context#adoptMonitorReader}), or when it closes itself.
     */
    void orphaned() {
        if (stopSeen || stoppedEventQueued(reader)) {
            reader.close();
        } else {
            monitored.context().adoptMonitorReader(reader);
        }
    }

    /** Reads, without waiting, what is queued on {@code reader}: whether MONITOR_STOPPED was among it. */
    static boolean stoppedEventQueued(Socket reader) {
        try {
            Optional<List<byte[]>> frames;
            while ((frames = reader.receiveMultipart(Duration.ZERO)).isPresent()) {
                if (decode(frames.get()).type() == MonitorEvent.Type.MONITOR_STOPPED) {
                    return true;
                }
            }
            return false;
        } catch (ContextTerminatedException e) {
            return true;                            // sends fail with ETERM now: nothing can wait
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("monitor is closed");
        }
    }

    static MonitorEvent decode(List<byte[]> frames) {
        if (frames.size() != 2 || frames.get(0).length != 6) {
            throw new IllegalStateException("unexpected monitor message of " + frames.size() + " frames");
        }
        // libzmq copies a uint16 event and a uint32 value in host byte order.
        ByteBuffer head = ByteBuffer.wrap(frames.get(0)).order(ByteOrder.nativeOrder());
        int event = Short.toUnsignedInt(head.getShort(0));
        int value = head.getInt(2);
        return new MonitorEvent(MonitorEvent.Type.of(event), value, new String(frames.get(1), StandardCharsets.UTF_8));
    }
}
