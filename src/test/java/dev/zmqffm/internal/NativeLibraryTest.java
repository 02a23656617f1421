package dev.zmqffm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.testing.ForkedJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How libzmq is found, in fresh JVMs (loading happens once per process). */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NativeLibraryTest {
    private static final String MAIN = "dev.zmqffm.samples.PrintVersion";

    private static ForkedJvm.Result run(String... jvmOptions) {
        return ForkedJvm.run(List.of(jvmOptions), MAIN, List.of(), 60);
    }

    @Test
    void loadsByTheVersionedNameSoTheRuntimePackageIsEnough() {
        ForkedJvm.Result r = run();
        assertEquals(0, r.exitCode(), r.evidence());
        assertTrue(r.stdout().matches("(?s)4\\.3\\.\\d+ \\(libzmq\\.so\\.5\\)\\s*"), r.evidence());
    }

    @Test
    void systemPropertyNamesTheLibrary(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("libzmq.so.5");
        Files.copy(Path.of(loadedLibraryPath()), copy);
        ForkedJvm.Result r = run("-D" + NativeLibrary.PROPERTY + "=" + copy);
        assertEquals(0, r.exitCode(), r.evidence());
        assertTrue(r.stdout().contains("(" + copy + ")"), r.evidence());
    }

    @Test
    void environmentVariableNamesTheLibrary(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("libzmq-copy.so");
        Files.copy(Path.of(loadedLibraryPath()), copy);
        ForkedJvm.Result r = ForkedJvm.exec(command(), Map.of(NativeLibrary.ENV, copy.toString()), 60);
        assertEquals(0, r.exitCode(), r.evidence());
        assertTrue(r.stdout().contains("(" + copy + ")"), r.evidence());
    }

    @Test
    void aMissingLibraryIsExplainedEveryTime() {
        ForkedJvm.Result r = ForkedJvm.run(List.of("-D" + NativeLibrary.PROPERTY + "=/nonexistent/libzmq.so.5"),
                TwiceMain.class.getName(), List.of(), 60);
        assertEquals(0, r.exitCode(), r.evidence());
        String[] attempts = r.stdout().split("--- attempt ---");
        assertEquals(3, attempts.length, r.evidence());
        for (int i = 1; i <= 2; i++) {
            assertTrue(attempts[i].contains("UnsatisfiedLinkError"), r.evidence());
            assertTrue(attempts[i].contains("/nonexistent/libzmq.so.5 (no such file)"), r.evidence());
            assertTrue(attempts[i].contains("apt-get install libzmq5"), r.evidence());
            assertFalse(attempts[i].contains("NoClassDefFoundError"), r.evidence());
        }
    }

    @Test
    void aRelativePathIsRejected() {
        ForkedJvm.Result r = run("-D" + NativeLibrary.PROPERTY + "=libzmq.so.5");
        assertTrue(r.exitCode() != 0, r.evidence());
        assertTrue(r.stderr().contains("must be an absolute path"), r.evidence());
    }

    @Test
    void aLibraryThatIsNotLibzmqIsNamedAsSuch() {
        String libc = "/lib/x86_64-linux-gnu/libc.so.6";
        ForkedJvm.Result r = run("-D" + NativeLibrary.PROPERTY + "=" + libc);
        assertTrue(r.exitCode() != 0, r.evidence());
        assertTrue(r.stderr().contains(libc + " (loaded, but it has no zmq_version: not libzmq)"), r.evidence());
    }

    /** The real file behind the libzmq this JVM loaded, from /proc/self/maps. */
    private static String loadedLibraryPath() throws Exception {
        dev.zmqffm.Zmq.version();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int slash = line.indexOf('/');
            if (slash > 0 && line.contains("libzmq")) {
                return line.substring(slash).trim();
            }
        }
        throw new AssertionError("libzmq is loaded but not in /proc/self/maps");
    }

    @Test
    void deniedNativeAccessNamesTheFlagForTheClassPath() {
        ForkedJvm.Result r = ForkedJvm.exec(List.of(ForkedJvm.javaLauncher().toString(), "--illegal-native-access=deny",
                "-cp", System.getProperty("java.class.path"), TwiceMain.class.getName()), 60);
        assertEquals(0, r.exitCode(), r.evidence());
        String[] attempts = r.stdout().split("--- attempt ---");
        assertEquals(3, attempts.length, r.evidence());
        for (int i = 1; i <= 2; i++) {
            assertTrue(attempts[i].contains("IllegalCallerException"), r.evidence());
            assertTrue(attempts[i].contains("--enable-native-access=ALL-UNNAMED"), r.evidence());
            assertTrue(attempts[i].contains("Enable-Native-Access: ALL-UNNAMED"), r.evidence());
            assertFalse(attempts[i].contains("apt-get"), "blames a missing library:\n" + r.evidence());
        }
    }

    @Test
    void deniedNativeAccessNamesTheModuleOnTheModulePath() {
        Path build = Path.of(System.getProperty("zmqffm.buildDir", "target"));
        ForkedJvm.Result r = ForkedJvm.exec(List.of(ForkedJvm.javaLauncher().toString(), "--illegal-native-access=deny",
                "--module-path", build.resolve("classes").toString(), "--add-modules", "dev.zmqffm",
                "-cp", build.resolve("test-classes").toString(), "dev.zmqffm.testing.NamedModuleMain"), 60);
        assertTrue(r.exitCode() != 0, r.evidence());
        assertTrue(r.stderr().contains("IllegalCallerException"), r.evidence());
        assertTrue(r.stderr().contains("--enable-native-access=dev.zmqffm (zmq-ffm is on the module path)"), r.evidence());
        assertFalse(r.stderr().contains("apt-get"), r.evidence());
    }

    private static List<String> command() {
        return List.of(ForkedJvm.javaLauncher().toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), MAIN);
    }

    /** Tries twice, printing each failure: the second must be as clear as the first. */
    public static final class TwiceMain {
        public static void main(String[] args) {
            for (int i = 0; i < 2; i++) {
                System.out.println("--- attempt ---");
                try {
                    dev.zmqffm.Zmq.version();
                    System.out.println("loaded?!");
                } catch (Throwable t) {
                    System.out.println(t);
                }
            }
        }
    }
}
