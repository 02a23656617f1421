package dev.zmqffm;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A CURVE certificate: a public key, optionally its secret key, and metadata, stored in CZMQ's
 * text format, which pyzmq ({@code zmq.auth.create_certificates}), CZMQ ({@code zcert}) and JeroMQ
 * ({@code ZCert}) read and write.
 *
 * {@snippet class=dev.zmqffm.snippets.SecuritySnippets region=certificate}
 *
 * <p><b>Files.</b> {@link #save(Path)} writes the public file at the given path and the secret
 * file beside it with {@code _secret} appended (the convention of CZMQ and pyzmq). Each file is
 * written to a temporary file and moved into place, so a reader never sees half of it; the secret
 * file is created owner-read/write only ({@code 0600}) before any byte is written. Loading a file
 * that holds a secret key refuses it if the group or others may read it
 * ({@link SecurityRule#SECRET_FILE_READABLE}): pyzmq and JeroMQ write secret files with the default
 * permissions, so {@code chmod 600} them first. On a file system without POSIX permissions the
 * check cannot be made; a warning is logged.
 *
 * <p>{@code toString} shows the public key and metadata, never the secret key.
 */
public final class Certificate {
    private static final System.Logger LOG = System.getLogger("dev.zmqffm.security");
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final CurveKey publicKey;
    private final SecretKey secretKey;
    private final Map<String, String> metadata;

    private Certificate(CurveKey publicKey, SecretKey secretKey, Map<String, String> metadata) {
        this.publicKey = publicKey;
        this.secretKey = secretKey;
        this.metadata = metadata;
    }

    /**
     * A new key pair without metadata.
     *
     * @return a secret certificate holding a key pair made by {@link CurveKey#generateKeyPair()}
     */
    public static Certificate generate() {
        return generate(Map.of());
    }

    /**
     * A new key pair with metadata (names of letters, digits and {@code $-_@.&+/}; one-line values).
     *
     * @param metadata written to the certificate's {@code metadata} section; copied
     * @return a secret certificate holding a key pair made by {@link CurveKey#generateKeyPair()}
     * @throws IllegalArgumentException if a name or value breaks the rule above
     */
    public static Certificate generate(Map<String, String> metadata) {
        return of(CurveKey.generateKeyPair(), metadata);
    }

    /**
     * A certificate for an existing key pair; checks the public key belongs to the secret key.
     *
     * @param pair the keys; the certificate shares the secret key object, so wiping one wipes both
     * @param metadata as for {@link #generate(Map)}
     * @return a secret certificate
     * @throws InsecureConfigurationException if the public key is not the one of the secret key
     *         ({@link SecurityRule#KEY_PAIR_MISMATCH})
     * @throws IllegalArgumentException if a metadata name or value breaks the rule of
     *         {@link #generate(Map)}
     */
    public static Certificate of(CurveKey.KeyPair pair, Map<String, String> metadata) {
        if (!pair.secretKey().publicKey().equals(pair.publicKey())) {
            throw new InsecureConfigurationException(SecurityRule.KEY_PAIR_MISMATCH, "certificate key pair");
        }
        return new Certificate(pair.publicKey(), pair.secretKey(), checked(metadata));
    }

    /**
     * A public certificate (no secret key), e.g. of a client to put in an allow list.
     *
     * @param publicKey the peer's public key
     * @param metadata as for {@link #generate(Map)}
     * @return a public certificate
     * @throws IllegalArgumentException if a metadata name or value breaks the rule of
     *         {@link #generate(Map)}
     */
    public static Certificate ofPublicKey(CurveKey publicKey, Map<String, String> metadata) {
        return new Certificate(Objects.requireNonNull(publicKey, "publicKey"), null, checked(metadata));
    }

    private static Map<String, String> checked(Map<String, String> metadata) {
        metadata.forEach(CertificateFile::checkMetadata);
        return Map.copyOf(metadata);
    }

    /**
     * Loads a public or secret certificate file.
     *
     * @param file a file in the format written by {@link #save(Path)} (and by CZMQ's {@code zcert})
     * @return a secret certificate if the file has a {@code secret-key}, else a public one
     * @throws InsecureConfigurationException if the file holds a secret key and group or others
     *         may read it, or if its public key does not belong to its secret key
     * @throws IllegalArgumentException if the file is not a certificate (the message names the
     *         line, never its text)
     * @throws IOException if the file cannot be read
     */
    public static Certificate load(Path file) throws IOException {
        CertificateFile parsed;
        try {
            parsed = CertificateFile.parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        CurveKey pub;
        try {
            pub = CurveKey.fromZ85(parsed.publicKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": public-key: " + e.getMessage(), e);
        }
        if (parsed.secretKey() == null) {
            return new Certificate(pub, null, parsed.metadata());
        }
        checkOwnerOnly(file);
        SecretKey secret;
        try {
            secret = SecretKey.fromZ85(parsed.secretKey());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": secret-key: " + e.getMessage(), e);
        }
        if (!secret.publicKey().equals(pub)) {
            throw new InsecureConfigurationException(SecurityRule.KEY_PAIR_MISMATCH, file.toString());
        }
        return new Certificate(pub, secret, parsed.metadata());
    }

    private static void checkOwnerOnly(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            LOG.log(Level.WARNING, "cannot check who may read the secret certificate " + file
                    + ": the file system has no POSIX permissions");
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        if (!OWNER_ONLY.containsAll(perms) || perms.contains(PosixFilePermission.OWNER_EXECUTE)) {
            throw new InsecureConfigurationException(SecurityRule.SECRET_FILE_READABLE, file + " has permissions "
                    + PosixFilePermissions.toString(perms) + "; run chmod 600 on it");
        }
    }

    /**
     * Writes the public file at {@code publicFile} and, if this certificate has a secret key, the
     * secret file at {@code publicFile + "_secret"} with owner-only permissions.
     *
     * @param publicFile where the public file goes; an existing file is replaced
     * @throws IOException if a file cannot be written; each file is written to a temporary file and
     *         moved into place, so a reader never sees half a certificate
     */
    public void save(Path publicFile) throws IOException {
        savePublic(publicFile);
        if (secretKey != null) {
            saveSecret(publicFile.resolveSibling(publicFile.getFileName() + "_secret"));
        }
    }

    /**
     * Writes the public certificate (no secret key) to {@code file}.
     *
     * @param file replaced if it exists; readable by everyone on a POSIX file system
     * @throws IOException if the file cannot be written
     */
    public void savePublic(Path file) throws IOException {
        write(file, new CertificateFile(metadata, publicKey.toZ85(), null).format(Instant.now().toString()), false);
    }

    /**
     * Writes the secret certificate to {@code file}, readable and writable by the owner only.
     *
     * @param file replaced if it exists
     * @throws IllegalStateException if this certificate has no secret key
     * @throws IOException if the file cannot be written
     */
    public void saveSecret(Path file) throws IOException {
        char[] z85 = secretKey().orElseThrow(() -> new IllegalStateException("certificate has no secret key")).toZ85();
        try {
            write(file, new CertificateFile(metadata, publicKey.toZ85(), new String(z85)).format(Instant.now().toString()),
                    true);
        } finally {
            Arrays.fill(z85, '\0');
        }
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        // Created owner-only before the first byte, so the secret is never readable by others.
        Path tmp = posix
                ? Files.createTempFile(dir, ".cert", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".cert", ".tmp");
        try {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Files.write(tmp, bytes);
            Arrays.fill(bytes, (byte) 0);
            if (posix && !secret) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** {@return the public key} */
    public CurveKey publicKey() {
        return publicKey;
    }

    /** {@return the secret key, if this is a secret certificate} */
    public Optional<SecretKey> secretKey() {
        return Optional.ofNullable(secretKey);
    }

    /**
     * {@return the key pair}
     *
     * @throws IllegalStateException if this certificate has no secret key
     */
    public CurveKey.KeyPair keyPair() {
        return new CurveKey.KeyPair(publicKey,
                secretKey().orElseThrow(() -> new IllegalStateException("certificate has no secret key")));
    }

    /** {@return the metadata, in no particular order} */
    public Map<String, String> metadata() {
        return metadata;
    }

    /**
     * The public part of this certificate.
     *
     * @return a certificate with the same public key and metadata and no secret key
     */
    public Certificate publicPart() {
        return new Certificate(publicKey, null, metadata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certificate c && publicKey.equals(c.publicKey) && metadata.equals(c.metadata)
                && Objects.equals(secretKey, c.secretKey);
    }

    @Override
    public int hashCode() {
        return publicKey.hashCode();
    }

    /** The public key and metadata; the secret key shows as {@code redacted}. */
    @Override
    public String toString() {
        return "Certificate[publicKey=" + publicKey + ", secretKey=" + (secretKey == null ? "none" : "redacted")
                + ", metadata=" + metadata + "]";
    }
}
