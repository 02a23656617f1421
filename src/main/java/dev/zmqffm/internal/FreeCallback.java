package dev.zmqffm.internal;

import dev.zmqffm.internal.raw.zmq_free_fn;
import java.lang.foreign.Arena;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one {@code zmq_free_fn} the binding ever gives libzmq: a single upcall stub in the global
 * arena (so it outlives every message that may still call it), for messages that wrap caller
 * memory. libzmq calls it on one of its I/O threads, or on whichever thread drops the last
 * reference, once the message's buffer is no longer needed.
 *
 * <p>The hint passed to libzmq is a plain number, not a pointer: the callback looks the waiting
 * party up in a map and signals it. The callback can never throw: an exception escaping an
 * upcall terminates the JVM.
 */
public final class FreeCallback {
    private FreeCallback() {}

    /** Told once when libzmq releases a wrapped buffer. */
    public interface Release {
        void released();
    }

    private static final ConcurrentHashMap<Long, Release> PENDING = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong();

    /** The native function pointer to pass to {@code zmq_msg_init_data}. */
    public static final MemorySegment STUB;

    static {
        try {
            STUB = Linker.nativeLinker().upcallStub(
                    MethodHandles.lookup().findStatic(FreeCallback.class, "onFree",
                            MethodType.methodType(void.class, MemorySegment.class, MemorySegment.class)),
                    zmq_free_fn.descriptor(), Arena.global());
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Registers a release listener; the returned number is the hint for libzmq. */
    public static long register(Release release) {
        long id = IDS.incrementAndGet();
        PENDING.put(id, release);
        return id;
    }

    /** Forgets a registration whose message never reached libzmq. */
    public static void cancel(long id) {
        PENDING.remove(id);
    }

    @SuppressWarnings("unused") // called from native code through STUB
    private static void onFree(MemorySegment data, MemorySegment hint) {
        try {
            Release r = PENDING.remove(hint.address());
            if (r != null) {
                r.released();
            }
        } catch (Throwable ignored) {
            // Nothing may escape into libzmq's thread: it would terminate the JVM.
        }
    }
}
