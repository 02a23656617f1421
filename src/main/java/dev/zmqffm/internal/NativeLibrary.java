package dev.zmqffm.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds and loads libzmq exactly once, into the global arena (the library must outlive every
 * thread that may call into it, so a confined or automatic scope would be wrong).
 *
 * <p>Order: the system property {@value #PROPERTY}, then the environment variable {@value #ENV}
 * (each an absolute path, and if set, the only thing tried), then the platform's loader with the
 * versioned name first (a machine with only the runtime package has {@code libzmq.so.5} and no
 * {@code libzmq.so}), then well-known directories. Every failure is collected so the final error
 * names everything that was tried.
 *
 * <p>The generated bindings resolve their symbols through {@link #lookup()}:
 * {@code scripts/generate-bindings} points jextract's symbol lookup here.
 */
public final class NativeLibrary {
    /** System property naming libzmq's absolute path. */
    public static final String PROPERTY = "zmq.library";
    /** Environment variable naming libzmq's absolute path. */
    public static final String ENV = "ZMQFFM_LIBZMQ";

    private static final Object LOCK = new Object();
    private static volatile SymbolLookup lookup;
    private static volatile String loadedFrom;
    private static volatile String failure;
    /** Whether {@link #failure} is a native-access denial rather than a missing library. */
    private static volatile boolean denied;

    private NativeLibrary() {}

    /**
     * The loaded libzmq.
     *
     * @throws UnsatisfiedLinkError naming every place tried and how to install libzmq, or the
     *         platform the generated bindings do not fit ({@link LayoutCheck})
     * @throws IllegalCallerException if the JVM denies this module native access
     *         ({@code --illegal-native-access=deny} without {@code --enable-native-access}),
     *         naming the flag to add
     */
    public static SymbolLookup lookup() {
        SymbolLookup l = lookup;
        if (l != null) {
            return l;
        }
        LayoutCheck.require();
        synchronized (LOCK) {
            if (lookup == null && failure == null) {
                load();
            }
            if (lookup == null) {
                // A fresh error each time: a class-initialisation failure would hide it behind
                // NoClassDefFoundError on the second attempt.
                if (denied) {
                    throw new IllegalCallerException(failure);
                }
                throw new UnsatisfiedLinkError(failure);
            }
            return lookup;
        }
    }

    /**
     * The {@code --enable-native-access} value that grants this code native access: the module's
     * name on the module path, {@code ALL-UNNAMED} on the class path.
     */
    public static String nativeAccessTarget() {
        Module module = NativeLibrary.class.getModule();
        return module.isNamed() ? module.getName() : "ALL-UNNAMED";
    }

    private static String nativeAccessDenied(IllegalCallerException e) {
        String target = nativeAccessTarget();
        return "zmq-ffm was denied native access (" + e.getMessage() + "). libzmq is called through the "
                + "Foreign Function API, which this JVM allows only to modules granted it: run java with "
                + "--enable-native-access=" + target
                + ("ALL-UNNAMED".equals(target) ? " (zmq-ffm is on the class path)" : " (zmq-ffm is on the module path)")
                + ", or, for an executable jar, add the manifest attribute 'Enable-Native-Access: ALL-UNNAMED'. "
                + "See README, \"Native access\".";
    }

    /** Where libzmq was loaded from (a path or a loader name); loads it if needed. */
    public static String loadedFrom() {
        lookup();
        return loadedFrom;
    }

    private static void load() {
        List<String> tried = new ArrayList<>();
        String explicit = System.getProperty(PROPERTY);
        String source = "-D" + PROPERTY;
        if (explicit == null || explicit.isBlank()) {
            explicit = System.getenv(ENV);
            source = "$" + ENV;
        }
        List<String> candidates = new ArrayList<>();
        if (explicit != null && !explicit.isBlank()) {
            if (!Path.of(explicit).isAbsolute()) {
                failure = source + " must be an absolute path to libzmq, but is '" + explicit + "'";
                return;
            }
            candidates.add(explicit);
        } else {
            candidates.addAll(defaultCandidates());
        }
        for (String candidate : candidates) {
            boolean isPath = candidate.indexOf('/') >= 0 || candidate.indexOf('\\') >= 0;
            if (isPath && !Files.exists(Path.of(candidate))) {
                tried.add(candidate + " (no such file)");
                continue;
            }
            try {
                SymbolLookup found = SymbolLookup.libraryLookup(candidate, Arena.global());
                if (found.find("zmq_version").isEmpty()) {
                    tried.add(candidate + " (loaded, but it has no zmq_version: not libzmq)");
                    continue;
                }
                loadedFrom = candidate;
                lookup = found;
                return;
            } catch (IllegalCallerException e) {
                // --illegal-native-access=deny: no candidate can load; say so, not "not installed".
                failure = nativeAccessDenied(e);
                denied = true;
                return;
            } catch (IllegalArgumentException e) {
                tried.add(candidate + " (" + e.getMessage() + ")");
            }
        }
        failure = "libzmq (ZeroMQ 4.x) could not be loaded. Tried:\n  - "
                + String.join("\n  - ", tried)
                + "\nInstall it: Debian/Ubuntu 'apt-get install libzmq5', Fedora 'dnf install zeromq', "
                + "macOS 'brew install zeromq'; or point -D" + PROPERTY + "=/absolute/path/to/libzmq "
                + "(or $" + ENV + ") at a libzmq 4.x shared library.";
    }

    private static List<String> defaultCandidates() {
        Platform os = Platform.current();
        List<String> names = new ArrayList<>();
        if (os == Platform.WINDOWS) {
            names.add("libzmq.dll");
            names.add("libzmq-mt-4_3_4.dll");
            return names;
        }
        if (os == Platform.MACOS) {
            names.add("libzmq.5.dylib");
            names.add("libzmq.dylib");
            for (String dir : List.of("/opt/homebrew/lib", "/usr/local/lib", "/opt/local/lib")) {
                names.add(dir + "/libzmq.5.dylib");
            }
            return names;
        }
        // The dynamic loader searches LD_LIBRARY_PATH and its cache for these.
        names.add("libzmq.so.5");
        names.add("libzmq.so");
        String arch = System.getProperty("os.arch", "");
        String triplet = switch (arch) {
            case "amd64", "x86_64" -> "x86_64-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            default -> arch + "-linux-gnu";
        };
        for (String dir : List.of("/usr/lib/" + triplet, "/usr/lib64", "/usr/lib", "/usr/local/lib",
                "/usr/local/lib64")) {
            names.add(dir + "/libzmq.so.5");
        }
        return names;
    }
}
