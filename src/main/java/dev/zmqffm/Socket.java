package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.PollItems;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

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
 * Each operation comes in three forms:
 * <ul>
 *   <li>blocking — waits as long as the socket's {@link SocketOptions#SNDTIMEO} /
 *       {@link SocketOptions#RCVTIMEO} allow (forever by default);</li>
 *   <li>non-blocking — with {@link SendFlags#DONT_WAIT} / {@link ReceiveFlags#DONT_WAIT};</li>
 *   <li>timed — with a {@link Duration}.</li>
 * </ul>
 * "Would block" is a result, never an exception: sends return {@code false}, receives return an
 * empty {@link Optional} (or {@code false}, or {@code -1} for the buffer forms). The plain blocking
 * receives ({@link #receiveBytes()}, {@link #receiveString()}, {@link #receiveMultipart()})
 * return {@code null} only if you set a receive timeout and it elapsed. Calls interrupted by a
 * signal ({@code EINTR}) are retried with what remains of their timeout.
 *
 * <p><b>Threads.</b> libzmq sockets are not thread-safe. A socket may move between threads, but
 * two threads may never be inside it at once: a call made while another thread is inside
 * (typically blocked in a receive) throws {@link IllegalStateException} instead of corrupting
 * libzmq's state. That includes {@link #close()}: closing a socket another thread is blocked in
 * would abort the process in libzmq, so it is refused; call {@link Context#shutdown()} to make
 * the blocked call return with {@link ContextTerminatedException}, and let that thread close its
 * socket (or close the context, which waits for it).
 *
 * <p>After {@link #close()} every call throws {@link IllegalStateException}; if the socket was
 * closed by its context, {@link ContextTerminatedException}. Closing is idempotent.
 */
public final class Socket implements AutoCloseable {
    private static final int IDLE = 0;
    private static final int BUSY = 1;
    private static final int CLOSED = 2;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(Socket.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int DONTWAIT = 1;
    /** {@code perform} timeout meaning "as the socket's own timeout option says". */
    private static final long SOCKET_TIMEOUT = -1;

    private static final int OP_MSG_SEND = 0;
    private static final int OP_MSG_RECV = 1;
    private static final int OP_SEND = 2;
    private static final int OP_RECV = 3;

    static final String ZAP_ENDPOINT = "inproc://zeromq.zap.01";

    /**
     * Heap payloads up to this size are copied into a per-socket native buffer and sent with one
     * {@code zmq_send} (which copies them into a message); larger ones are copied once, straight
     * into a libzmq-owned message. Fewer downcalls win for small messages, fewer copies for large.
     */
    private static final int SMALL_SEND = 8192;

    /** Received payloads above this size are released right after copying out, not kept pinned. */
    private static final long KEEP_RECEIVED_LIMIT = 8192;

    private final Context context;
    private final SocketType type;
    private final Arena arena;
    private final MemorySegment handle;
    private final MemorySegment fastHandle;
    private final MemorySegment capture;
    private final MemorySegment sendScratch;
    private final MemorySegment recvScratch;
    private final MemorySegment pollItem;
    /** Native scratch for small heap payloads, both directions (one thread at a time is inside). */
    private final MemorySegment sendBuffer;
    @SuppressWarnings("unused") // accessed through STATE
    private volatile int state = IDLE;
    private volatile boolean closedByContext;
    private int sendTimeoutMillis = -1;
    private int receiveTimeoutMillis = -1;

    Socket(Context context, MemorySegment raw, SocketType type) {
        this.context = context;
        this.type = type;
        this.arena = Arena.ofShared();
        // Handle and buffers live in the socket's arena: after close, passing them to a downcall
        // throws IllegalStateException before any native code runs.
        this.handle = raw.reinterpret(arena, null);
        // The per-call buffers are the arena's memory seen through unscoped views, and the send
        // and receive paths pass an unscoped handle: a downcall with a shared-arena segment
        // acquires and releases that arena (two atomic updates per segment per call). This is
        // safe because those paths run between enter() and exit(), and close() cannot complete
        // then: the socket's memory outlives every such call. Everything else passes `handle`,
        // which the arena guards.
        this.fastHandle = MemorySegment.ofAddress(raw.address());
        this.capture = unscoped(arena.allocate(LibZmq.CAPTURE_LAYOUT));
        this.sendScratch = unscoped(arena.allocate(LibZmq.MSG_T_SIZE, LibZmq.MSG_T_ALIGN));
        this.recvScratch = unscoped(arena.allocate(LibZmq.MSG_T_SIZE, LibZmq.MSG_T_ALIGN));
        this.pollItem = PollItems.allocate(arena, 1);
        this.sendBuffer = unscoped(arena.allocate(SMALL_SEND, 8));
        PollItems.setSocket(pollItem, 0, handle);
        LibZmq.zmq_msg_init(capture, recvScratch);
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
     *         is not REP or ROUTER: a PLAIN or CURVE handshake would make libzmq abort
     */
    public String bind(String endpoint) {
        Endpoints.check(endpoint);
        if (endpoint.equals(ZAP_ENDPOINT) && type != SocketType.REP && type != SocketType.ROUTER) {
            // libzmq asserts (aborting the process) when a handshake meets any other type here.
            throw new IllegalArgumentException(ZAP_ENDPOINT + " is the ZAP handler endpoint: only a REP or "
                    + "ROUTER socket may bind it, not " + type);
        }
        SocketSecurity.checkEndpoint(this, endpoint, true); // security hook
        attached = true; // security hook: libzmq copies the security options now
        enter();
        try {
            endpointCall(endpoint, 0);
            return getOption(SocketOptions.LAST_ENDPOINT);
        } finally {
            exit();
        }
    }

    /**
     * Connects to an endpoint. Connecting succeeds even if nothing listens there yet: libzmq
     * connects (and reconnects) in the background, and messages wait in the queue.
     */
    public void connect(String endpoint) {
        Endpoints.check(endpoint);
        SocketSecurity.checkEndpoint(this, endpoint, false); // security hook
        attached = true; // security hook: libzmq copies the security options now
        enter();
        try {
            endpointCall(endpoint, 1);
        } finally {
            exit();
        }
    }

    /** Stops listening on an endpoint given to (or returned by) {@link #bind(String)}. */
    public void unbind(String endpoint) {
        Endpoints.check(endpoint);
        enter();
        try {
            endpointCall(endpoint, 2);
        } finally {
            exit();
        }
    }

    /** Disconnects from an endpoint given to {@link #connect(String)}. */
    public void disconnect(String endpoint) {
        Endpoints.check(endpoint);
        enter();
        try {
            endpointCall(endpoint, 3);
        } finally {
            exit();
        }
    }

    private void endpointCall(String endpoint, int which) {
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ep = call.allocateFrom(endpoint);
            int rc = switch (which) {
                case 0 -> LibZmq.zmq_bind(capture, handle, ep);
                case 1 -> LibZmq.zmq_connect(capture, handle, ep);
                case 2 -> LibZmq.zmq_unbind(capture, handle, ep);
                default -> LibZmq.zmq_disconnect(capture, handle, ep);
            };
            if (rc != 0) {
                String op = switch (which) {
                    case 0 -> "zmq_bind";
                    case 1 -> "zmq_connect";
                    case 2 -> "zmq_unbind";
                    default -> "zmq_disconnect";
                };
                throw Failures.of(op + "(" + endpoint + ")", capture);
            }
        }
    }

    /** Subscribes a SUB socket to messages starting with {@code prefix} (UTF-8; "" = all). */
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
     * @throws ZmqException if libzmq rejects it for this socket type or value
     * @throws InsecureConfigurationException for a security option after the first bind/connect,
     *         or on a socket secured with {@link SocketSecurity}
     */
    public <T> void set(SocketOption<T> option, T value) {
        option.checkWritable();
        Objects.requireNonNull(value, option.name());
        SocketSecurity.checkSet(this, option); // security hook
        enter();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment v = option.codec().encode(call, value, option.name());
            while (LibZmq.zmq_setsockopt(capture, handle, option.id(), v, v.byteSize()) != 0) {
                int code = LibZmq.errno(capture);
                if (!Failures.isInterrupted(code)) {
                    throw Failures.of("zmq_setsockopt(" + option + ")", code);
                }
            }
            // Remembered so an interrupted blocking call can finish its remaining time.
            if (option == SocketOptions.RCVTIMEO) {
                receiveTimeoutMillis = OptionCodec.millis((Duration) value, "timeout");
            } else if (option == SocketOptions.SNDTIMEO) {
                sendTimeoutMillis = OptionCodec.millis((Duration) value, "timeout");
            }
        } finally {
            exit();
        }
    }

    /**
     * Reads a socket option.
     *
     * @throws UnsupportedOperationException if the option is write-only
     */
    public <T> T get(SocketOption<T> option) {
        option.checkReadable();
        enter();
        try {
            return getOption(option);
        } finally {
            exit();
        }
    }

    private <T> T getOption(SocketOption<T> option) {
        try (Arena call = Arena.ofConfined()) {
            long size = option.codec().readSize();
            MemorySegment buffer = call.allocate(size, 8);
            MemorySegment length = call.allocateFrom(ValueLayout.JAVA_LONG, size);
            while (LibZmq.zmq_getsockopt(capture, handle, option.id(), buffer, length) != 0) {
                int code = LibZmq.errno(capture);
                if (!Failures.isInterrupted(code)) {
                    throw Failures.of("zmq_getsockopt(" + option + ")", code);
                }
            }
            return option.codec().decode(buffer, length.get(ValueLayout.JAVA_LONG, 0));
        }
    }

    /** Whether more frames of the message being received follow ({@code ZMQ_RCVMORE}). */
    public boolean hasMore() {
        return get(SocketOptions.RCVMORE);
    }

    // --- send -----------------------------------------------------------------------------

    /** Sends {@code data} as one frame, blocking; {@code false} if the send timeout elapsed. */
    public boolean send(byte[] data) {
        return send(data, SendFlags.NONE);
    }

    /** Sends {@code data}; {@code false} if it would block (with DONT_WAIT) or timed out. */
    public boolean send(byte[] data, SendFlags flags) {
        return send(data, 0, data.length, flags);
    }

    /** Sends {@code length} bytes of {@code data} from {@code offset}. */
    public boolean send(byte[] data, int offset, int length, SendFlags flags) {
        Objects.checkFromIndexSize(offset, length, data.length);
        enter();
        try {
            if (length <= SMALL_SEND) {
                MemorySegment.copy(data, offset, sendBuffer, ValueLayout.JAVA_BYTE, 0, length);
                return perform(OP_SEND, sendBuffer, length, flags.bits(), SOCKET_TIMEOUT) >= 0;
            }
            fillSendScratch(MemorySegment.ofArray(data).asSlice(offset, length));
            return sendScratch(flags.bits(), SOCKET_TIMEOUT);
        } finally {
            exit();
        }
    }

    /** Sends {@code data}, waiting at most {@code timeout}; {@code false} if it could not. */
    public boolean send(byte[] data, Duration timeout) {
        long nanos = timeoutNanos(timeout);
        enter();
        try {
            fillSendScratch(MemorySegment.ofArray(data));
            return sendScratch(0, nanos);
        } finally {
            exit();
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

    /**
     * Sends the bytes of {@code data} (heap or native; libzmq copies them once).
     */
    public boolean send(MemorySegment data, SendFlags flags) {
        enter();
        try {
            if (data.isNative()) {
                return perform(OP_SEND, data, data.byteSize(), flags.bits(), SOCKET_TIMEOUT) >= 0;
            }
            fillSendScratch(data);
            return sendScratch(flags.bits(), SOCKET_TIMEOUT);
        } finally {
            exit();
        }
    }

    /**
     * Sends the bytes between {@code data}'s position and limit; on success the position moves
     * to the limit.
     */
    public boolean send(ByteBuffer data, SendFlags flags) {
        MemorySegment bytes = MemorySegment.ofBuffer(data);
        boolean sent = send(bytes, flags);
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
        message.beforeSend();
        enter();
        try {
            boolean sent = perform(OP_MSG_SEND, message.msg, 0, flags.bits(), SOCKET_TIMEOUT) >= 0;
            if (sent) {
                message.afterSend();
            }
            return sent;
        } finally {
            exit();
        }
    }

    /** Sends a message without copying, blocking. */
    public boolean send(Message message) {
        return send(message, SendFlags.NONE);
    }

    /** Sends a message without copying, waiting at most {@code timeout}. */
    public boolean send(Message message, Duration timeout) {
        long nanos = timeoutNanos(timeout);
        message.beforeSend();
        enter();
        try {
            boolean sent = perform(OP_MSG_SEND, message.msg, 0, 0, nanos) >= 0;
            if (sent) {
                message.afterSend();
            }
            return sent;
        } finally {
            exit();
        }
    }

    /**
     * Sends all frames as one message (all but the last with {@code SEND_MORE}). libzmq delivers
     * multipart messages atomically: all frames or none. Returns {@code false} if the first
     * frame could not be queued (send timeout); once it is, the rest always are.
     */
    public boolean sendMultipart(List<byte[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a message has at least one frame");
        }
        for (int i = 0; i < frames.size(); i++) {
            boolean last = i == frames.size() - 1;
            if (!send(frames.get(i), last ? SendFlags.NONE : SendFlags.SEND_MORE)) {
                if (i == 0) {
                    return false;
                }
                throw new IllegalStateException("frame " + i + " of a multipart message could not be queued");
            }
        }
        return true;
    }

    // --- receive --------------------------------------------------------------------------

    /**
     * Receives one frame, blocking.
     *
     * @return the payload, or {@code null} only if a {@link SocketOptions#RCVTIMEO} is set and
     *         elapsed
     */
    public byte[] receiveBytes() {
        enter();
        try {
            return perform(OP_MSG_RECV, recvScratch, 0, 0, SOCKET_TIMEOUT) >= 0 ? takeReceived() : null;
        } finally {
            exit();
        }
    }

    /** Receives one frame; empty if none was waiting (DONT_WAIT) or the timeout elapsed. */
    public Optional<byte[]> receiveBytes(ReceiveFlags flags) {
        enter();
        try {
            return perform(OP_MSG_RECV, recvScratch, 0, flags.bits(), SOCKET_TIMEOUT) >= 0
                    ? Optional.of(takeReceived()) : Optional.empty();
        } finally {
            exit();
        }
    }

    /** Receives one frame, waiting at most {@code timeout}; empty if none arrived. */
    public Optional<byte[]> receiveBytes(Duration timeout) {
        long nanos = timeoutNanos(timeout);
        enter();
        try {
            return perform(OP_MSG_RECV, recvScratch, 0, 0, nanos) >= 0
                    ? Optional.of(takeReceived()) : Optional.empty();
        } finally {
            exit();
        }
    }

    /**
     * Receives one frame as UTF-8 text, blocking.
     *
     * @return the text, or {@code null} only if a {@link SocketOptions#RCVTIMEO} is set and
     *         elapsed
     */
    public String receiveString() {
        byte[] bytes = receiveBytes();
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Receives one frame as UTF-8 text; empty if none was waiting or the timeout elapsed. */
    public Optional<String> receiveString(ReceiveFlags flags) {
        return receiveBytes(flags).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Receives one frame as UTF-8 text, waiting at most {@code timeout}. */
    public Optional<String> receiveString(Duration timeout) {
        return receiveBytes(timeout).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /** Receives one frame as text in {@code charset}. */
    public Optional<String> receiveString(Charset charset, ReceiveFlags flags) {
        return receiveBytes(flags).map(b -> new String(b, charset));
    }

    /**
     * Receives into a message without copying; the message's earlier content and views are
     * released.
     *
     * @return {@code true} if a frame was received, {@code false} if none was waiting
     *         (DONT_WAIT) or the receive timeout elapsed
     */
    public boolean receive(Message message, ReceiveFlags flags) {
        message.beforeReceive();
        enter();
        try {
            int received = perform(OP_MSG_RECV, message.msg, 0, flags.bits(), SOCKET_TIMEOUT);
            message.afterReceive(received);
            return received >= 0;
        } finally {
            exit();
        }
    }

    /** Receives into a message without copying, blocking. */
    public boolean receive(Message message) {
        return receive(message, ReceiveFlags.NONE);
    }

    /** Receives into a message, waiting at most {@code timeout}. */
    public boolean receive(Message message, Duration timeout) {
        long nanos = timeoutNanos(timeout);
        message.beforeReceive();
        enter();
        try {
            int received = perform(OP_MSG_RECV, message.msg, 0, 0, nanos);
            message.afterReceive(received);
            return received >= 0;
        } finally {
            exit();
        }
    }

    /**
     * Receives one frame into {@code buffer} (like {@code zmq_recv}): at most its size is
     * written, the rest of a longer frame is dropped.
     *
     * @return the frame's full size (larger than the buffer if it was truncated), or {@code -1}
     *         if none was waiting (DONT_WAIT) or the timeout elapsed
     */
    public int receive(MemorySegment buffer, ReceiveFlags flags) {
        enter();
        try {
            if (buffer.isNative()) {
                return perform(OP_RECV, buffer, buffer.byteSize(), flags.bits(), SOCKET_TIMEOUT);
            }
            if (perform(OP_MSG_RECV, recvScratch, 0, flags.bits(), SOCKET_TIMEOUT) < 0) {
                return -1;
            }
            long size = LibZmq.zmq_msg_size(recvScratch);
            MemorySegment.copy(LibZmq.zmq_msg_data(recvScratch).reinterpret(size), 0, buffer, 0,
                    Math.min(size, buffer.byteSize()));
            releaseLargeReceived(size);
            return (int) size;
        } finally {
            exit();
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
        if (buffer.length > SMALL_SEND) {
            return receive(MemorySegment.ofArray(buffer), flags);
        }
        enter();
        try {
            // Through the socket's native scratch buffer: no segment is created per call, so the
            // loop allocates nothing whatever else the JIT has seen.
            int size = perform(OP_RECV, sendBuffer, buffer.length, flags.bits(), SOCKET_TIMEOUT);
            if (size > 0) {
                MemorySegment.copy(sendBuffer, ValueLayout.JAVA_BYTE, 0, buffer, 0, Math.min(size, buffer.length));
            }
            return size;
        } finally {
            exit();
        }
    }

    /**
     * Receives one frame into {@code buffer} from its position; the position advances by the
     * bytes written.
     *
     * @return the frame's full size (more than written if truncated), or {@code -1}
     */
    public int receive(ByteBuffer buffer, ReceiveFlags flags) {
        int size = receive(MemorySegment.ofBuffer(buffer), flags);
        if (size > 0) {
            buffer.position(buffer.position() + Math.min(size, buffer.remaining()));
        }
        return size;
    }

    /**
     * Receives all frames of one message, blocking.
     *
     * @return the frames, or {@code null} only if a receive timeout is set and elapsed
     */
    public List<byte[]> receiveMultipart() {
        byte[] first = receiveBytes();
        return first == null ? null : rest(first);
    }

    /** Receives all frames of one message, waiting at most {@code timeout} for the first. */
    public Optional<List<byte[]>> receiveMultipart(Duration timeout) {
        return receiveBytes(timeout).map(this::rest);
    }

    private List<byte[]> rest(byte[] first) {
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        // Multipart delivery is atomic: once the first frame is here, the others are too.
        while (hasMore()) {
            frames.add(receiveBytes());
        }
        return frames;
    }

    // --- lifecycle --------------------------------------------------------------------------

    /** Whether this socket is closed (by {@link #close()} or by its context). */
    public boolean isClosed() {
        return (int) STATE.getVolatile(this) == CLOSED;
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
        while (true) {
            int s = (int) STATE.getVolatile(this);
            if (s == CLOSED) {
                return;
            }
            if (s == BUSY) {
                throw new IllegalStateException("socket is in use by another thread (e.g. blocked in a receive); "
                        + "call Context.shutdown() to unblock it and close the socket from that thread");
            }
            if (STATE.compareAndSet(this, IDLE, CLOSED)) {
                release();
                return;
            }
        }
    }

    /**
     * Called by the context after {@code zmq_ctx_shutdown}: waits until no thread is inside
     * (their blocked calls are returning with ETERM), then closes.
     */
    void closeForContext() {
        closedByContext = true;
        while (true) {
            int s = (int) STATE.getVolatile(this);
            if (s == CLOSED) {
                return;
            }
            if (s == IDLE && STATE.compareAndSet(this, IDLE, CLOSED)) {
                release();
                return;
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private void release() {
        try {
            LibZmq.zmq_msg_close_upcalling(capture, recvScratch);
            LibZmq.zmq_close(capture, handle);
        } finally {
            context.forget(this);
            arena.close();
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

    // --- internals ------------------------------------------------------------------------

    /** Marks the socket in use by the calling thread (or a proxy); throws if closed or busy. */
    void enter() {
        if (!STATE.compareAndSet(this, IDLE, BUSY)) {
            throw stateError();
        }
    }

    /** Ends {@link #enter()} or a successful {@link #tryEnter()}. */
    void exit() {
        // Release ordering suffices: the next enter() is a CAS, which synchronizes with it.
        STATE.setRelease(this, IDLE);
    }

    private RuntimeException stateError() {
        if ((int) STATE.getVolatile(this) == CLOSED) {
            if (closedByContext) {
                return new ContextTerminatedException("socket", Errno.ETERM.code(), "the context was closed");
            }
            return new IllegalStateException("socket is closed");
        }
        return new IllegalStateException("socket is in use by another thread: libzmq sockets must not be "
                + "used by two threads at once");
    }

    private static long timeoutNanos(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private void fillSendScratch(MemorySegment data) {
        long size = data.byteSize();
        if (LibZmq.zmq_msg_init_size(capture, sendScratch, size) != 0) {
            throw Failures.of("zmq_msg_init_size", capture);
        }
        if (size > 0) {
            MemorySegment.copy(data, 0, LibZmq.zmq_msg_data(sendScratch).reinterpret(size), 0, size);
        }
    }

    private boolean sendScratch(int flags, long timeoutNanos) {
        boolean sent = false;
        try {
            sent = perform(OP_MSG_SEND, sendScratch, 0, flags, timeoutNanos) >= 0;
            return sent;
        } finally {
            if (!sent) {
                LibZmq.zmq_msg_close(capture, sendScratch);
            }
        }
    }

    private byte[] takeReceived() {
        long size = LibZmq.zmq_msg_size(recvScratch);
        byte[] bytes = LibZmq.zmq_msg_data(recvScratch).reinterpret(size).toArray(ValueLayout.JAVA_BYTE);
        releaseLargeReceived(size);
        return bytes;
    }

    private void releaseLargeReceived(long size) {
        if (size > KEEP_RECEIVED_LIMIT) {
            LibZmq.zmq_msg_close_upcalling(capture, recvScratch);
            LibZmq.zmq_msg_init(capture, recvScratch);
        }
    }

    private int invoke(int op, MemorySegment target, long length, int flags) {
        return switch (op) {
            case OP_MSG_SEND -> LibZmq.zmq_msg_send(capture, target, fastHandle, flags);
            case OP_MSG_RECV -> LibZmq.zmq_msg_recv(capture, target, fastHandle, flags);
            case OP_SEND -> LibZmq.zmq_send(capture, fastHandle, target, length, flags);
            default -> LibZmq.zmq_recv(capture, fastHandle, target, length, flags);
        };
    }

    private static MemorySegment unscoped(MemorySegment owned) {
        return MemorySegment.ofAddress(owned.address()).reinterpret(owned.byteSize());
    }

    private static String name(int op) {
        return switch (op) {
            case OP_MSG_SEND -> "zmq_msg_send";
            case OP_MSG_RECV -> "zmq_msg_recv";
            case OP_SEND -> "zmq_send";
            default -> "zmq_recv";
        };
    }

    /**
     * Runs a send or receive. {@code timeoutNanos} is {@link #SOCKET_TIMEOUT} (wait as the
     * socket's timeout option says, or not at all with DONT_WAIT), 0 (don't wait) or a limit.
     *
     * @return libzmq's non-negative result, or -1 for "would block"
     */
    private int perform(int op, MemorySegment target, long length, int flags, long timeoutNanos) {
        boolean sending = op == OP_MSG_SEND || op == OP_SEND;
        if (timeoutNanos == SOCKET_TIMEOUT) {
            int socketTimeout = (flags & DONTWAIT) != 0 ? 0 : sending ? sendTimeoutMillis : receiveTimeoutMillis;
            long start = socketTimeout > 0 ? System.nanoTime() : 0;
            while (true) {
                int rc = invoke(op, target, length, flags);
                if (rc >= 0) {
                    return rc;
                }
                int code = LibZmq.errno(capture);
                if (Failures.isAgain(code)) {
                    return -1;
                }
                if (!Failures.isInterrupted(code)) {
                    throw Failures.of(name(op), code);
                }
                if (socketTimeout > 0) {
                    // A signal cut the wait short: wait only for what remains of the timeout.
                    long remaining = TimeUnit.MILLISECONDS.toNanos(socketTimeout) - (System.nanoTime() - start);
                    return perform(op, target, length, flags, Math.max(0, remaining));
                }
            }
        }
        long deadline = System.nanoTime() + timeoutNanos;
        int nonBlocking = flags | DONTWAIT;
        while (true) {
            int rc = invoke(op, target, length, nonBlocking);
            if (rc >= 0) {
                return rc;
            }
            int code = LibZmq.errno(capture);
            if (Failures.isInterrupted(code)) {
                continue;
            }
            if (!Failures.isAgain(code)) {
                throw Failures.of(name(op), code);
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return -1;
            }
            awaitReady(sending ? PollItems.POLLOUT : PollItems.POLLIN, remaining);
        }
    }

    /** Waits until the socket may be ready, the time is up, or a signal arrives. */
    private void awaitReady(short events, long nanos) {
        PollItems.setEvents(pollItem, 0, events);
        long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos + 999_999));
        if (LibZmq.zmq_poll(capture, pollItem, 1, millis) < 0) {
            int code = LibZmq.errno(capture);
            if (!Failures.isInterrupted(code)) {
                throw Failures.of("zmq_poll", code);
            }
        }
    }

    /** The raw handle, for the poller and proxies of this package. */
    MemorySegment handle() {
        return handle;
    }

    /** Whether a thread is inside this socket right now. */
    boolean isInUse() {
        return (int) STATE.getVolatile(this) == BUSY;
    }

    /** Marks the socket in use (by a poller, say); false if it is closed or busy. */
    boolean tryEnter() {
        return STATE.compareAndSet(this, IDLE, BUSY);
    }

    /**
     * Starts ({@code endpoint} non-null) or stops ({@code null}) {@code zmq_socket_monitor}.
     * Stopping is best effort: it returns {@code false} without touching libzmq if the socket is
     * closed or another thread is inside it (libzmq then drops the monitor with the socket).
     */
    boolean monitor(String endpoint, int events) {
        if (endpoint == null) {
            if (!tryEnter()) {
                return false;
            }
        } else {
            enter();
        }
        try (Arena call = Arena.ofConfined()) {
            MemorySegment ep = endpoint == null ? MemorySegment.NULL : call.allocateFrom(endpoint);
            if (LibZmq.zmq_socket_monitor(capture, handle, ep, events) != 0) {
                throw Failures.of("zmq_socket_monitor", capture);
            }
            return true;
        } finally {
            exit();
        }
    }
}
