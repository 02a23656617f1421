package dev.zmqffm.internal;

import java.util.Locale;

/**
 * The operating system the binding runs on: the one place that reads {@code os.name}.
 *
 * <pre>{@code
 * int eagain = Platform.current() == Platform.MACOS ? 35 : 11;
 * }</pre>
 *
 * <p>What differs by platform is decided from this value: the errno table, the
 * {@code zmq_pollitem_t} layout and the descriptor width ({@code int} on POSIX, a 64-bit
 * {@code SOCKET} on Windows), the library names tried by the loader, the {@code getrlimit}
 * constants, and whether a virtual thread waits on {@code epoll}.
 */
public enum Platform {
    /** Linux (any architecture). */
    LINUX,
    /** macOS. */
    MACOS,
    /** Windows. */
    WINDOWS,
    /** Anything else: POSIX conventions are assumed. */
    OTHER;

    private static final Platform CURRENT = detect(System.getProperty("os.name", ""));

    /** The running platform. */
    public static Platform current() {
        return CURRENT;
    }

    /** Whether descriptors are 64-bit {@code SOCKET}s rather than C {@code int}s. */
    public boolean hasWideDescriptors() {
        return this == WINDOWS;
    }

    static Platform detect(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return LINUX;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return MACOS;
        }
        if (os.contains("win")) {
            return WINDOWS;
        }
        return OTHER;
    }
}
