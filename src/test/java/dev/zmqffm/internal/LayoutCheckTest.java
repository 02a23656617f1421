package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LayoutCheckTest {
    private static Map<String, MemoryLayout> host() {
        return new HashMap<>(Linker.nativeLinker().canonicalLayouts());
    }

    @Test
    void thisPlatformPasses() {
        assertNull(LayoutCheck.problem("Linux", "amd64", host()));
        assertDoesNotThrow(LayoutCheck::require);
    }

    @Test
    void llp64WindowsIsRefusedWithWhatDiffersAndHowToRegenerate() {
        Map<String, MemoryLayout> windows = host();
        windows.put("long", ValueLayout.JAVA_INT);          // Win64: long is 4 bytes, size_t 8
        String problem = LayoutCheck.problem("Windows 11", "amd64", windows);
        assertTrue(problem.startsWith("zmq-ffm cannot run on Windows 11 amd64"), problem);
        assertTrue(problem.contains("here C long is 4 bytes."), problem);
        assertTrue(problem.contains("scripts/generate-bindings"), problem);
    }

    @Test
    void a32BitJvmIsRefused() {
        Map<String, MemoryLayout> ilp32 = host();
        ilp32.put("long", ValueLayout.JAVA_INT);
        ilp32.put("size_t", ValueLayout.JAVA_INT);
        ilp32.put("void*", ValueLayout.ADDRESS.withByteAlignment(4));
        String problem = LayoutCheck.problem("Linux", "arm", ilp32);
        assertTrue(problem.contains("C long is 4 bytes, C size_t is 4 bytes"), problem);
    }

    /** Main of the forked JVMs: touches one entry point of the API first. */
    public static final class FirstTouch {
        public static void main(String[] args) {
            switch (args[0]) {
                case "socket-options" -> System.out.println(dev.zmqffm.SocketOptions.LINGER);
                case "context-options" -> System.out.println(dev.zmqffm.ContextOptions.IO_THREADS);
                case "socket-type" -> System.out.println(dev.zmqffm.SocketType.REQ.code());
                case "version" -> System.out.println(dev.zmqffm.Zmq.version());
                default -> dev.zmqffm.Context.create().close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"socket-options", "context-options", "socket-type", "version", "context"})
    void runsBeforeAnyGeneratedClassIsInitialised(String entry) {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-Xlog:class+init=info"), FirstTouch.class.getName(), List.of(entry), 60);
        assertEquals(0, r.exitCode(), r.evidence());
        List<String> order = r.stdout().lines().filter(l -> l.contains(" Initializing 'dev/zmqffm/")).toList();
        int check = indexOf(order, "dev/zmqffm/internal/LayoutCheck'");
        int generated = indexOf(order, "dev/zmqffm/internal/raw/");
        assertTrue(check >= 0, "LayoutCheck never ran:\n" + String.join("\n", order));
        if (!entry.equals("version") && !entry.equals("context")) {
            // the options classes read generated constants; Zmq and Context need none any more
            assertTrue(generated >= 0, String.join("\n", order));
        }
        assertTrue(generated < 0 || check < generated, String.join("\n", order));
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
