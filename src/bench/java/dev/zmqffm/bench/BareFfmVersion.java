package dev.zmqffm.bench;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The Foreign Function API's fixed entry cost: a plain-JDK program that loads libzmq, makes one
 * downcall handle ({@code zmq_version}, as {@code LibZmq} makes it: no linker option) and calls
 * it once. No zmq-ffm class, no socket.
 *
 * <pre>{@code
 * java --enable-native-access=ALL-UNNAMED -cp startup-bench.jar dev.zmqffm.bench.BareFfmVersion
 * }</pre>
 *
 * <p>The row "bare FFM, zmq_version only" of {@code scripts/bench --startup}: between it and
 * {@link EmptyMain} lies what the first downcall of any FFM program costs;
 * {@link BareFfmRoundTrip} adds the round trip's other downcall shapes. Prints nothing on
 * success; exits non-zero if libzmq is not 4.x.
 */
public final class BareFfmVersion {
    private BareFfmVersion() {}

    public static void main(String[] args) throws Throwable {
        SymbolLookup zmq = SymbolLookup.libraryLookup("libzmq.so.5", Arena.global());
        MethodHandle version = Linker.nativeLinker().downcallHandle(zmq.find("zmq_version").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment parts = arena.allocate(ValueLayout.JAVA_INT, 3);
            version.invokeExact(parts, parts.asSlice(4), parts.asSlice(8));
            if (parts.get(ValueLayout.JAVA_INT, 0) != 4) {
                System.exit(1);
            }
        }
    }
}
