package org.vigil.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders of letter batches, readable by Vigil's own account only (0600 and 0700) where the file system
 * has POSIX permissions: the files are sealed anyway, but nobody else on the host needs to see even that.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {}

    /**
     * The folder, created with any missing parents as 0700; a batch folder an earlier version left open is closed
     * (the root {@code vigil.documents.batch-dir} is left as the operator made it).
     */
    static Path folder(Path folder) throws IOException {
        if (!posix(folder)) {
            return Files.createDirectories(folder);
        }
        if (Files.isDirectory(folder)) {
            Files.setPosixFilePermissions(folder, FOLDER);
            return folder;
        }
        return Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(FOLDER));
    }

    /** A new, empty file open for writing, 0600 from its first byte; a leftover of the same name is replaced. */
    static OutputStream create(Path file) throws IOException {
        Files.deleteIfExists(file);
        FileAttribute<?>[] attributes = posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
        return Files.newOutputStream(Files.createFile(file, attributes), StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
