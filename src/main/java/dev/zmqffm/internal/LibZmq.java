package dev.zmqffm.internal;

import java.lang.foreign.AddressLayout;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;

/**
 * Downcall handles for libzmq.
 *
 * <p>jextract cannot emit linker options, so the handles are made here, from the C signatures of
 * the generated layer ({@code dev.zmqffm.internal.raw.zmq_h}):
 * <ul>
 *   <li>every call that can fail captures {@code errno} in the same downcall
 *       ({@link Linker.Option#captureCallState}); a later {@code zmq_errno()} may see a value
 *       overwritten by the JVM in between. The capture segment is the first argument. The one
 *       exception are the {@code *_attempt} forms: a first non-blocking try whose failure is
 *       always followed by a capturing call that meets the same error (see {@code Engine});</li>
 *   <li>short calls that never block ({@code zmq_msg_data}, {@code zmq_msg_size},
 *       {@code zmq_msg_more}, and with errno capture {@code zmq_msg_init}, {@code zmq_msg_init_size},
 *       {@code zmq_msg_close}) use {@link Linker.Option#critical(boolean) critical(false)}, which
 *       skips the thread-state transition. Nothing that can block is ever critical: it would hold
 *       off the garbage collector. ({@code zmq_msg_close} of a wrapped message may call the free
 *       callback, an upcall, which critical calls forbid: those messages are closed with the
 *       ordinary handle.)</li>
 * </ul>
 * Each wrapper is a plain static method with exact types so {@code invokeExact} links once.
 *
 * <p><b>Startup.</b> Each handle lives in its own holder class, initialised by the JVM on the
 * wrapper's first call (as jextract's own output does): making a downcall handle spins
 * specialised classes, tens of milliseconds for the first few, so a program pays only for the
 * functions it calls. Nothing else here is computed eagerly. New handles follow the same
 * pattern: a small holder class next to the wrapper that uses it.
 */
public final class LibZmq {
    private LibZmq() {}

    private static final Linker LINKER = Linker.nativeLinker();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");
    private static final Linker.Option CRITICAL = Linker.Option.critical(false);

    /** Layout of the segment each fallible call writes {@code errno} into. */
    public static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    /* A plain offset rather than a layout VarHandle: reading one int needs no method-handle
       adaptation (a VarHandle would spin classes at startup). */
    private static final long ERRNO_OFFSET =
            CAPTURE_LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement("errno"));

    /** The {@code errno} a fallible call captured into {@code capture}. */
    public static int errno(MemorySegment capture) {
        return capture.get(ValueLayout.JAVA_INT, ERRNO_OFFSET);
    }

    /*
     * The C types of the stable API as the generated layer describes them. zmq_h's own
     * descriptors are not used: reading one initialises jextract's holder, which also builds a
     * second, option-less handle for the same function (and a lambda) that nothing here needs.
     * LibZmqTest checks every wrapper against zmq_h's descriptors; LayoutCheck has made sure the
     * platform is LP64 (C long, size_t and pointers all 8 bytes) before any of this runs.
     */
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfLong SIZE_T = ValueLayout.JAVA_LONG;
    private static final AddressLayout POINTER = ValueLayout.ADDRESS;
    /** C {@code long}, only in zmq_poll's timeout: 8 bytes on LP64, 4 on Windows. */
    private static final MemoryLayout C_LONG = LINKER.canonicalLayouts().get("long");

    private static MemorySegment address(String function) {
        Optional<MemorySegment> found = NativeLibrary.lookup().find(function);
        if (found.isEmpty()) {
            throw new UnsatisfiedLinkError("libzmq at " + NativeLibrary.loadedFrom() + " has no " + function
                    + ": zmq-ffm needs libzmq 4.3 or newer");
        }
        return found.get();
    }

    private static MethodHandle fallible(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address(function), descriptor, CAPTURE_ERRNO);
    }

    private static MethodHandle plain(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address(function), descriptor);
    }

    private static MethodHandle critical(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address(function), descriptor, CRITICAL);
    }

    /** Short, never-blocking calls that can still fail (allocation): critical, with errno. */
    private static MethodHandle criticalFallible(String function, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(address(function), descriptor, CRITICAL, CAPTURE_ERRNO);
    }

    static {
        // Resolve the library first so a missing libzmq is reported by NativeLibrary's message.
        NativeLibrary.lookup();
    }

    /**
     * Size of {@code zmq_msg_t}: {@code unsigned char _[64]} in zmq.h, on every 4.x platform.
     * A literal, not {@code zmq_msg_t.layout().byteSize()}: initialising the generated struct
     * class builds a layout VarHandle, which costs tens of milliseconds at startup. LibZmqTest
     * checks it against the generated layout and against libzmq's own {@code ZMQ_MSG_T_SIZE}.
     */
    public static final long MSG_T_SIZE = msgSize();

    /* Not a compile-time constant on purpose: with the literal 64 inlined into callers,
       AllocationTest's byte[] loop allocated 80 B per message when run after SocketTest (measured;
       with the field read, 0 B). */
    private static long msgSize() {
        return 64;
    }
    /**
     * Alignment of {@code zmq_msg_t}: pointer-sized. zmq.h asks for it with a compiler attribute
     * that jextract's layout does not carry (its layout says 1), and libzmq stores pointers inside.
     */
    public static final long MSG_T_ALIGN = ValueLayout.ADDRESS.byteSize();

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }

    private static final class Version {
        static final MethodHandle H = plain("zmq_version", FunctionDescriptor.ofVoid(POINTER, POINTER, POINTER));
    }

    public static void zmq_version(MemorySegment major, MemorySegment minor, MemorySegment patch) {
        try { Version.H.invokeExact(major, minor, patch); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Has {
        static final MethodHandle H = plain("zmq_has", FunctionDescriptor.of(INT, POINTER));
    }

    public static int zmq_has(MemorySegment capability) {
        try { return (int) Has.H.invokeExact(capability); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Strerror {
        static final MethodHandle H = plain("zmq_strerror", FunctionDescriptor.of(POINTER, INT));
    }

    /** libzmq's text for an error number. */
    public static String zmq_strerror(int errnum) {
        try {
            MemorySegment text = (MemorySegment) Strerror.H.invokeExact(errnum);
            return text.equals(MemorySegment.NULL) ? "error " + errnum : text.reinterpret(4096).getString(0);
        } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class CtxNew {
        static final MethodHandle H = fallible("zmq_ctx_new", FunctionDescriptor.of(POINTER));
    }

    public static MemorySegment zmq_ctx_new(MemorySegment cap) {
        try { return (MemorySegment) CtxNew.H.invokeExact(cap); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class CtxTerm {
        static final MethodHandle H = fallible("zmq_ctx_term", FunctionDescriptor.of(INT, POINTER));
    }

    public static int zmq_ctx_term(MemorySegment cap, MemorySegment ctx) {
        try { return (int) CtxTerm.H.invokeExact(cap, ctx); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class CtxShutdown {
        static final MethodHandle H = fallible("zmq_ctx_shutdown", FunctionDescriptor.of(INT, POINTER));
    }

    public static int zmq_ctx_shutdown(MemorySegment cap, MemorySegment ctx) {
        try { return (int) CtxShutdown.H.invokeExact(cap, ctx); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class CtxSet {
        static final MethodHandle H = fallible("zmq_ctx_set", FunctionDescriptor.of(INT, POINTER, INT, INT));
    }

    public static int zmq_ctx_set(MemorySegment cap, MemorySegment ctx, int option, int value) {
        try { return (int) CtxSet.H.invokeExact(cap, ctx, option, value); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class CtxGet {
        static final MethodHandle H = fallible("zmq_ctx_get", FunctionDescriptor.of(INT, POINTER, INT));
    }

    public static int zmq_ctx_get(MemorySegment cap, MemorySegment ctx, int option) {
        try { return (int) CtxGet.H.invokeExact(cap, ctx, option); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Socket {
        static final MethodHandle H = fallible("zmq_socket", FunctionDescriptor.of(POINTER, POINTER, INT));
    }

    public static MemorySegment zmq_socket(MemorySegment cap, MemorySegment ctx, int type) {
        try { return (MemorySegment) Socket.H.invokeExact(cap, ctx, type); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Close {
        static final MethodHandle H = fallible("zmq_close", FunctionDescriptor.of(INT, POINTER));
    }

    public static int zmq_close(MemorySegment cap, MemorySegment socket) {
        try { return (int) Close.H.invokeExact(cap, socket); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Setsockopt {
        static final MethodHandle H = fallible("zmq_setsockopt", FunctionDescriptor.of(INT, POINTER, INT, POINTER, SIZE_T));
    }

    public static int zmq_setsockopt(MemorySegment cap, MemorySegment socket, int option, MemorySegment value, long size) {
        try { return (int) Setsockopt.H.invokeExact(cap, socket, option, value, size); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Getsockopt {
        static final MethodHandle H = fallible("zmq_getsockopt", FunctionDescriptor.of(INT, POINTER, INT, POINTER, POINTER));
    }

    public static int zmq_getsockopt(MemorySegment cap, MemorySegment socket, int option, MemorySegment value, MemorySegment size) {
        try { return (int) Getsockopt.H.invokeExact(cap, socket, option, value, size); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Bind {
        static final MethodHandle H = fallible("zmq_bind", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_bind(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) Bind.H.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Connect {
        static final MethodHandle H = fallible("zmq_connect", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_connect(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) Connect.H.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Unbind {
        static final MethodHandle H = fallible("zmq_unbind", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_unbind(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) Unbind.H.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Disconnect {
        static final MethodHandle H = fallible("zmq_disconnect", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_disconnect(MemorySegment cap, MemorySegment socket, MemorySegment endpoint) {
        try { return (int) Disconnect.H.invokeExact(cap, socket, endpoint); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Send {
        static final MethodHandle H = fallible("zmq_send", FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT));
    }

    public static int zmq_send(MemorySegment cap, MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) Send.H.invokeExact(cap, socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Recv {
        static final MethodHandle H = fallible("zmq_recv", FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT));
    }

    public static int zmq_recv(MemorySegment cap, MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) Recv.H.invokeExact(cap, socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class SocketMonitor {
        static final MethodHandle H = fallible("zmq_socket_monitor", FunctionDescriptor.of(INT, POINTER, POINTER, INT));
    }

    public static int zmq_socket_monitor(MemorySegment cap, MemorySegment socket, MemorySegment endpoint, int events) {
        try { return (int) SocketMonitor.H.invokeExact(cap, socket, endpoint, events); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Proxy {
        static final MethodHandle H = fallible("zmq_proxy", FunctionDescriptor.of(INT, POINTER, POINTER, POINTER));
    }

    public static int zmq_proxy(MemorySegment cap, MemorySegment frontend, MemorySegment backend, MemorySegment capture) {
        try { return (int) Proxy.H.invokeExact(cap, frontend, backend, capture); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class ProxySteerable {
        static final MethodHandle H = fallible("zmq_proxy_steerable", FunctionDescriptor.of(INT, POINTER, POINTER, POINTER, POINTER));
    }

    public static int zmq_proxy_steerable(MemorySegment cap, MemorySegment frontend, MemorySegment backend,
                                          MemorySegment capture, MemorySegment control) {
        try { return (int) ProxySteerable.H.invokeExact(cap, frontend, backend, capture, control); } catch (Throwable t) { throw rethrow(t); }
    }

    /*
     * zmq_poll's timeout is a C long: 8 bytes on LP64, 4 on Windows. The handle is adapted to
     * always take a Java long so callers are platform-independent.
     */
    private static final class Poll {
        static final MethodHandle H = MethodHandles.explicitCastArguments(
                fallible("zmq_poll", FunctionDescriptor.of(INT, POINTER, INT, C_LONG)),
                MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class, int.class, long.class));
    }

    public static int zmq_poll(MemorySegment cap, MemorySegment items, int count, long timeoutMillis) {
        try { return (int) Poll.H.invokeExact(cap, items, count, timeoutMillis); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgInit {
        static final MethodHandle H = criticalFallible("zmq_msg_init", FunctionDescriptor.of(INT, POINTER));
    }

    public static int zmq_msg_init(MemorySegment cap, MemorySegment msg) {
        try { return (int) MsgInit.H.invokeExact(cap, msg); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgInitOrdinary {
        static final MethodHandle H = fallible("zmq_msg_init", FunctionDescriptor.of(INT, POINTER));
    }

    /**
     * {@code zmq_msg_init} through an ordinary handle, for one-off calls (a socket's setup). Its
     * descriptor and options are those of {@code zmq_close} and {@code zmq_ctx_term}, so the JDK
     * reuses their downcall stub; the critical form spins one of its own, which every process's
     * first round trip would pay for one call.
     */
    public static int zmq_msg_init_ordinary(MemorySegment cap, MemorySegment msg) {
        try { return (int) MsgInitOrdinary.H.invokeExact(cap, msg); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgInitSize {
        static final MethodHandle H = criticalFallible("zmq_msg_init_size", FunctionDescriptor.of(INT, POINTER, SIZE_T));
    }

    public static int zmq_msg_init_size(MemorySegment cap, MemorySegment msg, long size) {
        try { return (int) MsgInitSize.H.invokeExact(cap, msg, size); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgInitData {
        static final MethodHandle H = fallible("zmq_msg_init_data", FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, POINTER, POINTER));
    }

    public static int zmq_msg_init_data(MemorySegment cap, MemorySegment msg, MemorySegment data, long size,
                                        MemorySegment freeFn, MemorySegment hint) {
        try { return (int) MsgInitData.H.invokeExact(cap, msg, data, size, freeFn, hint); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgSend {
        static final MethodHandle H = fallible("zmq_msg_send", FunctionDescriptor.of(INT, POINTER, POINTER, INT));
    }

    public static int zmq_msg_send(MemorySegment cap, MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MsgSend.H.invokeExact(cap, msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgRecv {
        static final MethodHandle H = fallible("zmq_msg_recv", FunctionDescriptor.of(INT, POINTER, POINTER, INT));
    }

    public static int zmq_msg_recv(MemorySegment cap, MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MsgRecv.H.invokeExact(cap, msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgCloseUpcalling {
        static final MethodHandle H = fallible("zmq_msg_close", FunctionDescriptor.of(INT, POINTER));
    }

    /** {@code zmq_msg_close} for messages that may run the free callback (an upcall). */
    public static int zmq_msg_close_upcalling(MemorySegment cap, MemorySegment msg) {
        try { return (int) MsgCloseUpcalling.H.invokeExact(cap, msg); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgClose {
        static final MethodHandle H = criticalFallible("zmq_msg_close", FunctionDescriptor.of(INT, POINTER));
    }

    public static int zmq_msg_close(MemorySegment cap, MemorySegment msg) {
        try { return (int) MsgClose.H.invokeExact(cap, msg); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgCopy {
        static final MethodHandle H = fallible("zmq_msg_copy", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_msg_copy(MemorySegment cap, MemorySegment dest, MemorySegment src) {
        try { return (int) MsgCopy.H.invokeExact(cap, dest, src); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgMove {
        static final MethodHandle H = fallible("zmq_msg_move", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_msg_move(MemorySegment cap, MemorySegment dest, MemorySegment src) {
        try { return (int) MsgMove.H.invokeExact(cap, dest, src); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgGets {
        static final MethodHandle H = fallible("zmq_msg_gets", FunctionDescriptor.of(POINTER, POINTER, POINTER));
    }

    public static MemorySegment zmq_msg_gets(MemorySegment cap, MemorySegment msg, MemorySegment property) {
        try { return (MemorySegment) MsgGets.H.invokeExact(cap, msg, property); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgData {
        static final MethodHandle H = critical("zmq_msg_data", FunctionDescriptor.of(POINTER, POINTER));
    }

    public static MemorySegment zmq_msg_data(MemorySegment msg) {
        try { return (MemorySegment) MsgData.H.invokeExact(msg); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgSize {
        static final MethodHandle H = critical("zmq_msg_size", FunctionDescriptor.of(SIZE_T, POINTER));
    }

    public static long zmq_msg_size(MemorySegment msg) {
        try { return (long) MsgSize.H.invokeExact(msg); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class MsgMore {
        static final MethodHandle H = critical("zmq_msg_more", FunctionDescriptor.of(INT, POINTER));
    }

    public static int zmq_msg_more(MemorySegment msg) {
        try { return (int) MsgMore.H.invokeExact(msg); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Z85Encode {
        static final MethodHandle H = plain("zmq_z85_encode", FunctionDescriptor.of(POINTER, POINTER, POINTER, SIZE_T));
    }

    public static MemorySegment zmq_z85_encode(MemorySegment dest, MemorySegment data, long size) {
        try { return (MemorySegment) Z85Encode.H.invokeExact(dest, data, size); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class Z85Decode {
        static final MethodHandle H = plain("zmq_z85_decode", FunctionDescriptor.of(POINTER, POINTER, POINTER));
    }

    public static MemorySegment zmq_z85_decode(MemorySegment dest, MemorySegment string) {
        try { return (MemorySegment) Z85Decode.H.invokeExact(dest, string); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class CurveKeypair {
        static final MethodHandle H = fallible("zmq_curve_keypair", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_curve_keypair(MemorySegment cap, MemorySegment publicKey, MemorySegment secretKey) {
        try { return (int) CurveKeypair.H.invokeExact(cap, publicKey, secretKey); } catch (Throwable t) { throw rethrow(t); }
    }

    private static final class CurvePublic {
        static final MethodHandle H = fallible("zmq_curve_public", FunctionDescriptor.of(INT, POINTER, POINTER));
    }

    public static int zmq_curve_public(MemorySegment cap, MemorySegment publicKey, MemorySegment secretKey) {
        try { return (int) CurvePublic.H.invokeExact(cap, publicKey, secretKey); } catch (Throwable t) { throw rethrow(t); }
    }


    // --- fast path (engine) ------------------------------------------------------------------
    // Kept apart, each handle in its own holder class: linked on first use, not at startup.
    //
    // The first attempt of every send and receive is ZMQ_DONTWAIT, which never blocks, so it may
    // be critical (no thread-state transition). The byte-buffer forms allow heap access: libzmq
    // reads or writes a byte[] in place, no staging copy. Only the engine calls these, and only
    // on sockets where no zero-copy free callback (an upcall, forbidden inside a critical call)
    // can run: see Engine.

    private static final Linker.Option CRITICAL_HEAP = Linker.Option.critical(true);

    private static final class MsgSendCritical {
        static final MethodHandle H = criticalFallible("zmq_msg_send", FunctionDescriptor.of(INT, POINTER, POINTER, INT));
    }

    private static final class MsgRecvCritical {
        static final MethodHandle H = criticalFallible("zmq_msg_recv", FunctionDescriptor.of(INT, POINTER, POINTER, INT));
    }

    private static final class SendCriticalHeap {
        static final MethodHandle H = LINKER.downcallHandle(address("zmq_send"),
                FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT), CRITICAL_HEAP, CAPTURE_ERRNO);
    }

    private static final class RecvCriticalHeap {
        static final MethodHandle H = LINKER.downcallHandle(address("zmq_recv"),
                FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT), CRITICAL_HEAP, CAPTURE_ERRNO);
    }

    // First attempts whose failure is always followed by a call that captures errno (the
    // blocking call, or the capturing form again): the same critical calls without the capture,
    // which costs a runtime call per downcall. See Engine.transfer.

    private static final class MsgSendAttempt {
        static final MethodHandle H = critical("zmq_msg_send", FunctionDescriptor.of(INT, POINTER, POINTER, INT));
    }

    private static final class MsgRecvAttempt {
        static final MethodHandle H = critical("zmq_msg_recv", FunctionDescriptor.of(INT, POINTER, POINTER, INT));
    }

    private static final class SendHeapAttempt {
        static final MethodHandle H = LINKER.downcallHandle(address("zmq_send"),
                FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT), CRITICAL_HEAP);
    }

    private static final class RecvHeapAttempt {
        static final MethodHandle H = LINKER.downcallHandle(address("zmq_recv"),
                FunctionDescriptor.of(INT, POINTER, POINTER, SIZE_T, INT), CRITICAL_HEAP);
    }

    private static final class MsgInitSizeAttempt {
        static final MethodHandle H = critical("zmq_msg_init_size", FunctionDescriptor.of(INT, POINTER, SIZE_T));
    }

    /** {@code zmq_msg_send}, critical, errno not captured: only with {@code ZMQ_DONTWAIT}, only as a first attempt. */
    public static int zmq_msg_send_attempt(MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MsgSendAttempt.H.invokeExact(msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_msg_recv}, critical, errno not captured: only with {@code ZMQ_DONTWAIT}, only as a first attempt. */
    public static int zmq_msg_recv_attempt(MemorySegment msg, MemorySegment socket, int flags) {
        try { return (int) MsgRecvAttempt.H.invokeExact(msg, socket, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_send}, critical with heap access, errno not captured: as {@link #zmq_msg_send_attempt}. */
    public static int zmq_send_attempt(MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) SendHeapAttempt.H.invokeExact(socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_recv}, critical with heap access, errno not captured: as {@link #zmq_msg_recv_attempt}. */
    public static int zmq_recv_attempt(MemorySegment socket, MemorySegment buf, long len, int flags) {
        try { return (int) RecvHeapAttempt.H.invokeExact(socket, buf, len, flags); } catch (Throwable t) { throw rethrow(t); }
    }

    /** {@code zmq_msg_init_size} without errno: on failure, call {@link #zmq_msg_init_size} for the reason. */
    public static int zmq_msg_init_size_attempt(MemorySegment msg, long size) {
        try { return (int) MsgInitSizeAttempt.H.invokeExact(msg, size); } catch (Throwable t) { throw rethrow(t); }
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
