package dev.zmqffm;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PasswordStoreTest {
    @TempDir
    Path dir;

    private static PasswordStore.Result check(PasswordStore s, String user, String password) {
        return s.check(user, password.getBytes(UTF_8));
    }

    @Test
    void inMemoryStoreComparesDigests() {
        PasswordStore s = PasswordStore.of(Map.of("alice", "pw", "bob", ""));
        assertEquals(PasswordStore.Result.ALLOWED, check(s, "alice", "pw"));
        assertEquals(PasswordStore.Result.DENIED, check(s, "alice", "pw "));
        assertEquals(PasswordStore.Result.DENIED, check(s, "alice", ""));
        assertEquals(PasswordStore.Result.ALLOWED, check(s, "bob", ""));
        assertEquals(PasswordStore.Result.DENIED, check(s, "carol", "pw"));
        assertFalse(s.toString().contains("pw"), s.toString());
    }

    @Test
    void hashedEntriesAreSaltedAndVerify() throws Exception {
        String a = PasswordStore.hashEntry("alice", "pw".toCharArray(), 1000);
        String b = PasswordStore.hashEntry("alice", "pw".toCharArray(), 1000);
        assertNotEquals(a, b, "salted");
        assertTrue(a.startsWith("alice:pbkdf2-sha256:1000:"), a);
        assertFalse(a.contains(":pw"), a);
        Path f = Files.writeString(dir.resolve("u.pw"), a + "\n");
        PasswordStore s = PasswordStore.file(f);
        assertEquals(PasswordStore.Result.ALLOWED, check(s, "alice", "pw"));
        assertEquals(PasswordStore.Result.DENIED, check(s, "alice", "pW"));
        assertNull(s.problem());
    }

    @Test
    void fileChangesAreSeenAndBrokenFilesAreUnavailable() throws Exception {
        Path f = Files.writeString(dir.resolve("u.pw"), "# comment\n\nalice:plain:one\n");
        PasswordStore s = PasswordStore.file(f);
        assertEquals(PasswordStore.Result.ALLOWED, check(s, "alice", "one"));
        Files.writeString(f, "alice:plain:two\n");
        assertEquals(PasswordStore.Result.ALLOWED, check(s, "alice", "two"));
        assertEquals(PasswordStore.Result.DENIED, check(s, "alice", "one"));
        Files.writeString(f, "alice:plain:two\nbob:sha1:xyz\n");
        assertEquals(PasswordStore.Result.UNAVAILABLE, check(s, "alice", "two"), "unknown scheme: the whole file");
        assertTrue(s.problem().contains("line 2"), s.problem());
        assertFalse(s.problem().contains("xyz"), "never the line: " + s.problem());
        Files.writeString(f, "alice:pbkdf2-sha256:0:AAAA:AAAA\n");
        assertEquals(PasswordStore.Result.UNAVAILABLE, check(s, "alice", "two"));
        Files.delete(f);
        assertEquals(PasswordStore.Result.UNAVAILABLE, check(s, "alice", "two"));
        Files.writeString(f, "alice:plain:three\n");
        assertEquals(PasswordStore.Result.ALLOWED, check(s, "alice", "three"));
    }

    @Test
    void userNamesMustBeStorable() {
        assertThrows(IllegalArgumentException.class, () -> PasswordStore.of(Map.of("a:b", "x")));
        assertThrows(IllegalArgumentException.class, () -> PasswordStore.hashEntry("", "x".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> PasswordStore.hashEntry("a", "x".toCharArray(), 0));
    }
}
