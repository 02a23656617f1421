package dev.zmqffm.misuse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every misuse that would abort the process in plain libzmq, run in a forked JVM: the test
 * asserts a clean exit and the documented exception at each step, with the child's output as
 * evidence when it fails.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class MisuseTest {

    private static String run(String scenario, String... expectedSteps) {
        return AbortTest.run(Scenario.class, scenario, expectedSteps);
    }

    @Test
    void useAfterCloseThrows() {
        run("socket-use-after-close", "send: IllegalStateException", "receive: IllegalStateException",
                "bind: IllegalStateException", "option: IllegalStateException");
    }

    @Test
    void doubleCloseIsHarmless() {
        run("double-close", "socket: quiet", "message: quiet", "context: quiet");
    }

    @Test
    void readingAClosedMessageThrows() {
        run("closed-message", "view: IllegalStateException", "size: IllegalStateException",
                "data: IllegalStateException", "more: IllegalStateException", "bytes: IllegalStateException");
    }

    @Test
    void readingOrResendingASentMessageThrows() {
        String out = run("sent-message", "view: IllegalStateException", "size: IllegalStateException",
                "send-twice: IllegalStateException", "received: once, nothing more");
        assertFalse(out.contains("second frame"), "libzmq would have sent an empty second frame\n" + out);
    }

    @Test
    void closingASocketAnotherThreadIsBlockedInIsRefused() {
        run("close-socket-while-blocked", "close: IllegalStateException",
                "blocked-thread: ContextTerminatedException");
    }

    @Test
    void closingAContextWithSocketsBlockedInOtherThreadsIsClean() {
        String out = run("close-context-while-blocked", "thread-0: ContextTerminatedException",
                "thread-3: ContextTerminatedException");
        long ms = Long.parseLong(out.replaceAll("(?s).*close-ms: (\\d+).*", "$1"));
        assertTrue(ms < 1000, "context close took " + ms + " ms");
    }

    @Test
    void concurrentUseOfOneSocketIsRefusedNotCorrupting() {
        run("concurrent-use", "concurrent: IllegalStateException");
    }

    @Test
    void aMessageCannotBeClosedFromAnotherThread() {
        run("message-other-thread", "close-from-other-thread: WrongThreadException");
    }

    @Test
    void zapEndpointIsReservedForRepAndRouter() {
        run("zap-endpoint", "bind-zap-as-pub: IllegalArgumentException");
    }

    @Test
    void aContextCannotStartWithTooFewFileDescriptors() {
        run("descriptors-exhausted", "first-socket-with-0-free: ZmqException", "first-socket-with-1-free: ZmqException",
                "first-socket-with-2-free: ZmqException", "first-socket-with-3-free: ZmqException",
                "first-socket-with-6-free: ZmqException", "recovered: again");
    }

    @Test
    void valuesLibzmqWouldMisreadAreRejected() {
        run("bad-values", "z85-nul: IllegalArgumentException", "port-99999: IllegalArgumentException",
                "port-minus-1: IllegalArgumentException", "string-option-nul: IllegalArgumentException");
    }

    @Test
    void closingAContextWhileThreadsCreateAndUseSocketsIsClean() {
        run("close-race", "rounds: 30");
    }

    @Test
    void monitorSocketAndContextCanCloseInAnyOrder() {
        run("monitor-wrong-order", "close-monitor-while-read: IllegalStateException", "MONITOR_STOPPED",
                "reader: ContextTerminatedException", "close-monitor-after: IllegalStateException");
    }

    @Test
    void contextCanCloseUnderARunningProxy() {
        String out = run("proxy-wrong-order", "close-proxied-socket: IllegalStateException",
                "terminate-after: IllegalStateException");
        long ms = Long.parseLong(out.replaceAll("(?s).*close-ms: (\\d+).*", "$1"));
        assertTrue(ms < 1000, "context close took " + ms + " ms");
    }

    @Test
    void contextCanCloseUnderABlockedPoller() {
        String out = run("poller-wrong-order", "close-polled-socket: IllegalStateException",
                "poller: ContextTerminatedException");
        long ms = Long.parseLong(out.replaceAll("(?s).*close-ms: (\\d+).*", "$1"));
        assertTrue(ms < 1000, "context close took " + ms + " ms");
    }

    @Test
    void signalsNeitherShortenTimeoutsNorBreakBlockingCalls() {
        String out = run("signals", "signals: IllegalStateException", "timed: false", "rcvtimeo: true",
                "blocking: after the storm");
        int sent = Integer.parseInt(out.replaceAll("(?s).*signals sent: (\\d+).*", "$1"));
        assertTrue(sent > 20, "only " + sent + " signals reached the thread\n" + out);
        for (String kind : new String[] {"timed", "rcvtimeo"}) {
            long ms = Long.parseLong(out.replaceAll("(?s).*" + kind + ": \\w+ after (\\d+) ms.*", "$1"));
            assertTrue(ms >= 1490 && ms < 3000, kind + " returned after " + ms + " ms\n" + out);
        }
    }
}
