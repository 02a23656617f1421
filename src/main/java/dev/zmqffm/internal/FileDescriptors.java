package dev.zmqffm.internal;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * How many file descriptors the process may still open, for the one libzmq call that aborts
 * instead of failing when there are too few: the first socket of a context starts the reaper
 * and I/O threads, and each asserts that its {@code epoll} descriptor could be created.
 *
 * <p>Linux and macOS only (the soft {@code RLIMIT_NOFILE} from {@code /proc/self/limits} or {@code getrlimit}, the open
 * descriptors listed in {@code /proc/self/fd} or {@code /dev/fd}); elsewhere the answer is
 * "unknown" and nothing is checked.
 */
public final class FileDescriptors {
    /** An answer of {@link #available()} meaning this platform cannot tell. */
    public static final long UNKNOWN = -1;

    private static final boolean LINUX = Platform.current() == Platform.LINUX;
    private static final boolean MAC = Platform.current() == Platform.MACOS;
    private static final int RLIMIT_NOFILE = LINUX ? 7 : 8;
    /**
     * macOS only: Linux reads {@code /proc/self/limits}, as a downcall handle would cost a
     * process's first round trip about 15 ms and 90 classes.
     */
    private static final MethodHandle GETRLIMIT = MAC ? getrlimit() : null;
    /** A soft limit meaning the limit could not be read for want of a descriptor. */
    private static final long NONE_LEFT = -2;

    private FileDescriptors() {}

    /**
     * Descriptors that can still be opened before the soft limit is reached, or {@link #UNKNOWN}
     * (unsupported platform, unlimited, or the numbers could not be read). A snapshot: other
     * threads may open or close files at any moment.
     */
    public static long available() {
        long limit = softLimit();
        if (limit == NONE_LEFT) {
            return 0;
        }
        if (limit < 0 || limit >= Integer.MAX_VALUE) {
            return UNKNOWN;
        }
        long open = openCount();
        return open == UNKNOWN ? UNKNOWN : Math.max(0, limit - open);
    }

    private static long softLimit() {
        return LINUX ? procSoftLimit() : getrlimitSoftLimit(GETRLIMIT);
    }

    /**
     * The soft limit from the "Max open files" line of {@code /proc/self/limits}
     * ({@code Long.MAX_VALUE} for unlimited); {@link #NONE_LEFT} if the file is there but cannot
     * be opened (as in {@link #openCount()}), UNKNOWN if it is not there or not understood.
     */
    static long procSoftLimit() {
        File limits = new File("/proc/self/limits");
        String text;
        // java.io, already loaded at start-up: Files.readAllBytes would load ~40 channel classes.
        try (FileInputStream in = new FileInputStream(limits)) {
            text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return limits.exists() ? NONE_LEFT : UNKNOWN;
        }
        String key = "Max open files";
        int at = text.indexOf(key);
        if (at < 0) {
            return UNKNOWN;
        }
        int start = at + key.length();
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < text.length() && text.charAt(end) != ' ' && text.charAt(end) != '\n') {
            end++;
        }
        String soft = text.substring(start, end);
        if (soft.equals("unlimited")) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(soft);
        } catch (NumberFormatException e) {
            return UNKNOWN;
        }
    }

    /** The soft limit through {@code getrlimit} ({@code -1}: unlimited), or UNKNOWN. */
    static long getrlimitSoftLimit(MethodHandle getrlimit) {
        if (getrlimit == null) {
            return UNKNOWN;
        }
        try (Arena arena = Arena.ofConfined()) {
            // struct rlimit { rlim_t rlim_cur; rlim_t rlim_max; } with a 64-bit rlim_t on both.
            MemorySegment limits = arena.allocate(ValueLayout.JAVA_LONG, 2);
            int rc = (int) getrlimit.invokeExact(RLIMIT_NOFILE, limits);
            return rc == 0 ? limits.get(ValueLayout.JAVA_LONG, 0) : UNKNOWN;
        } catch (Throwable e) {
            return UNKNOWN;
        }
    }

    private static long openCount() {
        // java.io.File, already loaded at start-up: a java.nio.file directory stream loads ~20
        // classes (and a lambda) on every process's first round trip. null: the listing failed.
        File dir = new File(LINUX ? "/proc/self/fd" : "/dev/fd");
        String[] entries = dir.list();
        if (entries == null) {
            // Listing needs a descriptor itself: if the directory is there but cannot be opened,
            // the process is out of descriptors (stat needs none).
            return dir.isDirectory() ? Long.MAX_VALUE : UNKNOWN;
        }
        // The listing includes the descriptor the directory was read through, closed by now.
        return Math.max(0, entries.length - 1L);
    }

    static MethodHandle getrlimit() {
        // No lambda: on macOS this runs on a process's first round trip, where each costs a class.
        Linker linker = Linker.nativeLinker();
        MemorySegment address = linker.defaultLookup().find("getrlimit").orElse(null);
        return address == null ? null : linker.downcallHandle(address,
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
    }
}
