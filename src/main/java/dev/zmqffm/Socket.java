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
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=socket}
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

    /** {@return this socket's type} */
    public SocketType type() {
        return type;
    }

    /** {@return the context that created this socket} */
    public Context context() {
        return context;
    }

    // --- endpoints ------------------------------------------------------------------------

    /**
     * Binds to an endpoint and returns the endpoint actually bound: for
     * {@code tcp://127.0.0.1:*} the port chosen, e.g. {@code tcp://127.0.0.1:41234}.
     *
     * @param endpoint {@code transport://address}, e.g. {@code tcp://127.0.0.1:*},
     *         {@code ipc:///tmp/feed} or {@code inproc://name}
     * @return the endpoint bound, with the port or path libzmq chose filled in
     * @throws IllegalArgumentException for a malformed endpoint (checked before libzmq sees it)
     * @throws AddressInUseException if the address is taken
     * @throws InsecureConfigurationException if the {@link SocketSecurity} role applied forbids the endpoint
     * @throws IllegalArgumentException also for {@code inproc://zeromq.zap.01} on a socket that
     *         is not REP or ROUTER: a PLAIN or CURVE handshake would make libzmq abort; and for a
     *         {@link SocketOptions#USE_FD} descriptor that is no longer a listening socket of the
     *         endpoint's family (tcp: IPv4/IPv6, ipc: Unix); and for an {@code inproc://}
     *         endpoint where a socket of a type ZMTP does not pair with this one is waiting
     *         (libzmq does not check types over inproc, and some pairs abort the process)
     */
    public String bind(String endpoint) {
        checkEndpoint(endpoint);
        SocketChecks.beforeBind(type, endpoint);
        SocketSecurity.checkEndpoint(this, endpoint, true); // security hook
        attached = true; // security hook: libzmq copies the security options now
        guard.enter();
        try {
            context.inproc().bind(this, endpoint, engine, control);
            return control.get(SocketOptions.LAST_ENDPOINT);
        } finally {
            guard.exit();
        }
    }

    /**
     * Connects to an endpoint. Connecting succeeds even if nothing listens there yet: libzmq
     * connects (and reconnects) in the background, and messages wait in the queue.
     *
     * @param endpoint {@code transport://address}, e.g. {@code tcp://127.0.0.1:5555} or
     *         {@code inproc://name}
     * @throws ZmqException {@link Errno#EMFILE} for the first {@code inproc://} connect of a context
     *         whose socket table is full: such a connect needs one spare socket to be resolved
     *         safely if nothing ever binds the endpoint (see {@link Context#close()})
     * @throws ContextTerminatedException if the context was shut down
     * @throws InsecureConfigurationException if the {@link SocketSecurity} role applied forbids the endpoint
     * @throws IllegalArgumentException for a malformed endpoint (checked before libzmq sees it)
     * @throws IllegalArgumentException also for an {@code inproc://} endpoint bound by a socket of a
     *         type ZMTP does not pair with this one ({@link SocketType})
     * @throws SocketStateException for an {@code inproc://} endpoint nothing has bound yet, on a
     *         socket with {@link SocketOptions#CONFLATE}: libzmq's one-message pipe loses the
     *         connect's routing id if the socket closes or disconnects before the bind, which
     *         then aborts the process; bind first
     */
    public void connect(String endpoint) {
        checkEndpoint(endpoint);
        SocketSecurity.checkEndpoint(this, endpoint, false); // security hook
        attached = true; // security hook: libzmq copies the security options now
        endpoint(endpoint, SocketControl.CONNECT);
    }

    /**
     * Stops listening on an endpoint given to (or returned by) {@link #bind(String)}. (libzmq
     * also accepts an endpoint given to {@link #connect(String)} here, as a disconnect.)
     *
     * @param endpoint the endpoint as given to or returned by {@code bind}
     * @throws SocketStateException in the case {@link #disconnect(String)} describes
     */
    public void unbind(String endpoint) {
        checkEndpoint(endpoint);
        endpoint(endpoint, SocketControl.UNBIND);
    }

    /**
     * Disconnects from an endpoint given to {@link #connect(String)}.
     *
     * @param endpoint the endpoint as given to {@code connect}
     * @throws SocketStateException for a REP or ROUTER socket whose {@code inproc://} connect is
     *         still pending (nothing bound the endpoint yet) while other sockets wait for the same
     *         endpoint: libzmq would abort the process when the endpoint is bound; close the
     *         socket instead, or disconnect after the bind
     */
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
                default -> context.inproc().unbind(this, endpoint, control);
            }
        } finally {
            guard.exit();
        }
    }

    /**
     * Subscribes a SUB socket to messages starting with {@code prefix} (UTF-8; "" = all).
     *
     * @param prefix the topic prefix; {@code ""} subscribes to everything
     * @throws IllegalArgumentException for a prefix over 512 bytes: libzmq recurses once per byte
     *         and would overflow the thread's stack ({@link SocketOptions#SUBSCRIBE})
     */
    public void subscribe(String prefix) {
        set(SocketOptions.SUBSCRIBE, prefix.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Subscribes a SUB socket to messages starting with {@code prefix} (empty = all).
     *
     * @param prefix the topic prefix, at most 512 bytes; empty subscribes to everything
     * @throws IllegalArgumentException for a prefix over 512 bytes
     */
    public void subscribe(byte[] prefix) {
        set(SocketOptions.SUBSCRIBE, prefix);
    }

    /**
     * Removes a subscription made with {@link #subscribe(String)}.
     *
     * @param prefix the prefix exactly as subscribed
     */
    public void unsubscribe(String prefix) {
        set(SocketOptions.UNSUBSCRIBE, prefix.getBytes(StandardCharsets.UTF_8));
    }

    // --- options ------------------------------------------------------------------------

    /**
     * Sets a socket option.
     *
     * @param <T> the option's value type
     * @param option one of {@link SocketOptions}, or an
     *         {@linkplain SocketOption#unchecked unchecked} option
     * @param value the new value; not {@code null}
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
     * @param <T> the option's value type
     * @param option one of {@link SocketOptions}, or an
     *         {@linkplain SocketOption#unchecked unchecked} option
     * @return the option's current value
     * @throws UnsupportedOperationException if the option is write-only
     * @throws ZmqException if libzmq rejects the option for this socket type
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

    /** {@return whether more frames of the message being received follow ({@code ZMQ_RCVMORE})} */
    public boolean hasMore() {
        guard.enter();
        try {
            return engine.hasMore();
        } finally {
            guard.exit();
        }
    }

    // --- send -----------------------------------------------------------------------------

    /**
     * Sends {@code data} as one frame, blocking; {@code false} if the send timeout elapsed.
     *
     * @param data the frame's payload; copied by libzmq before this returns
     * @return {@code true} if the frame was queued
     */
    public boolean send(byte[] data) {
        return send(data, 0, data.length, SendFlags.NONE);
    }

    /**
     * Sends {@code data}; {@code false} if it would block (with DONT_WAIT) or timed out.
     *
     * @param data the frame's payload; copied by libzmq before this returns
     * @param flags {@link SendFlags#DONT_WAIT} and/or {@link SendFlags#SEND_MORE}, or
     *         {@link SendFlags#NONE}
     * @return {@code true} if the frame was queued
     */
    public boolean send(byte[] data, SendFlags flags) {
        return send(data, 0, data.length, flags);
    }

    /**
     * Sends {@code length} bytes of {@code data} from {@code offset}.
     *
     * @param data holds the payload; copied by libzmq before this returns
     * @param offset where the payload starts in {@code data}
     * @param length the payload's size in bytes
     * @param flags {@link SendFlags#DONT_WAIT} and/or {@link SendFlags#SEND_MORE}, or
     *         {@link SendFlags#NONE}
     * @return {@code true} if the frame was queued, {@code false} if it would block or timed out
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

    /**
     * Sends {@code data}, waiting at most {@code timeout}; {@code false} if it could not.
     *
     * @param data the frame's payload; copied by libzmq before this returns
     * @param timeout longest wait; {@link SocketOptions#INFINITE} waits without limit
     * @return {@code true} if the frame was queued
     */
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

    /**
     * Sends {@code text} in UTF-8 (no terminating NUL), blocking.
     *
     * @param text the frame's payload
     * @return {@code true} if the frame was queued, {@code false} if the send timeout elapsed
     */
    public boolean send(String text) {
        return send(text.getBytes(StandardCharsets.UTF_8), SendFlags.NONE);
    }

    /**
     * Sends {@code text} in UTF-8 (no terminating NUL).
     *
     * @param text the frame's payload
     * @param flags {@link SendFlags#DONT_WAIT} and/or {@link SendFlags#SEND_MORE}, or
     *         {@link SendFlags#NONE}
     * @return {@code true} if the frame was queued, {@code false} if it would block or timed out
     */
    public boolean send(String text, SendFlags flags) {
        return send(text.getBytes(StandardCharsets.UTF_8), flags);
    }

    /**
     * Sends {@code text} in {@code charset}.
     *
     * @param text the frame's payload
     * @param charset how to encode it
     * @param flags {@link SendFlags#DONT_WAIT} and/or {@link SendFlags#SEND_MORE}, or
     *         {@link SendFlags#NONE}
     * @return {@code true} if the frame was queued, {@code false} if it would block or timed out
     */
    public boolean send(String text, Charset charset, SendFlags flags) {
        return send(text.getBytes(charset), flags);
    }

    /**
     * Sends {@code text} in UTF-8, waiting at most {@code timeout}.
     *
     * @param text the frame's payload
     * @param timeout longest wait; {@link SocketOptions#INFINITE} waits without limit
     * @return {@code true} if the frame was queued, {@code false} if {@code timeout} elapsed first
     */
    public boolean send(String text, Duration timeout) {
        return send(text.getBytes(StandardCharsets.UTF_8), timeout);
    }

    /**
     * Sends a frame with more to follow: {@code send(data, SendFlags.SEND_MORE)}.
     *
     * @param data the frame's payload
     * @return {@code true} if the frame was queued, {@code false} if the send timeout elapsed
     */
    public boolean sendMore(byte[] data) {
        return send(data, SendFlags.SEND_MORE);
    }

    /**
     * Sends a UTF-8 frame with more to follow.
     *
     * @param text the frame's payload, encoded in UTF-8
     * @return {@code true} if the frame was queued, {@code false} if the send timeout elapsed
     */
    public boolean sendMore(String text) {
        return send(text, SendFlags.SEND_MORE);
    }

    /**
     * Sends the bytes of {@code data} (heap or native; libzmq copies them once).
     *
     * @param data the frame's payload, {@code byteSize()} bytes
     * @param flags {@link SendFlags#DONT_WAIT} and/or {@link SendFlags#SEND_MORE}, or
     *         {@link SendFlags#NONE}
     * @return {@code true} if the frame was queued, {@code false} if it would block or timed out
     */
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
     *
     * @param data the frame's payload, heap or direct; left unchanged if nothing was sent
     * @param flags {@link SendFlags#DONT_WAIT} and/or {@link SendFlags#SEND_MORE}, or
     *         {@link SendFlags#NONE}
     * @return {@code true} if the frame was queued, {@code false} if it would block or timed out
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
     * @param message an open message owned by the calling thread
     * @param flags {@link SendFlags#DONT_WAIT} and/or {@link SendFlags#SEND_MORE}, or
     *         {@link SendFlags#NONE}
     * @return {@code true} if the message was queued, {@code false} (message unchanged) if it would
     *         block or timed out
     * @throws IllegalStateException if the message is closed or was already sent
     */
    public boolean send(Message message, SendFlags flags) {
        return send(message, flags.bits(), SOCKET);
    }

    /**
     * Sends a message without copying, blocking.
     *
     * @param message an open message owned by the calling thread
     * @return {@code true} if the message was queued, {@code false} (message unchanged) if the send
     *         timeout elapsed
     */
    public boolean send(Message message) {
        return send(message, 0, SOCKET);
    }

    /**
     * Sends a message without copying, waiting at most {@code timeout}.
     *
     * @param message an open message owned by the calling thread
     * @param timeout longest wait; {@link SocketOptions#INFINITE} waits without limit
     * @return {@code true} if the message was queued, {@code false} (message unchanged) if
     *         {@code timeout} elapsed first
     */
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
     *
     * @param frames the frames in order; not empty
     * @return {@code true} if the message was queued, {@code false} if the send timeout elapsed
     *         before the first frame
     * @throws IllegalArgumentException if {@code frames} is empty
     */
    public boolean sendMultipart(List<byte[]> frames) {
        return Multipart.send(this, frames);
    }

    // --- receive --------------------------------------------------------------------------

    /**
     * Receives one frame, blocking; empty only if a {@link SocketOptions#RCVTIMEO} elapsed.
     *
     * @return the frame's payload, or empty if the receive timeout elapsed
     */
    public Optional<byte[]> receiveBytes() {
        return receiveBytes(0, SOCKET);
    }

    /**
     * Receives one frame; empty if none was waiting (DONT_WAIT) or the receive timeout elapsed.
     *
     * @param flags {@link ReceiveFlags#DONT_WAIT}, or {@link ReceiveFlags#NONE}
     * @return the frame's payload, or empty if nothing could be received
     */
    public Optional<byte[]> receiveBytes(ReceiveFlags flags) {
        return receiveBytes(flags.bits(), SOCKET);
    }

    /**
     * Receives one frame, waiting at most {@code timeout}; empty if none arrived.
     *
     * @param timeout longest wait; {@link SocketOptions#INFINITE} waits without limit
     * @return the frame's payload, or empty if {@code timeout} elapsed first
     */
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

    /**
     * Receives one frame as UTF-8 text, blocking; empty only if a receive timeout elapsed.
     *
     * @return the decoded frame, or empty if the receive timeout elapsed
     */
    public Optional<String> receiveString() {
        return text(receiveBytes(), StandardCharsets.UTF_8);
    }

    /**
     * Receives one frame as UTF-8 text; empty if none was waiting or the timeout elapsed.
     *
     * @param flags {@link ReceiveFlags#DONT_WAIT}, or {@link ReceiveFlags#NONE}
     * @return the decoded frame, or empty if nothing could be received
     */
    public Optional<String> receiveString(ReceiveFlags flags) {
        return text(receiveBytes(flags), StandardCharsets.UTF_8);
    }

    /**
     * Receives one frame as UTF-8 text, waiting at most {@code timeout}.
     *
     * @param timeout longest wait; {@link SocketOptions#INFINITE} waits without limit
     * @return the decoded frame, or empty if {@code timeout} elapsed first
     */
    public Optional<String> receiveString(Duration timeout) {
        return text(receiveBytes(timeout), StandardCharsets.UTF_8);
    }

    /**
     * Receives one frame as text in {@code charset}.
     *
     * @param charset how the frame is encoded
     * @param flags {@link ReceiveFlags#DONT_WAIT}, or {@link ReceiveFlags#NONE}
     * @return the decoded frame, or empty if nothing could be received
     */
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
     * @param message an open message owned by the calling thread; reused, e.g. in a loop
     * @param flags {@link ReceiveFlags#DONT_WAIT}, or {@link ReceiveFlags#NONE}
     * @return {@code true} if a frame was received, {@code false} if none was waiting
     *         (DONT_WAIT) or the receive timeout elapsed
     */
    public boolean receive(Message message, ReceiveFlags flags) {
        return receive(message, flags.bits(), SOCKET);
    }

    /**
     * Receives into a message without copying, blocking.
     *
     * @param message an open message owned by the calling thread; reused, e.g. in a loop
     * @return {@code true} if a frame was received, {@code false} if the receive timeout elapsed
     */
    public boolean receive(Message message) {
        return receive(message, 0, SOCKET);
    }

    /**
     * Receives into a message, waiting at most {@code timeout}.
     *
     * @param message an open message owned by the calling thread; reused, e.g. in a loop
     * @param timeout longest wait; {@link SocketOptions#INFINITE} waits without limit
     * @return {@code true} if a frame was received, {@code false} if {@code timeout} elapsed first
     */
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
     * @param buffer where the frame's first {@code buffer.byteSize()} bytes go
     * @param flags {@link ReceiveFlags#DONT_WAIT}, or {@link ReceiveFlags#NONE}
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
     * @param buffer where the frame's first {@code buffer.length} bytes go
     * @param flags {@link ReceiveFlags#DONT_WAIT}, or {@link ReceiveFlags#NONE}
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
     * @param buffer where the frame's first {@code buffer.remaining()} bytes go, heap or direct
     * @param flags {@link ReceiveFlags#DONT_WAIT}, or {@link ReceiveFlags#NONE}
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

    /**
     * Receives all frames of one message, blocking; empty only if a receive timeout elapsed.
     *
     * @return every frame in order, or empty if the receive timeout elapsed before the first
     */
    public Optional<List<byte[]>> receiveMultipart() {
        return receiveBytes().map(first -> Multipart.rest(this, first));
    }

    /**
     * Receives all frames of one message, waiting at most {@code timeout} for the first.
     *
     * @param timeout longest wait for the first frame; {@link SocketOptions#INFINITE} waits without
     *         limit
     * @return every frame in order, or empty if {@code timeout} elapsed before the first
     */
    public Optional<List<byte[]>> receiveMultipart(Duration timeout) {
        return receiveBytes(timeout).map(first -> Multipart.rest(this, first));
    }

    // --- lifecycle --------------------------------------------------------------------------

    /** {@return whether this socket is closed (by {@link #close()} or by its context)} */
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
        control.closing();
        try {
            context.inproc().close(this, engine);
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

    /** Starts {@code zmq_socket_monitor} on {@code endpoint} ({@link SocketControl#startMonitor}). */
    void startMonitor(String endpoint, int events) {
        control.startMonitor(endpoint, events);
    }

    /** Stops the monitor now or when the thread inside leaves ({@link SocketControl#stopMonitor}). */
    boolean stopMonitor(SocketMonitor monitor) {
        return control.stopMonitor(monitor);
    }
}
