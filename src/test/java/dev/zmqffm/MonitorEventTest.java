package dev.zmqffm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorEventTest {

    @Test
    void typesCarryLibzmqsBits() {
        assertEquals(15, MonitorEvent.Type.values().length);
        assertEquals(0x0001, MonitorEvent.Type.CONNECTED.bit());
        assertEquals(0x0400, MonitorEvent.Type.MONITOR_STOPPED.bit());
        assertEquals(0x4000, MonitorEvent.Type.HANDSHAKE_FAILED_AUTH.bit());
        assertEquals(0x7FFF, MonitorEvent.Type.bits(MonitorEvent.Type.ALL));
        assertThrows(IllegalArgumentException.class, () -> MonitorEvent.Type.of(0x8000));
    }

    @Test
    void decodesTheTwoFrameWireFormat() {
        byte[] head = ByteBuffer.allocate(6).order(ByteOrder.nativeOrder())
                .putShort((short) 0x0020).putInt(17).array();
        MonitorEvent e = SocketMonitor.decode(List.of(head, "tcp://1.2.3.4:5".getBytes(UTF_8)));
        assertEquals(new MonitorEvent(MonitorEvent.Type.ACCEPTED, 17, "tcp://1.2.3.4:5"), e);
        assertThrows(IllegalStateException.class, () -> SocketMonitor.decode(List.of(head)));
    }
}
