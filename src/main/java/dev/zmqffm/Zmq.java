package dev.zmqffm;

import dev.zmqffm.internal.LibZmq;
import dev.zmqffm.internal.NativeLibrary;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Facts about the loaded libzmq.
 *
 * {@snippet class=dev.zmqffm.snippets.CoreSnippets region=zmq}
 *
 * <p>libzmq is found the first time any class of this package needs it: the system property
 * {@code zmq.library} or the environment variable {@code ZMQFFM_LIBZMQ} (an absolute path) if
 * set, otherwise the platform loader ({@code libzmq.so.5}, then {@code libzmq.so}) and well-known
 * directories. If nothing loads, an {@link UnsatisfiedLinkError} lists every place tried and how
 * to install libzmq.
 */
public final class Zmq {
    private Zmq() {}

    /**
     * A libzmq version.
     *
     * @param major major version
     * @param minor minor version
     * @param patch patch version
     */
    public record Version(int major, int minor, int patch) implements Comparable<Version> {
        @Override
        public int compareTo(Version o) {
            int c = Integer.compare(major, o.major);
            if (c == 0) {
                c = Integer.compare(minor, o.minor);
            }
            return c != 0 ? c : Integer.compare(patch, o.patch);
        }

        /** {@return whether this version is {@code major.minor.patch} or newer} */
        public boolean atLeast(int major, int minor, int patch) {
            return compareTo(new Version(major, minor, patch)) >= 0;
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    /** {@return the version of the loaded libzmq ({@code zmq_version})} */
    public static Version version() {
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT, 3);
            LibZmq.zmq_version(v, v.asSlice(4), v.asSlice(8));
            return new Version(v.getAtIndex(ValueLayout.JAVA_INT, 0), v.getAtIndex(ValueLayout.JAVA_INT, 1),
                    v.getAtIndex(ValueLayout.JAVA_INT, 2));
        }
    }

    /**
     * {@return whether the loaded libzmq supports a capability ({@code zmq_has}): {@code "ipc"},
     * {@code "pgm"}, {@code "tipc"}, {@code "norm"}, {@code "curve"}, {@code "gssapi"},
     * {@code "draft"}}
     *
     * @param capability one of the names above; others give {@code false}
     */
    public static boolean has(String capability) {
        NativeLibrary.lookup();
        try (Arena arena = Arena.ofConfined()) {
            return LibZmq.zmq_has(CStrings.allocate(arena, capability, "capability")) != 0;
        }
    }

    /**
     * {@return where libzmq was loaded from: the path or library name that succeeded}
     *
     * @throws UnsatisfiedLinkError if libzmq cannot be loaded
     */
    public static String libraryLocation() {
        return NativeLibrary.loadedFrom();
    }
}
