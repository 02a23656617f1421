package dev.zmqffm.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;

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

    /* Plain offsets rather than layout VarHandles: building the four VarHandles spun about 80
       classes on every first round trip (each socket's engine keeps one poll item), and a
       segment access at an offset is bounds- and alignment-checked the same way. */
    private static final long SIZE = LAYOUT.byteSize();
    private static final long SOCKET = offset("socket");
    private static final long FD = offset("fd");
    private static final long EVENTS = offset("events");
    private static final long REVENTS = offset("revents");

    private static long offset(String name) {
        return LAYOUT.byteOffset(MemoryLayout.PathElement.groupElement(name));
    }

    public static MemorySegment allocate(Arena arena, int count) {
        return arena.allocate(LAYOUT, count);
    }

    public static void setSocket(MemorySegment items, int index, MemorySegment socket) {
        /* The address as a 64-bit integer, the same bytes (LayoutCheck: pointers are 8 bytes):
           the first ADDRESS access builds an adapted VarHandle, ~15 classes on every first
           socket. Like an ADDRESS access, refuses heap memory. */
        if (!socket.isNative()) {
            throw new IllegalArgumentException("Heap segment not allowed: " + socket);
        }
        items.set(ValueLayout.JAVA_LONG, index * SIZE + SOCKET, socket.address());
    }

    public static void setFd(MemorySegment items, int index, long fd) {
        if (WINDOWS) {
            items.set(ValueLayout.JAVA_LONG, index * SIZE + FD, fd);
        } else {
            items.set(ValueLayout.JAVA_INT, index * SIZE + FD, Math.toIntExact(fd));
        }
    }

    public static void setEvents(MemorySegment items, int index, short events) {
        items.set(ValueLayout.JAVA_SHORT, index * SIZE + EVENTS, events);
    }

    public static short revents(MemorySegment items, int index) {
        return items.get(ValueLayout.JAVA_SHORT, index * SIZE + REVENTS);
    }
}
