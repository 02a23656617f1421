package dev.zmqffm.internal;

import dev.zmqffm.internal.raw.zmq_h;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;

/**
 * Downcall handles for libzmq, built from jextract's descriptors and symbol addresses.
 *
 * <p>jextract cannot emit linker options, so the handles are made here:
 * <ul>
 *   <li>every call that can fail captures {@code errno} in the same downcall
 *       ({@link Linker.Option#captureCallState}); a later {@code zmq_errno()} may see a value
 *       overwritten by the JVM in between. The capture segment is the first argument;</li>
 *   <li>short calls that never block ({@code zmq_msg_data}, {@code zmq_msg_size},
 *       {@code zmq_msg_more}, and with errno capture {@code zmq_msg_init}, {@code zmq_msg_init_size},
 *       {@code zmq_msg_close}) use {@link Linker.Option#critical(boolean) critical(false)}, which
 *       skips the thread-state transition. Nothing that can block is ever critical: it would hold
 *       off the garbage collector. ({@code zmq_msg_close} of a wrapped message may call the free
 *       callback, an upcall, which critical calls forbid: those messages are closed with the
 *       ordinary handle.)</li>
 * </ul>
 * Each wrapper is a plain static method with exact types so {@code invokeExact} links once.
 */
public final class LibZmq {
    private LibZmq() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    /** Layout of the segment each fallible call writes {@code errno} into. */
    public static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CAPTURE_LAYOUT.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** The {@code errno} a fallible call captured into {@code capture}. */
    public static int errno(MemorySegment capture) {
        return (int) ERRNO.get(capture, 0L);
    }

    private static MethodHandle fallible(FunctionDescriptor descriptor, MemorySegment address) {
        return LINKER.downcallHandle(address, descriptor, CAPTURE_ERRNO);
    }

    private static MethodHandle plain(FunctionDescriptor descriptor, MemorySegment address) {
        return LINKER.downcallHandle(address, descriptor);
    }

    private static MethodHandle critical(FunctionDescriptor descriptor, MemorySegment address) {
        return LINKER.downcallHandle(address, descriptor, CRITICAL);
    }

    /** Short, never-blocking calls that can still fail (allocation): critical, with errno. */
    private static MethodHandle criticalFallible(FunctionDescriptor descriptor, MemorySegment address) {
        return LINKER.downcallHandle(address, descriptor, CRITICAL, CAPTURE_ERRNO);
    }

    static {
        // Resolve the library first so a missing libzmq is reported by NativeLibrary's message.
        NativeLibrary.lookup();
    }

    // --- library ---------------------------------------------------------------------------
    private static final MethodHandle VERSION = plain(zmq_h.zmq_version$descriptor(), zmq_h.zmq_version$address());
    private static final MethodHandle HAS = plain(zmq_h.zmq_has$descriptor(), zmq_h.zmq_has$address());
    private static final MethodHandle STRERROR = plain(zmq_h.zmq_strerror$descriptor(), zmq_h.zmq_strerror$address());

    // --- context ---------------------------------------------------------------------------
    private static final MethodHandle CTX_NEW = fallible(zmq_h.zmq_ctx_new$descriptor(), zmq_h.zmq_ctx_new$address());
    private static final MethodHandle CTX_TERM = fallible(zmq_h.zmq_ctx_term$descriptor(), zmq_h.zmq_ctx_term$address());
    private static final MethodHandle CTX_SHUTDOWN = fallible(zmq_h.zmq_ctx_shutdown$descriptor(), zmq_h.zmq_ctx_shutdown$address());
    private static final MethodHandle CTX_SET = fallible(zmq_h.zmq_ctx_set$descriptor(), zmq_h.zmq_ctx_set$address());
    private static final MethodHandle CTX_GET = fallible(zmq_h.zmq_ctx_get$descriptor(), zmq_h.zmq_ctx_get$address());

    // --- socket ----------------------------------------------------------------------------
    private static final MethodHandle SOCKET = fallible(zmq_h.zmq_socket$descriptor(), zmq_h.zmq_socket$address());
    private static final MethodHandle CLOSE = fallible(zmq_h.zmq_close$descriptor(), zmq_h.zmq_close$address());
    private static final MethodHandle SETSOCKOPT = fallible(zmq_h.zmq_setsockopt$descriptor(), zmq_h.zmq_setsockopt$address());
    private static final MethodHandle GETSOCKOPT = fallible(zmq_h.zmq_getsockopt$descriptor(), zmq_h.zmq_getsockopt$address());
    private static final MethodHandle BIND = fallible(zmq_h.zmq_bind$descriptor(), zmq_h.zmq_bind$address());
    private static final MethodHandle CONNECT = fallible(zmq_h.zmq_connect$descriptor(), zmq_h.zmq_connect$address());
    private static final MethodHandle UNBIND = fallible(zmq_h.zmq_unbind$descriptor(), zmq_h.zmq_unbind$address());
    private static final MethodHandle DISCONNECT = fallible(zmq_h.zmq_disconnect$descriptor(), zmq_h.zmq_disconnect$address());
    private static final MethodHandle SEND = fallible(zmq_h.zmq_send$descriptor(), zmq_h.zmq_send$address());
    private static final MethodHandle RECV = fallible(zmq_h.zmq_recv$descriptor(), zmq_h.zmq_recv$address());
    private static final MethodHandle SOCKET_MONITOR = fallible(zmq_h.zmq_socket_monitor$descriptor(), zmq_h.zmq_socket_monitor$address());
    private static final MethodHandle PROXY = fallible(zmq_h.zmq_proxy$descriptor(), zmq_h.zmq_proxy$address());
    private static final MethodHandle PROXY_STEERABLE = fallible(zmq_h.zmq_proxy_steerable$descriptor(), zmq_h.zmq_proxy_steerable$address());
    /*
     * zmq_poll's timeout is a C long: 8 bytes on LP64, 4 on Windows. The handle is adapted to
     * always take a Java long so callers are platform-independent.
     */
    private static final MethodHandle POLL = MethodHandles.explicitCastArguments(
            fallible(zmq_h.zmq_poll$descriptor(), zmq_h.zmq_poll$address()),
            MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, int.class, long.class));

    // --- message ---------------------------------------------------------------------------
    private static final MethodHandle MSG_INIT = criticalFallible(zmq_h.zmq_msg_init$descriptor(), zmq_h.zmq_msg_init$address());
    private static final MethodHandle MSG_INIT_SIZE = criticalFallible(zmq_h.zmq_msg_init_size$descriptor(), zmq_h.zmq_msg_init_size$address());
    private static final MethodHandle MSG_INIT_DATA = fallible(zmq_h.zmq_msg_init_data$descriptor(), zmq_h.zmq_msg_init_data$address());
    private static final MethodHandle MSG_SEND = fallible(zmq_h.zmq_msg_send$descriptor(), zmq_h.zmq_msg_send$address());
    private static final MethodHandle MSG_RECV = fallible(zmq_h.zmq_msg_recv$descriptor(), zmq_h.zmq_msg_recv$address());
    private static final MethodHandle MSG_CLOSE = criticalFallible(zmq_h.zmq_msg_close$descriptor(), zmq_h.zmq_msg_close$address());
    private static final MethodHandle MSG_CLOSE_UPCALLING = fallible(zmq_h.zmq_msg_close$descriptor(), zmq_h.zmq_msg_close$address());
    private static final MethodHandle MSG_COPY = fallible(zmq_h.zmq_msg_copy$descriptor(), zmq_h.zmq_msg_copy$address());
    private static final MethodHandle MSG_MOVE = fallible(zmq_h.zmq_msg_move$descriptor(), zmq_h.zmq_msg_move$address());
    private static final MethodHandle MSG_GETS = fallible(zmq_h.zmq_msg_gets$descriptor(), zmq_h.zmq_msg_gets$address());
    private static final MethodHandle MSG_DATA = critical(zmq_h.zmq_msg_data$descriptor(), zmq_h.zmq_msg_data$address());
    private static final MethodHandle MSG_SIZE = critical(zmq_h.zmq_msg_size$descriptor(), zmq_h.zmq_msg_size$address());
    private static final MethodHandle MSG_MORE = critical(zmq_h.zmq_msg_more$descriptor(), zmq_h.zmq_msg_more$address());

    // --- security helpers ------------------------------------------------------------------
    private static final MethodHandle Z85_ENCODE = plain(zmq_h.zmq_z85_encode$descriptor(), zmq_h.zmq_z85_encode$address());
    private static final MethodHandle Z85_DECODE = plain(zmq_h.zmq_z85_decode$descriptor(), zmq_h.zmq_z85_decode$address());
    private static final MethodHandle CURVE_KEYPAIR = fallible(zmq_h.zmq_curve_keypair$descriptor(), zmq_h.zmq_curve_keypair$address());
    private static final MethodHandle CURVE_PUBLIC = fallible(zmq_h.zmq_curve_public$descriptor(), zmq_h.zmq_curve_public$address());

    /** Size of {@code zmq_msg_t} per the generated layout (64 bytes on every 4.x platform). */
    public static final long MSG_T_SIZE = dev.zmqffm.internal.raw.zmq_msg_t.layout().byteSize();
    /**
     * Alignment of {@code zmq_msg_t}: pointer-sized. zmq.h asks for it with a compiler attribute
     * that jextract's layout does not carry (its layout says 1), and libzmq stores pointers inside.
     */
    public static final long MSG_T_ALIGN = java.lang.foreign.ValueLayout.ADDRESS.byteSize();

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    public static void zmq_version(MemorySegment major, MemorySegment minor, MemorySegment patch) {
        try { VERSION.invokeExact(major, minor, patch); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_has(MemorySegment capability) {
        try { return (int) HAS.invokeExact(capability); } catch (Throwable t) { throw rethrow(t); }
    }

    /** libzmq's text for an error number. */
    public static String zmq_strerror(int errnum) {
        try {
            MemorySegment text = (MemorySegment) STRERROR.invokeExact(errnum);
            return text.equals(MemorySegment.NULL) ? "error " + errnum : text.reinterpret(4096).getString(0);
        } catch (Throwable t) { throw rethrow(t); }
    }

    public static MemorySegment zmq_ctx_new(MemorySegment cap) {
        try { return (MemorySegment) CTX_NEW.invokeExact(cap); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_ctx_term(MemorySegment cap, MemorySegment ctx) {
        try { return (int) CTX_TERM.invokeExact(cap, ctx); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_ctx_shutdown(MemorySegment cap, MemorySegment ctx) {
        try { return (int) CTX_SHUTDOWN.invokeExact(cap, ctx); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_ctx_set(MemorySegment cap, MemorySegment ctx, int option, int value) {
        try { return (int) CTX_SET.invokeExact(cap, ctx, option, value); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_ctx_get(MemorySegment cap, MemorySegment ctx, int option) {
        try { return (int) CTX_GET.invokeExact(cap, ctx, option); } catch (Throwable t) { throw rethrow(t); }
    }

    public static MemorySegment zmq_socket(MemorySegment cap, MemorySegment ctx, int type) {
        try { return (MemorySegment) SOCKET.invokeExact(cap, ctx, type); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_close(MemorySegment cap, MemorySegment socket) {
        try { return (int) CLOSE.invokeExact(cap, socket); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_setsockopt(MemorySegment cap, MemorySegment socket, int option, MemorySegment value, long size) {
        try { return (int) SETSOCKOPT.invokeExact(cap, socket, option, value, size); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_getsockopt(MemorySegment cap, MemorySegment socket, int option, MemorySegment value, MemorySegment size) {
        try { return (int) GETSOCKOPT.invokeExact(cap, socket, option, value, size); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_bind(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) BIND.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_connect(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) CONNECT.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_unbind(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) UNBIND.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_disconnect(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) DISCONNECT.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_send(MemorySegment cap, MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) SEND.invokeExact(cap, socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_recv(MemorySegment cap, MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) RECV.invokeExact(cap, socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_socket_monitor(MemorySegment cap, MemorySegment socket, MemorySegment endpoint, int events) {
        try { return (int) SOCKET_MONITOR.invokeExact(cap, socket, endpoint, events); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_proxy(MemorySegment cap, MemorySegment frontend, MemorySegment backend, MemorySegment capture) {
        try { return (int) PROXY.invokeExact(cap, frontend, backend, capture); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_proxy_steerable(MemorySegment cap, MemorySegment frontend, MemorySegment backend,
                                          MemorySegment capture, MemorySegment control) {
        try { return (int) PROXY_STEERABLE.invokeExact(cap, frontend, backend, capture, control); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_poll(MemorySegment cap, MemorySegment items, int count, long timeoutMillis) {
        try { return (int) POLL.invokeExact(cap, items, count, timeoutMillis); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_init(MemorySegment cap, MemorySegment msg) {
        try { return (int) MSG_INIT.invokeExact(cap, msg); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_init_size(MemorySegment cap, MemorySegment msg, long size) {
        try { return (int) MSG_INIT_SIZE.invokeExact(cap, msg, size); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_init_data(MemorySegment cap, MemorySegment msg, MemorySegment data, long size,
                                        MemorySegment freeFn, MemorySegment hint) {
        try { return (int) MSG_INIT_DATA.invokeExact(cap, msg, data, size, freeFn, hint); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_send(MemorySegment cap, MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MSG_SEND.invokeExact(cap, msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_recv(MemorySegment cap, MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MSG_RECV.invokeExact(cap, msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_msg_close} for messages that may run the free callback (an upcall). */
    public static int zmq_msg_close_upcalling(MemorySegment cap, MemorySegment msg) {
        try { return (int) MSG_CLOSE_UPCALLING.invokeExact(cap, msg); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_close(MemorySegment cap, MemorySegment msg) {
        try { return (int) MSG_CLOSE.invokeExact(cap, msg); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_copy(MemorySegment cap, MemorySegment dest, MemorySegment src) {
        try { return (int) MSG_COPY.invokeExact(cap, dest, src); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_move(MemorySegment cap, MemorySegment dest, MemorySegment src) {
        try { return (int) MSG_MOVE.invokeExact(cap, dest, src); } catch (Throwable t) { throw rethrow(t); }
    }

    public static MemorySegment zmq_msg_gets(MemorySegment cap, MemorySegment msg, MemorySegment property) {
        try { return (MemorySegment) MSG_GETS.invokeExact(cap, msg, property); } catch (Throwable t) { throw rethrow(t); }
    }

    public static MemorySegment zmq_msg_data(MemorySegment msg) {
        try { return (MemorySegment) MSG_DATA.invokeExact(msg); } catch (Throwable t) { throw rethrow(t); }
    }

    public static long zmq_msg_size(MemorySegment msg) {
        try { return (long) MSG_SIZE.invokeExact(msg); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_msg_more(MemorySegment msg) {
        try { return (int) MSG_MORE.invokeExact(msg); } catch (Throwable t) { throw rethrow(t); }
    }

    public static MemorySegment zmq_z85_encode(MemorySegment dest, MemorySegment data, long size) {
        try { return (MemorySegment) Z85_ENCODE.invokeExact(dest, data, size); } catch (Throwable t) { throw rethrow(t); }
    }

    public static MemorySegment zmq_z85_decode(MemorySegment dest, MemorySegment string) {
        try { return (MemorySegment) Z85_DECODE.invokeExact(dest, string); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_curve_keypair(MemorySegment cap, MemorySegment publicKey, MemorySegment secretKey) {
        try { return (int) CURVE_KEYPAIR.invokeExact(cap, publicKey, secretKey); } catch (Throwable t) { throw rethrow(t); }
    }

    public static int zmq_curve_public(MemorySegment cap, MemorySegment publicKey, MemorySegment secretKey) {
        try { return (int) CURVE_PUBLIC.invokeExact(cap, publicKey, secretKey); } catch (Throwable t) { throw rethrow(t); }
    }


    // --- fast path (engine) ------------------------------------------------------------------
    // Kept apart, each handle in its own holder class: linked on first use, not at startup.
    //
    // The first attempt of every send and receive is ZMQ_DONTWAIT, which never blocks, so it may
    // be critical (no thread-state transition). The byte-buffer forms allow heap access: libzmq
    // reads or writes a byte[] in place, no staging copy. Only the engine calls these, and only
    // on sockets where no zero-copy free callback (an upcall, forbidden inside a critical call)
    // can run: see Engine.

    private static final class MsgSendCritical {
        static final MethodHandle H = LINKER.downcallHandle(zmq_h.zmq_msg_send$address(),
                zmq_h.zmq_msg_send$descriptor(), CRITICAL, CAPTURE_ERRNO);
    }

    private static final class MsgRecvCritical {
        static final MethodHandle H = LINKER.downcallHandle(zmq_h.zmq_msg_recv$address(),
                zmq_h.zmq_msg_recv$descriptor(), CRITICAL, CAPTURE_ERRNO);
    }

    private static final class SendCriticalHeap {
        static final MethodHandle H = LINKER.downcallHandle(zmq_h.zmq_send$address(),
                zmq_h.zmq_send$descriptor(), Linker.Option.critical(true), CAPTURE_ERRNO);
    }

    private static final class RecvCriticalHeap {
        static final MethodHandle H = LINKER.downcallHandle(zmq_h.zmq_recv$address(),
                zmq_h.zmq_recv$descriptor(), Linker.Option.critical(true), CAPTURE_ERRNO);
    }

    /** {@code zmq_msg_send}, critical: only with {@code ZMQ_DONTWAIT}. */
    public static int zmq_msg_send_critical(MemorySegment cap, MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MsgSendCritical.H.invokeExact(cap, msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_msg_recv}, critical: only with {@code ZMQ_DONTWAIT}. */
    public static int zmq_msg_recv_critical(MemorySegment cap, MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MsgRecvCritical.H.invokeExact(cap, msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_send}, critical with heap access: only with {@code ZMQ_DONTWAIT}. */
    public static int zmq_send_critical(MemorySegment cap, MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) SendCriticalHeap.H.invokeExact(cap, socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_recv}, critical with heap access: only with {@code ZMQ_DONTWAIT}. */
    public static int zmq_recv_critical(MemorySegment cap, MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) RecvCriticalHeap.H.invokeExact(cap, socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }
}
