package dev.zmqffm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer program (pyzmq, a C binary) running beside a test. Always used with
 * try-with-resources: closing kills it if it is still running.
 */
public final class Peer implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    private Peer(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code command}, capturing its output. */
    public static Peer start(List<String> command) {
        try {
            Path out = Files.createTempFile("peer", ".out");
            Path err = Files.createTempFile("peer", ".err");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            return new Peer(p, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /** Starts a Python 3 program with pyzmq; fails with an install hint if pyzmq is missing. */
    public static Peer python(String program, String... args) {
        ForkedJvm.Result probe = ForkedJvm.exec(List.of("/usr/bin/python3", "-c", "import zmq"), 30);
        if (probe.exitCode() != 0) {
            throw new AssertionError("pyzmq is needed for this interop test: apt-get install python3-zmq\n"
                    + probe.evidence());
        }
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/python3", "-c", program));
        command.addAll(List.of(args));
        return start(command);
    }

    /** Waits for the peer to exit and returns what it did. */
    public ForkedJvm.Result await(int timeoutSeconds) {
        try {
            boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            return new ForkedJvm.Result(done ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), !done);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends SIGTERM and waits for the peer to exit. */
    public ForkedJvm.Result terminate(int timeoutSeconds) {
        process.destroy();
        return await(timeoutSeconds);
    }

    /** Error output so far. */
    public String stderr() {
        try {
            return Files.readString(err, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Output so far. */
    public String stdout() {
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
