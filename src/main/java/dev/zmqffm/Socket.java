package dev.zmqffm;

import dev.zmqffm.internal.jfr.Events;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ZeroMQ socket. Created by {@link Context#socket(SocketType)}; closed with try-with-resources.
 *
 * <pre>{@code
 * try (Context ctx = Context.create();
 *      Socket req = ctx.socket(SocketType.REQ)) {
 *     req.connect("tcp://localhost:5555");           // the server may start later
 *     req.send("hello");                              // UTF-8, no terminating NUL
 *     Optional<String> reply = req.receiveString(Duration.ofSeconds(5));
 *     System.out.println(reply.orElse("no reply"));
 * }
 * }</pre>
 *
 * <p><b>Sending and receiving.</b> Payloads may be {@code byte[]}, {@code String} (UTF-8 unless
 * a charset is given), {@link MemorySegment}, {@link ByteBuffer} or {@link Message} (no copy).
 * Each operation comes in three forms: blocking (as long as {@link SocketOptions#SNDTIMEO} /
 * {@link SocketOptions#RCVTIMEO} allow, forever by default), non-blocking
 * ({@link SendFlags#DONT_WAIT} / {@link ReceiveFlags#DONT_WAIT}) and timed (a {@link Duration}).
 * When nothing could be sent or received, every form says so the same way, in its return value:
 * see <a href="package-summary.html#would-block">Would block, timeouts and interrupts</a>.
 *
 * <p>On an XSUB socket, a frame starting with byte 1 or 0 is a subscription or unsubscription;
 * one longer than 513 bytes throws {@link IllegalArgumentException} from every send form (see
 * {@link SocketOptions#SUBSCRIBE}).
 *
 * <p><b>Threads.</b> libzmq sockets are not thread-safe. A socket may move between threads, but
 * two threads may never be inside it at once: a call made while another thread is inside
 * (typically blocked in a receive) throws {@link IllegalStateException} instead of corrupting
 * libzmq's state. That includes {@link #close()}: closing a socket another thread is blocked in
 * would abort the process in libzmq, so it is refused; call {@link Context#shutdown()} to make
 * the blocked call return with {@link ContextTerminatedException}, and let that thread close its
 * socket (or close the context, which waits for it). Virtual threads wait without pinning their
 * carrier and can be interrupted: see <a href="package-summary.html#threads">Threads and virtual
 * threads</a>.
 *
 * <p>After {@link #close()} every call throws {@link IllegalStateException}; if the socket was
 * closed by its context, {@link ContextTerminatedException}. Closing is idempotent.
 */
public final class Socket implements AutoCloseable {
    static final String ZAP_ENDPOINT = "inproc://zeromq.zap.01";
    private static final long SOCKET = Engine.SOCKET_TIMEOUT;

    private final Context context;
    private final SocketType type;
    private final Engine engine;
    private final UseGuard guard;
    private final SocketControl control;

    Socket(Context context, MemorySegment raw, SocketType type, long id) {
        this.context = context;
        this.type = type;
        this.engine = new Engine(raw, id, type.name());
        this.guard = engine.guard;
        this.control = new SocketControl(engine);
    }

    /** This socket's type. */
    public SocketType type() {
        return type;
    }

    /** The context that created this socket. */
    public Context context() {
        return context;
    }

    // --- endpoints ------------------------------------------------------------------------

    /**
     * Binds to an endpoint and returns the endpoint actually bound: for
     * {@code tcp://127.0.0.1:*} the port chosen, e.g. {@code tcp://127.0.0.1:41234}.
     *
     * @throws IllegalArgumentException for a malformed endpoint (checked before libzmq sees it)
     * @throws AddressInUseException if the address is taken
     * @throws InsecureConfigurationException if the {@link SocketSecurity} role applied forbids the endpoint
     * @throws IllegalArgumentException also for {@code inproc://zeromq.zap.01} on a socket that
     *         is not REP or ROUTER: a PLAIN or CURVE handshake would make libzmq abort; and for a
     *         {@link SocketOptions#USE_FD} descriptor that is no longer a listening socket of the
     *         endpoint's family (tcp: IPv4/IPv6, ipc: Unix)
     */
    public String bind(String endpoint) {
        checkEndpoint(endpoint);
        if (endpoint.equals(ZAP_ENDPOINT) && type != SocketType.REP && type != SocketType.ROUTER) {
            // libzmq asserts (aborting the process) when a handshake meets any other type here.
            throw new IllegalArgumentException(ZAP_ENDPOINT + " is the ZAP handler endpoint: only a REP or "
                    + "ROUTER socket may bind it, not " + type);
        }
        SocketSecurity.checkEndpoint(this, endpoint, true); // security hook
        attached = true; // security hook: libzmq copies the security options now
        guard.enter();
        try {
            SocketChecks.bind(engine, endpoint, control);
            return control.get(SocketOptions.LAST_ENDPOINT);
        } finally {
            guard.exit();
        }
    }

    /**
     * Connects to an endpoint. Connecting succeeds even if nothing listens there yet: libzmq
     * connects (and reconnects) in the background, and messages wait in the queue.
     *
     * @throws ZmqException {@link Errno#EMFILE} for the first {@code inproc://} connect of a context
     *         whose socket table is full: such a connect needs one spare socket to be resolved
     *         safely if nothing ever binds the endpoint (see {@link Context#close()})
     * @throws ContextTerminatedException if the context was shut down
     * @throws InsecureConfigurationException if the {@link SocketSecurity} role applied forbids the endpoint
     */
    public void connect(String endpoint) {
        checkEndpoint(endpoint);
        SocketSecurity.checkEndpoint(this, endpoint, false); // security hook
        attached = true; // security hook: libzmq copies the security options now
        endpoint(endpoint, SocketControl.CONNECT);
    }

    /** Stops listening on an endpoint given to (or returned by) {@link #bind(String)}. */
    public void unbind(String endpoint) {
        checkEndpoint(endpoint);
        endpoint(endpoint, SocketControl.UNBIND);
    }

    /** Disconnects from an endpoint given to {@link #connect(String)}. */
    public void disconnect(String endpoint) {
        checkEndpoint(endpoint);
        endpoint(endpoint, SocketControl.DISCONNECT);
    }

    /** The checks every endpoint passes before libzmq or a security rule sees it. */
    private void checkEndpoint(String endpoint) {
        Endpoints.check(endpoint);
        SocketChecks.beforeEndpoint(type, endpoint);
    }

    /** Connects, unbinds or disconnects an endpoint already through {@link #checkEndpoint}. */
    private void endpoint(String endpoint, int which) {
        guard.enter();
        try {
            switch (which) {
                case SocketControl.CONNECT -> context.inproc().connect(this, endpoint, control);
                case SocketControl.DISCONNECT -> context.inproc().disconnect(this, endpoint, control);
                default -> control.endpoint(endpoint, which);
            }
        } finally {
            guard.exit();
        }
    }

    /**
     * Subscribes a SUB socket to messages starting with {@code prefix} (UTF-8; "" = all).
     *
     * @throws IllegalArgumentException for a prefix over 512 bytes: libzmq recurses once per byte
     *         and would overflow the thread's stack ({@link SocketOptions#SUBSCRIBE})
     */
    public void subscribe(String prefix) {
        set(SocketOptions.SUBSCRIBE, prefix.getBytes(StandardCharsets.UTF_8));
    }

    /** Subscribes a SUB socket to messages starting with {@code prefix} (empty = all). */
    public void subscribe(byte[] prefix) {
        set(SocketOptions.SUBSCRIBE, prefix);
    }

    /** Removes a subscription made with {@link #subscribe(String)}. */
    public void unsubscribe(String prefix) {
        set(SocketOptions.UNSUBSCRIBE, prefix.getBytes(StandardCharsets.UTF_8));
    }

    // --- options ------------------------------------------------------------------------

    /**
     * Sets a socket option.
     *
     * @throws UnsupportedOperationException if the option is read-only
     * @throws IllegalArgumentException for a value libzmq would accept and then crash on: a
     *         subscription prefix over 512 bytes, a PUB/XPUB {@code MAXMSGSIZE} over 513, a
     *         {@code USE_FD} that is not a listening socket (see {@link SocketOptions})
     * @throws ZmqException if libzmq rejects it for this socket type or value
     * @throws InsecureConfigurationException for a security option after the first bind/connect,
     *         or on a socket secured with {@link SocketSecurity}
     */
    public <T> void set(SocketOption<T> option, T value) {
        option.checkWritable();
        Objects.requireNonNull(value, option.name());
        SocketSecurity.checkSet(this, option); // security hook
        SocketChecks.beforeSet(type, option, value);
        guard.enter();
        try {
            control.set(option, value);
        } finally {
            guard.exit();
        }
    }

    /**
     * Reads a socket option.
     *
     * @throws UnsupportedOperationException if the option is write-only
     */
    public <T> T get(SocketOption<T> option) {
        option.checkReadable();
        guard.enter();
        try {
            return control.get(option);
        } finally {
            guard.exit();
        }
    }

    /** Whether more frames of the message being received follow ({@code ZMQ_RCVMORE}). */
    public boolean hasMore() {
        guard.enter();
        try {
            return engine.hasMore();
        } finally {
            guard.exit();
        }
    }

    // --- send -----------------------------------------------------------------------------

    /** Sends {@code data} as one frame, blocking; {@code false} if the send timeout elapsed. */
    public boolean send(byte[] data) {
        return send(data, 0, data.length, SendFlags.NONE);
    }

    /** Sends {@code data}; {@code false} if it would block (with DONT_WAIT) or timed out. */
    public boolean send(byte[] data, SendFlags flags) {
        return send(data, 0, data.length, flags);
    }

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset}.
     *
     * @throws IndexOutOfBoundsException if the range is not inside {@code data}
     */
    public boolean send(byte[] data, int offset, int length, SendFlags flags) {
        Objects.checkFromIndexSize(offset, length, data.length);
        SocketChecks.beforeSend(type, data, offset, length);
        guard.enter();
        try {
            return engine.send(data, offset, length, flags.bits(), SOCKET);
        } finally {
            guard.exit();
        }
    }

    /** Sends {@code data}, waiting at most {@code timeout}; {@code false} if it could not. */
    public boolean send(byte[] data, Duration timeout) {
        long nanos = Timeouts.nanos(timeout, "timeout");
        SocketChecks.beforeSend(type, data, 0, data.length);
        guard.enter();
        try {
            return engine.send(data, 0, data.length, 0, nanos);
        } finally {
            guard.exit();
        }
    }

    /** Sends {@code text} in UTF-8 (no terminating NUL), blocking. */
    public boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8), SendFlags.NONE);
    }

    /** Sends {@code text} in UTF-8 (no terminating NUL). */
    public boolean send(String text, SendFlags flags) {
        return send(text.getBytes(StandardCharsets.UTF_8), flags);
    }

    /** Sends {@code text} in {@code charset}. */
    public boolean send(String text, Charset charset, SendFlags flags) {
        return send(text.getBytes(charset), flags);
    }

    /** Sends {@code text} in UTF-8, waiting at most {@code timeout}. */
    public boolean send(String text, Duration timeout) {
        return send(text.getBytes(StandardCharsets.UTF_8), timeout);
    }

    /** Sends a frame with more to follow: {@code send(data, SendFlags.SEND_MORE)}. */
    public boolean sendMore(byte[] data) {
        return send(data, SendFlags.SEND_MORE);
    }

    /** Sends a UTF-8 frame with more to follow. */
    public boolean sendMore(String text) {
        return send(text, SendFlags.SEND_MORE);
    }

    /** Sends the bytes of {@code data} (heap or native; libzmq copies them once). */
    public boolean send(MemorySegment data, SendFlags flags) {
        SocketChecks.beforeSend(type, data);
        guard.enter();
        try {
            return engine.send(data, flags.bits(), SOCKET);
        } finally {
            guard.exit();
        }
    }

    /**
     * Sends the bytes between {@code data}'s position and limit; on success the position moves
     * to the limit.
     */
    public boolean send(ByteBuffer data, SendFlags flags) {
        boolean sent = send(MemorySegment.ofBuffer(data), flags);
        if (sent) {
            data.position(data.limit());
        }
        return sent;
    }

    /**
     * Sends a message without copying its payload. On success the message is empty and marked
     * sent: its {@link Message#data()} views become inaccessible and it cannot be sent again
     * until received into.
     *
     * @throws IllegalStateException if the message is closed or was already sent
     */
    public boolean send(Message message, SendFlags flags) {
        return send(message, flags.bits(), SOCKET);
    }

    /** Sends a message without copying, blocking. */
    public boolean send(Message message) {
        return send(message, 0, SOCKET);
    }

    /** Sends a message without copying, waiting at most {@code timeout}. */
    public boolean send(Message message, Duration timeout) {
        return send(message, 0, Timeouts.nanos(timeout, "timeout"));
    }

    private boolean send(Message message, int flags, long timeout) {
        SocketChecks.beforeSend(type, message);
        guard.enter();
        try {
            return engine.send(message, flags, timeout);
        } finally {
            guard.exit();
        }
    }

    /**
     * Sends all frames as one message (all but the last with {@code SEND_MORE}). libzmq delivers
     * multipart messages atomically: all frames or none. Returns {@code false} if the first
     * frame could not be queued (send timeout); once it is, the rest always are.
     */
    public boolean sendMultipart(List<byte[]> frames) {
        return Multipart.send(this, frames);
    }

    // --- receive --------------------------------------------------------------------------

    /** Receives one frame, blocking; empty only if a {@link SocketOptions#RCVTIMEO} elapsed. */
    public Optional<byte[]> receiveBytes() {
        return receiveBytes(0, SOCKET);
    }

    /** Receives one frame; empty if none was waiting (DONT_WAIT) or the receive timeout elapsed. */
    public Optional<byte[]> receiveBytes(ReceiveFlags flags) {
        return receiveBytes(flags.bits(), SOCKET);
    }

    /** Receives one frame, waiting at most {@code timeout}; empty if none arrived. */
    public Optional<byte[]> receiveBytes(Duration timeout) {
        return receiveBytes(0, Timeouts.nanos(timeout, "timeout"));
    }

    private Optional<byte[]> receiveBytes(int flags, long timeout) {
        guard.enter();
        try {
            return Optional.ofNullable(engine.receiveBytes(flags, timeout));
        } finally {
            guard.exit();
        }
    }

    /** Receives one frame as UTF-8 text, blocking; empty only if a receive timeout elapsed. */
    public Optional<String> receiveString() {
        return text(receiveBytes(), StandardCharsets.UTF_8);
    }

    /** Receives one frame as UTF-8 text; empty if none was waiting or the timeout elapsed. */
    public Optional<String> receiveString(ReceiveFlags flags) {
        return text(receiveBytes(flags), StandardCharsets.UTF_8);
    }

    /** Receives one frame as UTF-8 text, waiting at most {@code timeout}. */
    public Optional<String> receiveString(Duration timeout) {
        return text(receiveBytes(timeout), StandardCharsets.UTF_8);
    }

    /** Receives one frame as text in {@code charset}. */
    public Optional<String> receiveString(Charset charset, ReceiveFlags flags) {
        return text(receiveBytes(flags), charset);
    }

    /** A frame as text. Not {@code map} with a lambda: every process's first receive runs this. */
    private static Optional<String> text(Optional<byte[]> frame, Charset charset) {
        return frame.isPresent() ? Optional.of(new String(frame.get(), charset)) : Optional.empty();
    }

    /**
     * Receives into a message without copying; the message's earlier content and views are
     * released.
     *
     * @return {@code true} if a frame was received, {@code false} if none was waiting
     *         (DONT_WAIT) or the receive timeout elapsed
     */
    public boolean receive(Message message, ReceiveFlags flags) {
        return receive(message, flags.bits(), SOCKET);
    }

    /** Receives into a message without copying, blocking. */
    public boolean receive(Message message) {
        return receive(message, 0, SOCKET);
    }

    /** Receives into a message, waiting at most {@code timeout}. */
    public boolean receive(Message message, Duration timeout) {
        return receive(message, 0, Timeouts.nanos(timeout, "timeout"));
    }

    private boolean receive(Message message, int flags, long timeout) {
        guard.enter();
        try {
            return engine.receive(message, flags, timeout);
        } finally {
            guard.exit();
        }
    }

    /**
     * Receives one frame into {@code buffer} (like {@code zmq_recv}): at most its size is
     * written, the rest of a longer frame is dropped.
     *
     * @return the frame's full size (larger than the buffer if it was truncated), or {@code -1}
     *         if none was waiting (DONT_WAIT) or the timeout elapsed
     * @throws IllegalArgumentException if {@code buffer} is read-only (checked before libzmq runs)
     */
    public int receive(MemorySegment buffer, ReceiveFlags flags) {
        guard.enter();
        try {
            return engine.receive(buffer, flags.bits(), SOCKET);
        } finally {
            guard.exit();
        }
    }

    /**
     * Receives one frame into {@code buffer} (like {@code zmq_recv}): the reusable-array form of
     * {@link #receiveBytes()}, allocating nothing.
     *
     * @return the frame's full size (larger than the array if it was truncated), or {@code -1}
     *         if none was waiting (DONT_WAIT) or the timeout elapsed
     */
    public int receive(byte[] buffer, ReceiveFlags flags) {
        guard.enter();
        try {
            return engine.receive(buffer, flags.bits(), SOCKET);
        } finally {
            guard.exit();
        }
    }

    /**
     * Receives one frame into {@code buffer} from its position; the position advances by the
     * bytes written.
     *
     * @return the frame's full size (more than written if truncated), or {@code -1}
     * @throws IllegalArgumentException if {@code buffer} is read-only
     */
    public int receive(ByteBuffer buffer, ReceiveFlags flags) {
        if (buffer.isReadOnly()) {
            throw new IllegalArgumentException("cannot receive into a read-only buffer");
        }
        int size = receive(MemorySegment.ofBuffer(buffer), flags);
        if (size > 0) {
            buffer.position(buffer.position() + Math.min(size, buffer.remaining()));
        }
        return size;
    }

    /** Receives all frames of one message, blocking; empty only if a receive timeout elapsed. */
    public Optional<List<byte[]>> receiveMultipart() {
        return receiveBytes().map(first -> Multipart.rest(this, first));
    }

    /** Receives all frames of one message, waiting at most {@code timeout} for the first. */
    public Optional<List<byte[]>> receiveMultipart(Duration timeout) {
        return receiveBytes(timeout).map(first -> Multipart.rest(this, first));
    }

    // --- lifecycle --------------------------------------------------------------------------

    /** Whether this socket is closed (by {@link #close()} or by its context). */
    public boolean isClosed() {
        return guard.isClosed();
    }

    /**
     * Closes the socket; unsent messages are kept for its {@link SocketOptions#LINGER}.
     * Idempotent.
     *
     * @throws IllegalStateException if another thread is inside the socket (for example blocked
     *         in a receive): closing it would abort the process. Use {@link Context#shutdown()}
     *         to unblock that thread and let it close the socket.
     */
    @Override
    public void close() {
        if (guard.close("e.g. blocked in a receive; call Context.shutdown() to unblock it and close "
                + "the socket from that thread")) {
            release();
        }
    }

    /**
     * Called by the context after {@code zmq_ctx_shutdown}: waits until no thread is inside
     * (their blocked calls are returning with ETERM), then closes.
     */
    void closeForContext() {
        if (guard.closeWhenIdle(true)) {
            release();
        }
    }

    private void release() {
        long closedAt = System.nanoTime();
        try {
            context.inproc().closing(this);
            engine.release();
        } finally {
            context.forget(this, engine.lingerMillis(), closedAt);
            Events.socketClosed(engine.id, type.name());
        }
    }

    @Override
    public String toString() {
        return "Socket[" + type + (isClosed() ? ", closed" : "") + "]";
    }

    // --- security hook (SocketSecurity): the role applied, and whether bind/connect happened ---

    private volatile SocketSecurity securityRole;
    private volatile boolean attached;

    SocketSecurity securityRole() {
        return securityRole;
    }

    void securityApplied(SocketSecurity role) {
        securityRole = role;
    }

    boolean hasAttached() {
        return attached;
    }

    // --- for Poller, Proxy and SocketMonitor ----------------------------------------------

    /** The in-use guard: a poller or proxy enters it for the sockets it uses. */
    UseGuard guard() {
        return guard;
    }

    /** The id of this socket's JFR events. */
    long eventId() {
        return engine.id;
    }

    /** The engine (for a proxy, which must mark the socket's frames as possibly zero-copy). */
    Engine engine() {
        return engine;
    }

    /** The raw handle, for the poller and proxies of this package. */
    MemorySegment handle() {
        return engine.handle();
    }

    /**
     * Starts ({@code endpoint} non-null) or stops ({@code null}) {@code zmq_socket_monitor}.
     * Stopping is best effort: it returns {@code false} without touching libzmq if the socket is
     * closed or another thread is inside it (libzmq then drops the monitor with the socket).
     */
    boolean monitor(String endpoint, int events) {
        if (endpoint == null) {
            if (!guard.tryEnter()) {
                return false;
            }
        } else {
            guard.enter();
        }
        try {
            control.monitor(endpoint, events);
            return true;
        } finally {
            guard.exit();
        }
    }
}
