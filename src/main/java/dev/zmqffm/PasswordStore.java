package dev.zmqffm;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The user names and passwords a PLAIN domain accepts, compared in constant time; either in memory
 * or in a file that is read again whenever it changes.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=password-store}
 *
 * <p><b>File format.</b> UTF-8, one user per line, {@code #} starts a comment line:
 * <pre>
 * alice:pbkdf2-sha256:ITERATIONS:SALT:HASH     (SALT and HASH in base64; made by hashEntry)
 * bob:plain:the password                       (everything after "plain:"; avoid)
 * </pre>
 * A user name has no {@code :}. The file is checked at every request and parsed again when its
 * size, modification time or inode changed. A file that does not parse (for instance half-written
 * by an editor), is missing or unreadable makes every PLAIN request of the domain a temporary
 * failure (ZAP status 300: the client retries) until it parses again — never the old list and
 * never "anyone". Write it with an atomic rename to avoid the gap.
 *
 * <p><b>Comparisons.</b> In-memory passwords are kept as SHA-256 digests and compared with
 * {@link MessageDigest#isEqual}; file entries are PBKDF2-HMAC-SHA256 hashes (or plain text digested
 * on load). An unknown user is checked against a dummy entry of the same cost, so timing does not
 * tell which user names exist. PBKDF2 costs CPU per attempt: the authenticator runs checks off its
 * thread, bounds how many run at once, and rate-limits addresses that fail repeatedly.
 */
public final class PasswordStore {
    /** PBKDF2 iterations {@link #hashEntry(String, char[])} uses. */
    public static final int DEFAULT_ITERATIONS = 100_000;
    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Outcome of one check. */
    enum Result { ALLOWED, DENIED, UNAVAILABLE }

    /** One user's stored secret. */
    private record Entry(int iterations, byte[] salt, byte[] hash) {
        boolean matches(byte[] password) {
            return MessageDigest.isEqual(hash, derive(password, iterations, salt));
        }
    }

    /** A parsed file or map, or why none is available. */
    private record Snapshot(Map<String, Entry> users, Entry dummy, String problem) {}

    private final Path file;
    private Snapshot snapshot;
    private Object stamp;

    private PasswordStore(Path file, Snapshot snapshot) {
        this.file = file;
        this.snapshot = snapshot;
    }

    /**
     * An in-memory store: user name → password (kept only as digests).
     *
     * @param passwords each user name (not empty, no {@code ':'} or line break) with its password
     * @return a store that never changes
     * @throws IllegalArgumentException if a user name is empty or has a {@code ':'} or line break
     */
    public static PasswordStore of(Map<String, String> passwords) {
        Map<String, Entry> users = new HashMap<>();
        passwords.forEach((user, password) -> users.put(checkUser(user), digestEntry(password.getBytes(StandardCharsets.UTF_8))));
        return new PasswordStore(null, new Snapshot(Map.copyOf(users), digestEntry(new byte[0]), null));
    }

    /**
     * A store read from {@code file} (format above), read again whenever it changes.
     *
     * @param file the password file; read now, and again whenever its size, modification time or
     *         file key changes
     * @return a store backed by {@code file}
     */
    public static PasswordStore file(Path file) {
        PasswordStore store = new PasswordStore(Objects.requireNonNull(file, "file"), null);
        store.refresh();
        return store;
    }

    /**
     * A file line for {@code user} with a salted PBKDF2 hash of {@code password} ({@value #DEFAULT_ITERATIONS} iterations).
     *
     * @param user not empty, no {@code ':'} or line break
     * @param password the password; not kept, wipe the array afterwards
     * @return the line, without a line break
     * @throws IllegalArgumentException if {@code user} is empty or has a {@code ':'} or line break
     */
    public static String hashEntry(String user, char[] password) {
        return hashEntry(user, password, DEFAULT_ITERATIONS);
    }

    /**
     * A file line for {@code user} with a salted PBKDF2 hash of {@code password}.
     *
     * @param user not empty, no {@code ':'} or line break
     * @param password the password; not kept, wipe the array afterwards
     * @param iterations PBKDF2 rounds, at least 1: more is slower for both a guesser and the
     *         authenticator
     * @return the line, without a line break
     * @throws IllegalArgumentException if {@code iterations} is less than 1 or {@code user} is
     *         empty or has a {@code ':'} or line break
     */
    public static String hashEntry(String user, char[] password, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            Base64.Encoder b64 = Base64.getEncoder();
            return checkUser(user) + ":" + PBKDF2 + ":" + iterations + ":" + b64.encodeToString(salt) + ":"
                    + b64.encodeToString(derive(bytes, iterations, salt));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static String checkUser(String user) {
        if (user.isEmpty() || user.indexOf(':') >= 0 || user.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a user name is not empty and has no ':' or line break");
        }
        return user;
    }

    /** Checks one attempt; {@code UNAVAILABLE} if the file cannot be used right now. */
    Result check(String user, byte[] password) {
        Snapshot s = refresh();
        if (s.problem() != null) {
            return Result.UNAVAILABLE;
        }
        Entry entry = s.users().get(user);
        // The dummy costs the same as a real entry: timing does not reveal which users exist.
        boolean match = (entry != null ? entry : s.dummy()).matches(password);
        return entry != null && match ? Result.ALLOWED : Result.DENIED;
    }

    /** Why the store is unavailable, or null. */
    String problem() {
        return refresh().problem();
    }

    private synchronized Snapshot refresh() {
        if (file == null) {
            return snapshot;
        }
        Object now;
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            now = List.of(a.size(), a.lastModifiedTime(), String.valueOf(a.fileKey()));
        } catch (NoSuchFileException e) {
            now = "missing";
        } catch (IOException e) {
            now = "unreadable";
        }
        if (snapshot == null || !now.equals(stamp)) {
            stamp = now;
            snapshot = load();
        }
        return snapshot;
    }

    private Snapshot load() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return new Snapshot(Map.of(), null, "password file " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
        Map<String, Entry> users = new HashMap<>();
        Entry dummy = null;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", 3);
            Entry e = f.length == 3 && !f[0].isEmpty() ? parse(f[1], f[2]) : null;
            // Line numbers only: the line may hold a password.
            if (e == null) {
                return new Snapshot(Map.of(), null, "password file " + file + " line " + (n + 1) + " is not valid");
            }
            if (users.put(f[0], e) != null) {
                return new Snapshot(Map.of(), null, "password file " + file + " line " + (n + 1) + " repeats a user");
            }
            if (dummy == null || e.iterations() > dummy.iterations()) {
                dummy = new Entry(e.iterations(), new byte[16], new byte[32]);
            }
        }
        return new Snapshot(Map.copyOf(users), dummy == null ? digestEntry(new byte[0]) : dummy, null);
    }

    private static Entry parse(String kind, String rest) {
        if (kind.equals("plain")) {
            return digestEntry(rest.getBytes(StandardCharsets.UTF_8));
        }
        if (!kind.equals(PBKDF2)) {
            return null;
        }
        String[] f = rest.split(":");
        if (f.length != 3) {
            return null;
        }
        try {
            int iterations = Integer.parseInt(f[0]);
            byte[] hash = Base64.getDecoder().decode(f[2]);
            return iterations > 0 && hash.length == 32 ? new Entry(iterations, Base64.getDecoder().decode(f[1]), hash) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A fast entry for passwords kept in memory or in clear in the file: iterations 0 = SHA-256. */
    private static Entry digestEntry(byte[] password) {
        return new Entry(0, new byte[0], derive(password, 0, new byte[0]));
    }

    private static byte[] derive(byte[] password, int iterations, byte[] salt) {
        try {
            if (iterations == 0) {
                return MessageDigest.getInstance("SHA-256").digest(password);
            }
            CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(password));
            char[] chars = Arrays.copyOf(decoded.array(), decoded.limit());
            Arrays.fill(decoded.array(), '\0');
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
                Arrays.fill(chars, '\0');
            }
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256 and PBKDF2WithHmacSHA256", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return file == null ? "PasswordStore[memory, " + snapshot.users().size() + " users]" : "PasswordStore[" + file + "]";
    }
}
