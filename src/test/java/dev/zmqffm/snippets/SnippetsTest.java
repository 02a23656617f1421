package dev.zmqffm.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zmqffm.DomainPolicy;
import dev.zmqffm.Mechanism;
import dev.zmqffm.MonitorEvent;
import dev.zmqffm.SecurityRule;
import dev.zmqffm.SocketOptions;
import dev.zmqffm.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every javadoc example (the {@code *Snippets} classes) and checks what it produced, so an
 * example that no longer compiles, throws or gives another result fails the build.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SnippetsTest {

    // --- CoreSnippets -------------------------------------------------------------------------

    @Test
    void overview() {
        assertEquals("HELLO", CoreSnippets.overview());
    }

    @Test
    void context() {
        assertEquals("job 1", CoreSnippets.context());
    }

    @Test
    void socket() {
        assertEquals("hello back", CoreSnippets.socket());
    }

    @Test
    void socketType() {
        assertEquals("weather: sunny", CoreSnippets.socketType());
    }

    @Test
    void contextOption() {
        assertEquals(2, CoreSnippets.contextOption().get(0));
        assertTrue((Integer) CoreSnippets.contextOption().get(1) > 0);
    }

    @Test
    void contextOptionUnchecked() {
        assertFalse(CoreSnippets.contextOptionUnchecked());
    }

    @Test
    void contextOptions() {
        assertEquals(List.of(4, 4096, false), CoreSnippets.contextOptions());
    }

    @Test
    void socketOption() {
        List<Object> r = CoreSnippets.socketOption();
        assertEquals(Duration.ZERO, r.get(0));
        assertEquals("worker-1", r.get(1));
        assertEquals(1000, r.get(2));
        assertEquals("inproc://options", r.get(3));
    }

    @Test
    void socketOptionUnchecked() {
        assertFalse(CoreSnippets.socketOptionUnchecked());
    }

    @Test
    void socketOptions() {
        assertEquals(List.of(10_000, Duration.ofSeconds(2), SocketOptions.INFINITE, false), CoreSnippets.socketOptions());
    }

    @Test
    void zmq() {
        assertTrue(CoreSnippets.zmq().matches("libzmq \\d+\\.\\d+\\.\\d+( with CURVE)?"), CoreSnippets.zmq());
    }

    // --- MessagingSnippets --------------------------------------------------------------------

    @Test
    void message() {
        assertEquals(List.of(5L, 6L, 1024L), MessagingSnippets.message());
    }

    @Test
    void messageTracker() throws InterruptedException {
        assertEquals(List.of((byte) 42, true), MessagingSnippets.messageTracker());
    }

    @Test
    void sendFlags() {
        assertEquals(List.of(false, "header", "body", 2), MessagingSnippets.sendFlags());
    }

    @Test
    void receiveFlags() {
        assertEquals(Optional.empty(), MessagingSnippets.receiveFlags());
    }

    @Test
    void pollEvent() {
        assertEquals(Optional.of("ready"), MessagingSnippets.pollEvent());
    }

    @Test
    void poller() {
        assertEquals(List.of("job 1"), MessagingSnippets.poller());
    }

    @Test
    void timers() {
        assertEquals(3, MessagingSnippets.timers());
    }

    @Test
    void proxy() {
        assertEquals(List.of("request done", 1L, 1L), MessagingSnippets.proxy());
    }

    @Test
    void socketMonitor() {
        List<Object> seen = MessagingSnippets.socketMonitor();
        assertEquals(1, seen.size());
        assertTrue(seen.get(0) instanceof MonitorEvent, seen.toString());
    }

    @Test
    void monitorEvent() {
        MonitorEvent e = MessagingSnippets.monitorEvent();
        assertEquals(MonitorEvent.Type.CONNECTED, e.type());
        assertTrue(e.endpoint().startsWith("tcp://127.0.0.1:"), e.endpoint());
    }

    // --- ErrorSnippets ------------------------------------------------------------------------

    @Test
    void addressInUse() {
        List<String> bound = ErrorSnippets.addressInUse();
        assertEquals(2, bound.size(), bound.toString());
        assertTrue(!bound.get(0).equals(bound.get(1)) && bound.get(0).startsWith("tcp://127.0.0.1:"), bound.toString());
    }

    @Test
    void errno() {
        assertTrue(ErrorSnippets.errno());
    }

    @Test
    void contextTerminated() throws InterruptedException {
        assertTrue(ErrorSnippets.contextTerminated());
    }

    @Test
    void hostUnreachable() {
        assertTrue(ErrorSnippets.hostUnreachable());
    }

    @Test
    void operationInterrupted() throws InterruptedException {
        assertEquals("interrupted", ErrorSnippets.operationInterrupted());
    }

    @Test
    void socketState() {
        assertTrue(ErrorSnippets.socketState());
    }

    @Test
    void zmqException() {
        assertEquals("failed: ENOENT", ErrorSnippets.zmqException());
    }

    // --- SecuritySnippets ---------------------------------------------------------------------

    @Test
    void authenticatorAndSocketSecurity(@TempDir Path dir) throws IOException {
        List<String> r = SecuritySnippets.curveRoundTrip(dir);
        assertEquals(r.get(1), r.get(0), "the verified User-Id is the client's public key");
        assertEquals("order 1", r.get(2));
    }

    @Test
    void certificate(@TempDir Path dir) throws IOException {
        assertEquals(List.of(true, Map.of("name", "orders-service"), Mechanism.CURVE), SecuritySnippets.certificate(dir));
    }

    @Test
    void curveKey() {
        assertEquals(List.of(true, Mechanism.CURVE, Mechanism.CURVE), SecuritySnippets.curveKey());
    }

    @Test
    void curveVerifier() {
        assertEquals(Verdict.allow("sensor-7"), SecuritySnippets.curveVerifier());
    }

    @Test
    void domainPolicy(@TempDir Path dir) {
        assertTrue(SecuritySnippets.domainPolicy(dir).orElseThrow().accepts(Mechanism.CURVE));
    }

    @Test
    void passwordStore(@TempDir Path dir) throws IOException {
        DomainPolicy policy = SecuritySnippets.passwordStore(dir);
        assertEquals(Optional.of("alice"), SecuritySnippets.plainLogin(policy, "correct horse", Duration.ofSeconds(10)));
        assertEquals(Optional.empty(), SecuritySnippets.plainLogin(policy, "wrong", Duration.ofSeconds(1)));
    }

    @Test
    void secretKey() {
        List<String> printed = SecuritySnippets.secretKey();
        assertTrue(printed.get(0).contains("SecretKey[redacted]"), printed.get(0));
        assertTrue(printed.get(1).contains("SecretKey[wiped]"), printed.get(1));
    }

    @Test
    void verdict() {
        assertEquals(Verdict.allow("sensor-7", Map.of("Tenant", "acme")), SecuritySnippets.verdict());
    }

    @Test
    void auditRecord() throws InterruptedException {
        String line = SecuritySnippets.auditRecord();
        assertTrue(line.startsWith("denied ") && line.contains(" from 127.0.0.1: "), line);
    }

    @Test
    void insecureConfiguration() {
        assertEquals(SecurityRule.EMPTY_DOMAIN, SecuritySnippets.insecureConfiguration());
    }

    @Test
    void securityRule() {
        assertEquals(SecurityRule.PLAIN_NOT_LOOPBACK, SecuritySnippets.securityRule());
    }

    @Test
    void mechanism() {
        assertEquals(Set.of(Mechanism.NULL, Mechanism.CURVE), SecuritySnippets.mechanism());
    }
}
