package dev.zmqffm.soak;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Process figures for the soak runs (Linux, glibc): resident set size from
 * {@code /proc/self/statm}, bytes in use by malloc ({@code mallinfo2().uordblks} through FFM),
 * and open file descriptors.
 *
 * <pre>{@code
 * NativeMemory.Snapshot before = NativeMemory.snapshot();
 * }</pre>
 */
final class NativeMemory {
    private NativeMemory() {}

    /** struct mallinfo2: ten size_t fields; uordblks (in use) is the eighth. */
    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            MemoryLayout.sequenceLayout(10, ValueLayout.JAVA_LONG).withName("fields"));
    private static final MethodHandle MALLINFO = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("mallinfo2").orElseThrow(), FunctionDescriptor.of(MALLINFO2));
    private static final MethodHandle TRIM = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("malloc_trim").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));

    record Snapshot(long rssBytes, long mallocInUse, long descriptors) {
        String describe() {
            return "rss=" + rssBytes + " malloc=" + mallocInUse + " fds=" + descriptors;
        }
    }

    static Snapshot snapshot() {
        try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) MALLINFO.invokeExact((java.lang.foreign.SegmentAllocator) arena);
            long inUse = info.get(ValueLayout.JAVA_LONG, 7 * 8);
            String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
            long rss = Long.parseLong(statm[1]) * 4096;
            long fds = 0;
            try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
                for (Path ignored : d) {
                    fds++;
                }
            }
            return new Snapshot(rss, inUse, fds - 1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns free heap tops to the OS, so RSS shows what is held, not what malloc keeps cached. */
    static void trim() {
        try {
            int ignored = (int) TRIM.invokeExact(0L);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
