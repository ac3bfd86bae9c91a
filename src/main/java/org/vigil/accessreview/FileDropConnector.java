package org.vigil.accessreview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Snapshots dropped as files into a folder: {@code roster*.csv|json} is the HR roster, any other {@code .csv} or
 * {@code .json} holds entitlements. A file is claimed by moving it to {@code processing/}, then moved to
 * {@code imported/}, or to {@code rejected/} next to a {@code .problems.txt} listing every bad line.
 */
public class FileDropConnector implements EntitlementConnector {

    private final Path folder;

    public FileDropConnector(Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return "file-drop";
    }

    @Override
    public List<PendingImport> pending() {
        List<PendingImport> pending = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return pending;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!lower.endsWith(".csv") && !lower.endsWith(".json")) {
                    continue;
                }
                Path claimed = claim(file, "processing");
                if (claimed != null) {
                    pending.add(new PendingImport(name, lower.startsWith("roster") ? SnapshotKind.ROSTER : SnapshotKind.ENTITLEMENTS,
                            lower.endsWith(".json") ? "application/json" : "text/csv", Files.readAllBytes(claimed)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file-drop folder " + folder, e);
        }
        return pending;
    }

    @Override
    public void imported(PendingImport pending) {
        claim(folder.resolve("processing").resolve(pending.name()), "imported");
    }

    @Override
    public void rejected(PendingImport pending, List<ImportProblem> problems) {
        Path moved = claim(folder.resolve("processing").resolve(pending.name()), "rejected");
        if (moved != null) {
            try {
                Files.writeString(moved.resolveSibling(pending.name() + ".problems.txt"),
                        problems.stream().map(ImportProblem::toString).collect(Collectors.joining("\n", "", "\n")),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Moves a file into a sub-folder; null when another node moved it first. */
    private Path claim(Path file, String into) {
        try {
            Path target = folder.resolve(into);
            Files.createDirectories(target);
            Path destination = target.resolve(file.getFileName());
            try {
                return Files.move(file, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                return Files.move(file, destination, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
