package dev.zmqffm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a main class in a fresh JVM with the test class path, so a scenario that could abort the
 * process (libzmq asserts call {@code abort()}) fails one test with evidence instead of killing
 * the whole run.
 */
public final class ForkedJvm {
    private ForkedJvm() {}

    /** What a forked JVM did. */
    public record Result(int exitCode, String stdout, String stderr, boolean timedOut) {
        /** Everything it printed, for assertion messages. */
        public String evidence() {
            return "exit=" + exitCode + (timedOut ? " (timed out)" : "") + "\n--- stdout ---\n" + stdout
                    + "\n--- stderr ---\n" + stderr;
        }
    }

    /** The java launcher of the running JVM. */
    public static Path javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** Runs {@code mainClass} with {@code args} on the test class path. */
    public static Result run(Class<?> mainClass, String... args) {
        return run(List.of(), mainClass.getName(), List.of(args), 60);
    }

    /** Runs a main class with extra JVM options. */
    public static Result run(List<String> jvmOptions, String mainClass, List<String> args, int timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(javaLauncher().toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:-CreateCoredumpOnCrash");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return exec(command, timeoutSeconds);
    }

    /** Runs any command, capturing its output; kills it after {@code timeoutSeconds}. */
    public static Result exec(List<String> command, int timeoutSeconds) {
        return exec(command, java.util.Map.of(), timeoutSeconds);
    }

    /** Runs a command with extra environment variables. */
    public static Result exec(List<String> command, java.util.Map<String, String> env, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("forked", ".out");
            Path err = Files.createTempFile("forked", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command);
                pb.environment().putAll(env);
                Process p = pb
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                if (!done) {
                    p.destroyForcibly();
                    p.waitFor(10, TimeUnit.SECONDS);
                }
                return new Result(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8), !done);
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
