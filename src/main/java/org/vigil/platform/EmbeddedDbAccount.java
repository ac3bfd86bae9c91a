package org.vigil.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's one account on its embedded MariaDB: {@value EmbeddedMariaDb#USER}@127.0.0.1, with a password generated on
 * the first start and kept in the data directory, readable by its owner only. The server runs {@link #initStatements}
 * from its init file at every start, before it serves any connection, so the account and its grant never lag the file.
 */
final class EmbeddedDbAccount {

    static final String PASSWORD_FILE = "vigil-password";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDbAccount.class);
    private static final String ACCOUNT = "'" + EmbeddedMariaDb.USER + "'@'127.0.0.1'";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?> OWNER_READ_WRITE = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private EmbeddedDbAccount() {}

    /** The password in {@code dataDir}, generated there first if the file is missing or empty. */
    static String password(Path dataDir) throws IOException {
        Path file = dataDir.resolve(PASSWORD_FILE);
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!stored.isEmpty()) {
                restrictToOwner(file, "rw-------");
                return stored;
            }
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        // Written beside its final name and moved there, so the file never exists half-written or readable by others.
        Path draft = POSIX
                ? Files.createTempFile(dataDir, PASSWORD_FILE, ".new", OWNER_READ_WRITE)
                : Files.createTempFile(dataDir, PASSWORD_FILE, ".new");
        Files.writeString(draft, password + "\n", StandardCharsets.UTF_8);
        Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        log.info("Generated the embedded MariaDB's password for {} in {}", EmbeddedMariaDb.USER, file);
        return password;
    }

    /**
     * Statements for the server's init file, one per line as the server reads them. They name the password only by
     * the hash MariaDB stores anyway, and they are idempotent: every start runs them again.
     */
    static String initStatements(String database, String password) {
        requireDatabaseName(database);
        String hash = nativePasswordHash(password);
        return String.join("\n",
                // Data directories from before grant tables were on still hold MariaDB's install defaults: anonymous
                // accounts (any user name, no password) and a test database open to every account. An account TCP can
                // reach without a password is as open, whoever made it. DROP USER and REVOKE rather than deleting rows:
                // the FLUSH PRIVILEGES that a deletion needs silences the errors of every later init-file statement.
                "SELECT CONCAT('DROP USER IF EXISTS ', IFNULL(GROUP_CONCAT(QUOTE(User), '@', QUOTE(Host)), '\\'\\'@\\'localhost\\''))"
                        + " INTO @vigil_open_accounts FROM mysql.global_priv WHERE User = '' OR (Host NOT IN ('', 'localhost')"
                        + " AND JSON_VALUE(Priv, '$.plugin') = 'mysql_native_password' AND JSON_VALUE(Priv, '$.authentication_string') = '');",
                "EXECUTE IMMEDIATE @vigil_open_accounts;",
                revokeFromEveryone("test"),
                "EXECUTE IMMEDIATE @vigil_revoke;",
                revokeFromEveryone("test\\\\_%"),
                "EXECUTE IMMEDIATE @vigil_revoke;",
                "CREATE USER IF NOT EXISTS " + ACCOUNT + " IDENTIFIED BY PASSWORD '" + hash + "';",
                "ALTER USER " + ACCOUNT + " IDENTIFIED BY PASSWORD '" + hash + "';",
                "CREATE DATABASE IF NOT EXISTS `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;",
                // In a grant, _ matches any character: vigil_test would open vigilXtest too.
                "GRANT ALL PRIVILEGES ON `" + database.replace("_", "\\_") + "`.* TO " + ACCOUNT + ";") + "\n";
    }

    /** Sets @vigil_revoke to a REVOKE of the grant to PUBLIC on {@code db}, or to a no-op where there is none (REVOKE would fail). */
    private static String revokeFromEveryone(String db) {
        return "SELECT IF(COUNT(*) = 0, 'DO 0', 'REVOKE ALL PRIVILEGES ON `" + db + "`.* FROM PUBLIC') INTO @vigil_revoke"
                + " FROM mysql.db WHERE User = 'PUBLIC' AND Db = '" + db + "';";
    }

    static void requireDatabaseName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("vigil.embedded-db.database must be 1 to 64 letters, digits or underscores");
        }
    }

    /** A directory, created if missing, that only its owner may list or enter. */
    static void ownerOnlyDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        restrictToOwner(dir, "rwx------");
    }

    /** A file only its owner may read, holding {@code content}. */
    static void writeOwnerOnly(Path file, String content) {
        try {
            Files.deleteIfExists(file);
            if (POSIX) {
                Files.createFile(file, OWNER_READ_WRITE);
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /** MariaDB's mysql_native_password form: '*' and the hex of SHA-1 over SHA-1 of the password. */
    static String nativePasswordHash(String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            byte[] once = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
            return "*" + HexFormat.of().withUpperCase().formatHex(sha1.digest(once));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
