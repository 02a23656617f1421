package dev.zmqffm.internal;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Linux {@code epoll} through FFM, for the {@link Reactor}: errno captured in the same downcall,
 * handles linked on first use (only a virtual thread that has to wait ever needs them).
 *
 * <p>{@code struct epoll_event} is {@code { uint32_t events; uint64_t data; }}, packed on x86-64
 * (12 bytes, data at offset 4) and naturally aligned elsewhere (16 bytes, data at 8). The
 * reactor stores the descriptor number in {@code data}.
 */
public final class Epoll {
    private Epoll() {}

    public static final int EPOLLIN = 0x001;
    public static final int EPOLLOUT = 0x004;
    public static final int EPOLLERR = 0x008;
    public static final int EPOLLHUP = 0x010;
    public static final int EPOLLONESHOT = 1 << 30;
    public static final int EPOLL_CTL_ADD = 1;
    public static final int EPOLL_CTL_DEL = 2;
    public static final int EPOLL_CTL_MOD = 3;
    private static final int EPOLL_CLOEXEC = 0x80000;

    /** Size of one {@code struct epoll_event}. */
    public static final long EVENT_SIZE;
    private static final long DATA_OFFSET;

    static {
        boolean packed = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> true;
            default -> false;
        };
        EVENT_SIZE = packed ? 12 : 16;
        DATA_OFFSET = packed ? 4 : 8;
    }

    private static final class Handles {
        static final Linker LINKER = Linker.nativeLinker();
        static final Linker.Option ERRNO = Linker.Option.captureCallState("errno");
        static final MethodHandle CREATE = handle("epoll_create1",
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        static final MethodHandle CTL = handle("epoll_ctl", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        static final MethodHandle WAIT = handle("epoll_wait", FunctionDescriptor.of(ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

        private static MethodHandle handle(String name, FunctionDescriptor fd) {
            MemorySegment address = LINKER.defaultLookup().find(name)
                    .orElseThrow(() -> new UnsatisfiedLinkError("no " + name + " in the C library"));
            // The capture segment becomes the handle's first parameter.
            return LINKER.downcallHandle(address, fd, ERRNO);
        }
    }

    /** A new epoll descriptor (close-on-exec), or -1 with errno in {@code capture}. */
    public static int create(MemorySegment capture) {
        try {
            return (int) Handles.CREATE.invokeExact(capture, EPOLL_CLOEXEC);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code epoll_ctl} with {@code event} (one {@link #EVENT_SIZE} struct) filled by the caller. */
    public static int ctl(MemorySegment capture, int epfd, int op, int fd, MemorySegment event) {
        try {
            return (int) Handles.CTL.invokeExact(capture, epfd, op, fd, event);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** {@code epoll_wait}: blocks (a platform thread only) until events or the timeout. */
    public static int await(MemorySegment capture, int epfd, MemorySegment events, int max, int timeoutMillis) {
        try {
            return (int) Handles.WAIT.invokeExact(capture, epfd, events, max, timeoutMillis);
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Fills event {@code index} of an array of structs. */
    public static void setEvent(MemorySegment events, int index, int mask, long data) {
        long base = index * EVENT_SIZE;
        events.set(ValueLayout.JAVA_INT_UNALIGNED, base, mask);
        events.set(ValueLayout.JAVA_LONG_UNALIGNED, base + DATA_OFFSET, data);
    }

    /** The data word of event {@code index}. */
    public static long data(MemorySegment events, int index) {
        return events.get(ValueLayout.JAVA_LONG_UNALIGNED, index * EVENT_SIZE + DATA_OFFSET);
    }
}
