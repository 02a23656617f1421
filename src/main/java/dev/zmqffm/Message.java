package dev.zmqffm;

import dev.zmqffm.internal.FreeCallback;
import dev.zmqffm.internal.LibZmq;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One frame of a ZeroMQ message: a {@code zmq_msg_t} whose payload is seen as a
 * {@link MemorySegment} without copying.
 *
 * {@snippet class=dev.zmqffm.snippets.MessagingSnippets region=message}
 *
 * <p><b>Lifetimes.</b> The {@link #data()} view is valid until the message is closed, received
 * into again, sent, or made the target of {@link #copy()}'s source changes; after that, any
 * access throws {@link IllegalStateException} instead of reading freed memory. A message that has
 * been sent is empty and cannot be sent again (libzmq would send an empty frame): receive into it
 * or close it.
 *
 * <p><b>Threads.</b> Like a confined {@link Arena}, a message belongs to the thread that created
 * it: using it from another thread throws {@link WrongThreadException}. To hand data to another
 * thread, copy it out ({@link #toByteArray()}) or use the {@code byte[]} API of {@link Socket}.
 *
 * <p>Closing is idempotent. An unclosed message is freed when its arena is — never, for a
 * confined arena — so always use try-with-resources.
 */
public final class Message implements AutoCloseable {
    private static final int LIVE = 0;
    private static final int SENT = 1;
    private static final int CLOSED = 2;

    private final Thread owner = Thread.currentThread();
    private final Arena arena;
    final MemorySegment msg;
    private final MemorySegment capture;
    private Arena view;
    private int state = LIVE;
    private MessageTracker tracker;
    /**
     * The payload size when Java already knows it (set by the operation that changed the
     * content: zmq_msg_recv returns it), or -1 to ask libzmq: a receive loop that checks
     * {@link #size()} then costs no second downcall per message.
     */
    private long knownSize = -1;
    /**
     * Whether the content may be a zero-copy frame whose release runs the Java free callback
     * (an upcall): wrapped caller memory, a copy sharing it, or a frame received on a socket that
     * can carry such frames (inproc). Such content is only ever closed through the ordinary
     * (non-critical) handle; see {@link Engine}.
     */
    private boolean holdsCallback;

    /** An empty message, ready to receive into (or to send as an empty frame). */
    public Message() {
        this(-1);
    }

    private Message(long size) {
        this.arena = Arena.ofConfined();
        try {
            this.msg = arena.allocate(LibZmq.MSG_T_SIZE, LibZmq.MSG_T_ALIGN);
            this.capture = arena.allocate(LibZmq.CAPTURE_LAYOUT);
            int rc = size < 0 ? LibZmq.zmq_msg_init(capture, msg) : LibZmq.zmq_msg_init_size(capture, msg, size);
            if (rc != 0) {
                throw Failures.of(size < 0 ? "zmq_msg_init" : "zmq_msg_init_size", capture);
            }
            this.knownSize = Math.max(0, size);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /**
     * A message of {@code size} bytes in a buffer libzmq owns; fill it through {@link #data()}.
     * The initial content is unspecified. Sending it passes the buffer to libzmq without a copy.
     *
     * @param size payload size in bytes, 0 or more
     * @return an open message owned by the calling thread
     * @throws IllegalArgumentException if {@code size} is negative
     * @throws ZmqException if libzmq cannot allocate it ({@link Errno#ENOMEM})
     */
    public static Message allocate(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        return new Message(size);
    }

    /**
     * Below this size (1 KiB) {@link #wrap(MemorySegment)} copies instead. Measured with
     * {@code WrapBenchmark} (send and receive over inproc, JDK 25, JMH): wrapping costs a flat
     * ~0.28 µs whatever the size (a tracker and a free callback), while copying grows with it —
     * 0.18 µs at 64 B, 0.35 µs at 256 B, 0.38 µs at 1 KiB, 0.40 µs at 4 KiB, 0.67 µs at 16 KiB,
     * 1.7 µs at 64 KiB. From 1 KiB wrapping is clearly cheaper; below, the two are within about
     * 0.1 µs of each other and copying wins on what matters more: the caller's memory is free
     * again at once.
     */
    public static final long WRAP_THRESHOLD = 1024;

    /**
     * A message whose payload is {@code data} itself — caller memory, e.g. from an arena you
     * control or a mapped file — sent without copying. libzmq reads the memory until it no longer
     * needs it; {@link #tracker()} says when that is. <b>Keep the memory alive and unchanged until
     * then</b>: closing its arena earlier lets libzmq read freed memory. Payloads smaller than
     * {@link #WRAP_THRESHOLD} are copied (the tracker is then done at once).
     *
     * @param data native memory that stays valid and unchanged until the tracker is done
     * @return an open message whose payload is {@code data}
     * @throws IllegalArgumentException if {@code data} is not native memory, or is a non-empty
     *         segment at address 0
     */
    public static Message wrap(MemorySegment data) {
        if (!data.isNative()) {
            throw new IllegalArgumentException("only native memory can be wrapped; heap data is copied by Message.copyOf");
        }
        if (data.address() == 0 && data.byteSize() > 0) {
            // libzmq asserts on a NULL buffer with a non-zero size: the process would abort.
            throw new IllegalArgumentException("a segment at address 0 cannot be wrapped");
        }
        if (data.byteSize() < WRAP_THRESHOLD) {
            Message m = copyOf(data);
            m.tracker = MessageTracker.completed();
            return m;
        }
        Message m = new Message();
        MessageTracker tracker = new MessageTracker();
        long hint = FreeCallback.register(tracker.listener());
        // The struct is re-initialised in place: the empty message needs no close first.
        if (LibZmq.zmq_msg_init_data(m.capture, m.msg, data, data.byteSize(), FreeCallback.STUB,
                MemorySegment.ofAddress(hint)) != 0) {
            FreeCallback.cancel(hint);
            m.close();
            throw Failures.of("zmq_msg_init_data", m.capture);
        }
        m.knownSize = data.byteSize();
        m.tracker = tracker;
        m.holdsCallback = true;
        return m;
    }

    /**
     * For a message made by {@link #wrap(MemorySegment)}: tells when libzmq has released the
     * wrapped memory (after sending, or when this message is closed unsent).
     *
     * @return the tracker of the wrapped memory; the same one on every call
     * @throws IllegalStateException if this message does not wrap caller memory
     */
    public MessageTracker tracker() {
        checkThread();
        if (tracker == null) {
            throw new IllegalStateException("only messages made by Message.wrap have a tracker");
        }
        return tracker;
    }

    /**
     * Replaces the content with a new buffer of {@code size} bytes owned by libzmq (unspecified
     * content), so one message can be filled and sent again and again without allocating.
     *
     * @param size payload size in bytes, 0 or more
     * @throws IllegalArgumentException if {@code size} is negative
     * @throws IllegalStateException if the message is closed
     * @throws ZmqException if libzmq cannot allocate the buffer; the message is then empty
     */
    public void rebuild(long size) {
        checkThread();
        if (state == CLOSED) {
            throw new IllegalStateException("message is closed");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        invalidateView();
        if (state != SENT) {
            // A sent message is already empty: libzmq reset it.
            LibZmq.zmq_msg_close_upcalling(capture, msg);
        }
        // Without errno first (a hot path); only a failure (out of memory) asks again for the reason.
        if (LibZmq.zmq_msg_init_size_attempt(msg, size) != 0 && LibZmq.zmq_msg_init_size(capture, msg, size) != 0) {
            LibZmq.zmq_msg_init(capture, msg);
            knownSize = 0;
            throw Failures.of("zmq_msg_init_size", capture);
        }
        knownSize = size;
        tracker = null;
        holdsCallback = false;
        state = LIVE;
    }

    /**
     * Copies {@code source} into the payload at {@code offset} without creating a view.
     *
     * @param source the bytes to copy, heap or native
     * @param offset where in the payload they go, 0 or more
     * @throws IndexOutOfBoundsException if it does not fit
     */
    public void copyFrom(MemorySegment source, long offset) {
        MemorySegment p = payload();
        java.util.Objects.checkFromIndexSize(offset, source.byteSize(), p.byteSize());
        MemorySegment.copy(source, 0, p, offset, source.byteSize());
    }

    /**
     * {@return A message holding a copy of {@code data}}
     *
     * @param data the payload; later changes to the array do not show in the message
     */
    public static Message of(byte[] data) {
        Message m = allocate(data.length);
        MemorySegment.copy(data, 0, m.payload(), ValueLayout.JAVA_BYTE, 0, data.length);
        return m;
    }

    /**
     * {@return A message holding {@code text} in UTF-8, without a terminating NUL}
     *
     * @param text the payload
     */
    public static Message of(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@return A message holding a copy of {@code data} (heap or native)}
     *
     * @param data the payload; later changes to it do not show in the message
     */
    public static Message copyOf(MemorySegment data) {
        Message m = allocate(data.byteSize());
        MemorySegment.copy(data, 0, m.payload(), 0, data.byteSize());
        return m;
    }

    /**
     * The payload, without copying. The view is readable and writable, confined to this
     * message's thread, and becomes inaccessible when the message is closed, sent or received
     * into again.
     *
     * @return a view of libzmq's buffer, {@link #size()} bytes long
     */
    public MemorySegment data() {
        checkLive();
        if (view == null) {
            view = Arena.ofConfined();
        }
        return LibZmq.zmq_msg_data(msg).reinterpret(nativeSize(), view, null);
    }

    /**
     * Payload size in bytes.
     *
     * @return the payload size in bytes
     */
    public long size() {
        checkLive();
        return nativeSize();
    }

    /** {@return whether more frames of the same message follow this one (after a receive)} */
    public boolean more() {
        checkLive();
        return LibZmq.zmq_msg_more(msg) != 0;
    }

    /** {@return A copy of the payload} */
    public byte[] toByteArray() {
        return payload().toArray(ValueLayout.JAVA_BYTE);
    }

    /** {@return the payload decoded as UTF-8} */
    public String text() {
        return text(StandardCharsets.UTF_8);
    }

    /**
     * {@return the payload decoded with {@code charset}}
     *
     * @param charset how the payload is encoded
     */
    public String text(Charset charset) {
        return new String(toByteArray(), charset);
    }

    /**
     * Copies the payload into {@code target} (which must be large enough) and returns the
     * number of bytes copied.
     *
     * @param target at least {@link #size()} bytes; the payload goes to its start
     * @return the number of bytes copied, which is {@link #size()}
     * @throws IndexOutOfBoundsException if {@code target} is smaller than the payload
     * @throws IllegalArgumentException if {@code target} is read-only
     * @throws IllegalStateException if the message is closed or sent, or {@code target}'s arena is closed
     */
    public long copyTo(MemorySegment target) {
        MemorySegment p = payload();
        MemorySegment.copy(p, 0, target, 0, p.byteSize());
        return p.byteSize();
    }

    /**
     * A metadata property of a received message ({@code zmq_msg_gets}): {@code "Socket-Type"},
     * {@code "Routing-Id"}, {@code "Peer-Address"}, {@code "User-Id"}, or any property a ZAP
     * handler set. Empty if the message has no such property.
     *
     * @param name the property name, as listed above
     * @return the property's value, or empty if the message has none of that name
     */
    public Optional<String> property(String name) {
        checkLive();
        try (Arena call = Arena.ofConfined()) {
            MemorySegment value = LibZmq.zmq_msg_gets(capture, msg, CStrings.allocate(call, name, "property name"));
            if (value.equals(MemorySegment.NULL)) {
                int code = LibZmq.errno(capture);
                if (code == Errno.EINVAL.code()) {
                    return Optional.empty();
                }
                throw Failures.of("zmq_msg_gets", code);
            }
            return Optional.of(value.reinterpret(Integer.MAX_VALUE).getString(0));
        }
    }

    /**
     * A new message with the same content ({@code zmq_msg_copy}). libzmq may share one buffer
     * between the two (reference counted), so writing through one message's {@link #data()} can
     * show in the other.
     *
     * @return an open message owned by the calling thread
     */
    public Message copy() {
        checkLive();
        Message copy = new Message();
        if (LibZmq.zmq_msg_copy(capture, copy.msg, msg) != 0) {
            copy.close();
            throw Failures.of("zmq_msg_copy", capture);
        }
        copy.knownSize = knownSize;
        copy.holdsCallback = holdsCallback;
        return copy;
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        checkThread();
        return state == CLOSED;
    }

    /** {@return whether the message was sent (and is therefore empty until received into again)} */
    public boolean isSent() {
        checkThread();
        return state == SENT;
    }

    /** Releases the payload and the {@code zmq_msg_t}. Idempotent. */
    @Override
    public void close() {
        checkThread();
        if (state == CLOSED) {
            return;
        }
        invalidateView();
        state = CLOSED;
        LibZmq.zmq_msg_close_upcalling(capture, msg);
        arena.close();
    }

    @Override
    public String toString() {
        if (Thread.currentThread() != owner) {
            return "Message[owned by " + owner.getName() + "]";
        }
        return switch (state) {
            case CLOSED -> "Message[closed]";
            case SENT -> "Message[sent]";
            default -> "Message[" + nativeSize() + " bytes" + (more() ? ", more" : "") + "]";
        };
    }

    // --- for Socket ---------------------------------------------------------------------

    /** Checks the message can take a received frame and drops any view of the old one. */
    void beforeReceive() {
        checkThread();
        if (state == CLOSED) {
            throw new IllegalStateException("message is closed");
        }
        invalidateView();
        if (holdsCallback && state == LIVE) {
            // zmq_msg_recv would release this content itself, possibly inside a critical call,
            // where the free callback (an upcall) is forbidden: release it here instead.
            LibZmq.zmq_msg_close_upcalling(capture, msg);
            LibZmq.zmq_msg_init(capture, msg);
        }
        // Otherwise zmq_msg_recv releases the old content; a sent message is a valid empty one.
        holdsCallback = false;
        state = LIVE;
        tracker = null;
        knownSize = -1;
    }

    /**
     * Records what zmq_msg_recv returned: the frame's size (unless it overflowed an int), and
     * whether the socket it came from may deliver zero-copy frames with a free callback.
     */
    void afterReceive(int received, boolean fromUpcallingSocket) {
        knownSize = received >= 0 && received < Integer.MAX_VALUE ? received : -1;
        holdsCallback = received >= 0 && fromUpcallingSocket;
    }

    /** Whether sending this message may hand libzmq a frame with a Java free callback. */
    boolean mayHoldCallback() {
        return holdsCallback;
    }

    /** Checks the message can be sent and drops any view: the payload is about to move. */
    void beforeSend() {
        checkLive();
        invalidateView();
    }

    void afterSend() {
        state = SENT;
        knownSize = 0;
    }

    // --- internals ------------------------------------------------------------------------

    /** The payload as a short-lived unscoped view, for copies made right here. */
    private MemorySegment payload() {
        checkLive();
        return LibZmq.zmq_msg_data(msg).reinterpret(nativeSize());
    }

    private long nativeSize() {
        long size = knownSize;
        return size >= 0 ? size : (knownSize = LibZmq.zmq_msg_size(msg));
    }

    private void invalidateView() {
        if (view != null) {
            view.close();
            view = null;
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException("a Message belongs to the thread that created it ("
                    + owner.getName() + "); copy its data to share it");
        }
    }

    private void checkLive() {
        checkThread();
        if (state == CLOSED) {
            throw new IllegalStateException("message is closed");
        }
        if (state == SENT) {
            throw new IllegalStateException("message was sent: its content now belongs to libzmq; receive into it or close it");
        }
    }
}
