package dev.zmqffm.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written ZMTP 3.0 peer over a plain TCP connection (NULL mechanism), for tests that need
 * a remote peer sending what no well-behaved library would: a subscription of a megabyte, say.
 *
 * <pre>{@code
 * try (RawZmtpPeer sub = RawZmtpPeer.connect("tcp://127.0.0.1:41234", "SUB")) {
 *     sub.sendFrame(subscription, false);
 * }
 * }</pre>
 */
public final class RawZmtpPeer implements AutoCloseable {
    private final SocketChannel channel;

    private RawZmtpPeer(SocketChannel channel) {
        this.channel = channel;
    }

    /** Connects to a {@code tcp://host:port} endpoint and completes the NULL handshake as {@code socketType}. */
    public static RawZmtpPeer connect(String endpoint, String socketType) throws IOException {
        return connect(endpoint, socketType, java.util.Map.of());
    }

    /**
     * The same, with more properties in the READY command: what a crafted peer can claim about
     * itself (e.g. its own {@code User-Id}).
     */
    public static RawZmtpPeer connect(String endpoint, String socketType, java.util.Map<String, String> properties)
            throws IOException {
        String hostPort = endpoint.substring("tcp://".length());
        int colon = hostPort.lastIndexOf(':');
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1))));
        RawZmtpPeer peer = new RawZmtpPeer(channel);
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>();
        all.put("Socket-Type", socketType);
        all.putAll(properties);
        peer.handshake(all);
        return peer;
    }

    private void handshake(java.util.Map<String, String> properties) throws IOException {
        ByteBuffer greeting = ByteBuffer.allocate(64);
        greeting.put((byte) 0xFF).put(new byte[8]).put((byte) 0x7F);   // signature
        greeting.put((byte) 3).put((byte) 0);                            // version 3.0
        greeting.put("NULL".getBytes(StandardCharsets.US_ASCII)).put(new byte[16]);
        greeting.put((byte) 0);                                          // as-server: no
        greeting.put(new byte[31]).flip();
        write(greeting);
        read(64);
        ByteBuffer ready = ByteBuffer.allocate(255);
        ready.put((byte) 5).put("READY".getBytes(StandardCharsets.US_ASCII));
        for (java.util.Map.Entry<String, String> p : properties.entrySet()) {
            byte[] name = p.getKey().getBytes(StandardCharsets.US_ASCII);
            byte[] value = p.getValue().getBytes(StandardCharsets.UTF_8);
            ready.put((byte) name.length).put(name).putInt(value.length).put(value);
        }
        ready.flip();
        ByteBuffer command = ByteBuffer.allocate(2 + ready.remaining());
        command.put((byte) 0x04).put((byte) ready.remaining()).put(ready).flip();
        write(command);
        // The peer's READY: a short or long command frame.
        int flags = read(1).get() & 0xFF;
        long size = (flags & 0x02) != 0 ? read(8).getLong() : read(1).get() & 0xFF;
        read((int) size);
    }

    /** Sends one frame ({@code more} for all but the last of a message). */
    public void sendFrame(byte[] body, boolean more) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(9);
        header.put((byte) (0x02 | (more ? 0x01 : 0))).putLong(body.length).flip();
        write(header);
        write(ByteBuffer.wrap(body));
    }

    private void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private ByteBuffer read(int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("peer closed the connection");
            }
        }
        return buffer.flip();
    }

    /** Whether the other side has closed the connection (reads until EOF or {@code millis}). */
    public boolean closedByPeer(long millis) throws IOException {
        channel.configureBlocking(false);
        long deadline = System.nanoTime() + millis * 1_000_000;
        ByteBuffer sink = ByteBuffer.allocate(4096);
        while (System.nanoTime() < deadline) {
            sink.clear();
            try {
                if (channel.read(sink) < 0) {
                    return true;
                }
            } catch (IOException reset) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
