package dev.zmqffm.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

/**
 * Every kind of payload the API accepts, for the fuzzer: heap, native, read-only, memory-mapped
 * (read-write and read-only), zero-address, huge and empty — as arrays, segments and buffers,
 * to send from and to receive into.
 *
 * <pre>{@code
 * socket.send(payloads.segment(), SendFlags.DONT_WAIT);
 * socket.receive(payloads.target(), ReceiveFlags.DONT_WAIT);
 * }</pre>
 */
final class Payloads implements AutoCloseable {
    private static final int MAPPED = 1 << 16;
    private static final int HUGE = 4 << 20;

    private final Random random;
    private final Path file;
    private final MemorySegment mapped;
    private final MemorySegment mappedReadOnly;
    private final MappedByteBuffer mappedBuffer;
    private final MemorySegment huge = Arena.global().allocate(HUGE);

    Payloads(Random random) {
        this.random = random;
        try {
            file = Files.createTempFile("zmqffm-fuzz", ".map");
            Files.write(file, new byte[MAPPED]);
            try (FileChannel rw = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                mapped = rw.map(FileChannel.MapMode.READ_WRITE, 0, MAPPED, Arena.global());
                mappedReadOnly = rw.map(FileChannel.MapMode.READ_ONLY, 0, MAPPED, Arena.global());
                mappedBuffer = rw.map(FileChannel.MapMode.READ_WRITE, 0, MAPPED);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        int[] sizes = {0, 1, 29, 33, 8192, 8193, 70_000};
        byte[] b = random.nextInt(50) == 0 ? new byte[HUGE] : new byte[sizes[random.nextInt(sizes.length)]];
        if (b.length > 0) {
            b[0] = (byte) random.nextInt();
        }
        return b;
    }

    /** A segment to send from. */
    MemorySegment segment() {
        return switch (random.nextInt(8)) {
            case 0 -> MemorySegment.ofArray(bytes());
            case 1 -> Arena.ofAuto().allocate(1 + random.nextInt(9000));
            case 2 -> Arena.ofAuto().allocate(64).asReadOnly();
            case 3 -> mapped.asSlice(random.nextInt(100), 1 + random.nextInt(5000));
            case 4 -> mappedReadOnly.asSlice(0, 1 + random.nextInt(MAPPED - 1));
            case 5 -> MemorySegment.NULL;
            case 6 -> huge;
            default -> MemorySegment.ofArray(new byte[0]);
        };
    }

    /** A segment to receive into: read-only ones included (they must be refused). */
    MemorySegment target() {
        return switch (random.nextInt(7)) {
            case 0 -> MemorySegment.ofArray(new byte[random.nextInt(10_000)]);
            case 1 -> Arena.ofAuto().allocate(1 + random.nextInt(10_000));
            case 2 -> Arena.ofAuto().allocate(64).asReadOnly();
            case 3 -> mapped.asSlice(0, 1 + random.nextInt(MAPPED - 1));
            case 4 -> mappedReadOnly;
            case 5 -> MemorySegment.NULL;
            default -> MemorySegment.ofArray(new byte[10]).asReadOnly();
        };
    }

    ByteBuffer buffer() {
        return switch (random.nextInt(5)) {
            case 0 -> ByteBuffer.wrap(bytes());
            case 1 -> ByteBuffer.allocateDirect(1 + random.nextInt(9000));
            case 2 -> ByteBuffer.allocateDirect(100).asReadOnlyBuffer();
            case 3 -> ByteBuffer.wrap(bytes()).asReadOnlyBuffer();
            default -> mappedBuffer.duplicate().position(random.nextInt(100));
        };
    }

    ByteBuffer targetBuffer() {
        return switch (random.nextInt(5)) {
            case 0 -> ByteBuffer.allocate(random.nextInt(10_000));
            case 1 -> ByteBuffer.allocateDirect(1 + random.nextInt(10_000));
            case 2 -> ByteBuffer.allocateDirect(100).asReadOnlyBuffer();
            case 3 -> ByteBuffer.allocate(100).asReadOnlyBuffer();
            default -> mappedBuffer.duplicate();
        };
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
