package dev.zmqffm.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A hand-written {@code zmq_pollitem_t} layout. jextract bakes in the build host's layout, but
 * the struct differs by platform: {@code fd} is an {@code int} on POSIX and a 64-bit
 * {@code SOCKET} on Windows (16 versus 24 bytes). {@code PollItemsTest} checks this layout
 * against the generated one on the platform the bindings were generated on.
 */
public final class PollItems {
    private PollItems() {}

    public static final short POLLIN = 1;
    public static final short POLLOUT = 2;
    public static final short POLLERR = 4;
    public static final short POLLPRI = 8;

    private static final boolean WINDOWS = Platform.current().hasWideDescriptors();

    /** {@code struct zmq_pollitem_t { void *socket; int|SOCKET fd; short events; short revents; }} */
    public static final StructLayout LAYOUT = WINDOWS
            ? MemoryLayout.structLayout(
                    ValueLayout.ADDRESS.withName("socket"),
                    ValueLayout.JAVA_LONG.withName("fd"),
                    ValueLayout.JAVA_SHORT.withName("events"),
                    ValueLayout.JAVA_SHORT.withName("revents"),
                    MemoryLayout.paddingLayout(4))
            : MemoryLayout.structLayout(
                    ValueLayout.ADDRESS.withName("socket"),
                    ValueLayout.JAVA_INT.withName("fd"),
                    ValueLayout.JAVA_SHORT.withName("events"),
                    ValueLayout.JAVA_SHORT.withName("revents"));

    private static final VarHandle SOCKET = element("socket");
    private static final VarHandle FD = element("fd");
    private static final VarHandle EVENTS = element("events");
    private static final VarHandle REVENTS = element("revents");

    private static VarHandle element(String name) {
        return LAYOUT.arrayElementVarHandle(MemoryLayout.PathElement.groupElement(name));
    }

    /** An array of {@code count} zeroed poll items. */
    public static MemorySegment allocate(Arena arena, int count) {
        return arena.allocate(LAYOUT, count);
    }

    public static void setSocket(MemorySegment items, int index, MemorySegment socket) {
        SOCKET.set(items, 0L, (long) index, socket);
    }

    public static void setFd(MemorySegment items, int index, long fd) {
        if (WINDOWS) {
            FD.set(items, 0L, (long) index, fd);
        } else {
            FD.set(items, 0L, (long) index, Math.toIntExact(fd));
        }
    }

    public static void setEvents(MemorySegment items, int index, short events) {
        EVENTS.set(items, 0L, (long) index, events);
    }

    public static short revents(MemorySegment items, int index) {
        return (short) REVENTS.get(items, 0L, (long) index);
    }
}
