package org.vigil.documents;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.vigil.documents.DocumentsConfiguration.LetterBatchSettings;
import org.vigil.platform.SafeCsvWriter;
import org.vigil.platform.ShortTransactions;
import org.vigil.platform.Sha256;
import org.vigil.platform.StreamEncryption;

/**
 * Renders a letter batch part by part: each part is a ZIP of its letters and its lines of the manifest, written to a
 * temporary file and renamed when complete, so that after a crash the batch resumes at its first missing part and no
 * letter is made twice. The parts are then joined into one archive whose SHA-256 is the dispatch evidence. A node
 * claims the batch it runs and renews the claim after each part, so two nodes never write the same batch.
 *
 * <p>Every file holds names and addresses, so every file is sealed as it is written ({@link StreamEncryption}, the
 * keys of the other patient data) and readable by Vigil's account alone; the checksums are of the plaintext archive
 * and manifest the print house receives, so a resumed run still reproduces them.
 *
 * <p>On a stop (SIGTERM, the end of {@code server.shutdown}'s grace) the batch halts at the next letter: the part it
 * was writing is dropped (only complete parts are ever renamed into place) and its claim released, so the next start
 * of any node, or another node's next sweep, carries on at once instead of after the claim's lapse.
 *
 * <p>Longer than our usual class: claiming, resuming, writing parts and joining them are one crash-safe protocol
 * whose steps must be read together.
 */
@Component
class LetterBatchRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LetterBatchRunner.class);
    static final String ARCHIVE = "letters.zip.enc";
    /** Every name this runner writes holds it; a file without it is plaintext an earlier version left behind. */
    private static final String SEALED = ".enc";
    private static final long FIXED_ENTRY_TIME = 1_767_225_600_000L; // 2026-01-01
    static final String PART_MANIFEST = "manifest-part.csv";
    /** {@code delivery}: {@code mail} to the postal address, or {@code e-mail} for a person listed with an e-mail only. */
    static final List<String> MANIFEST_COLUMNS = List.of("sequence", "file", "name", "postal_address", "email", "jurisdiction", "sha256", "delivery");

    /** How long a node's claim on a batch holds without renewal; it renews after every part (seconds, at most a minute). */
    static final Duration CLAIM = Duration.ofMinutes(5);

    private final LetterBatchRepository batches;
    private final AffectedIndividuals individuals;
    private final DocumentRenderer renderer;
    private final ShortTransactions transactions;
    private final LetterBatchSettings settings;
    private final StreamEncryption encryption;
    private final Clock clock;
    private final ObjectMapper json;
    private final Set<Long> active = ConcurrentHashMap.newKeySet();
    private final Duration grace;
    private volatile boolean stopping;

    LetterBatchRunner(LetterBatchRepository batches, AffectedIndividuals individuals, DocumentRenderer renderer,
            ShortTransactions transactions, LetterBatchSettings settings, StreamEncryption encryption, Clock clock,
            ObjectMapper json, @Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration grace) {
        this.json = json;
        this.batches = batches;
        this.individuals = individuals;
        this.renderer = renderer;
        this.transactions = transactions;
        this.grace = grace;
        this.settings = settings;
        this.encryption = encryption;
        this.clock = clock;
    }

    void run(long batchId) {
        run(batchId, Integer.MAX_VALUE);
    }

    /** Renders at most {@code partLimit} missing parts (a test stops here to play a crash), then joins them if all exist. */
    void run(long batchId, int partLimit) {
        // One run per batch in this JVM; the claim in the table keeps other nodes off it.
        if (stopping || !active.add(batchId)) {
            return;
        }
        try {
            LetterBatch batch = stopping ? null : claim(batchId);
            if (batch != null) {
                render(batch, partLimit);
            }
        } finally {
            synchronized (active) {
                active.remove(batchId);
                active.notifyAll();
            }
        }
    }

    /** Running from the start of the application; {@link #stop(Runnable)} is its stop. */
    @Override
    public void start() {
        stopping = false;
    }

    /**
     * Halts every batch of this node at its next letter and releases its claim, then reports stopped. Early among the
     * stops (the highest phase), before the batch thread's executor is shut down and the database pool closed.
     */
    @Override
    public void stop(Runnable callback) {
        stopping = true;
        var waiter = new Thread(() -> {
            long until = System.nanoTime() + grace.toNanos();
            synchronized (active) {
                while (!active.isEmpty() && System.nanoTime() < until) {
                    try {
                        active.wait(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
                if (!active.isEmpty()) {
                    log.warn("Letter batches {} still running at the end of the shutdown grace: their claims lapse in {}", active, CLAIM);
                }
            }
            callback.run();
        }, "letter-batch-stop");
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public void stop() {
        var stopped = new java.util.concurrent.CountDownLatch(1);
        stop(stopped::countDown);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** The batch, claimed for this node until {@link #CLAIM} from now; null when it is finished or another node runs it. */
    private LetterBatch claim(long batchId) {
        try {
            return transactions.run("Letter batch " + batchId + " (claim)", () -> {
                var found = batches.findById(batchId).orElseThrow();
                if (!found.claimableBy(settings.nodeId(), clock.instant())) {
                    return null;
                }
                if (found.status() == LetterBatch.Status.QUEUED) {
                    found.running();
                }
                found.claim(settings.nodeId(), clock.instant().plus(CLAIM));
                return found;
            });
        } catch (OptimisticLockingFailureException e) {
            return null; // another node claimed it at the same moment
        }
    }

    private void render(LetterBatch batch, int partLimit) {
        long batchId = batch.id();
        try {
            Map<String, Object> facts = json.readValue(batch.facts(), new TypeReference<LinkedHashMap<String, Object>>() {});
            Path directory = OwnerOnlyFiles.folder(Path.of(batch.directory()));
            int parts = (batch.total() + batch.partSize() - 1) / batch.partSize();
            int rendered = 0;
            for (int part = 0; part < parts; part++) {
                Path file = directory.resolve(partName(part));
                if (!Files.exists(file)) {
                    if (rendered++ == partLimit) {
                        return;
                    }
                    renderPart(batch, facts, part, file);
                }
                int done = Math.min(batch.total(), (part + 1) * batch.partSize());
                update(batchId, found -> {
                    found.progressed(done);
                    found.claim(settings.nodeId(), clock.instant().plus(CLAIM));
                });
            }
            if (stopping) {
                throw new Stopping();
            }
            var checksums = join(directory, parts);
            update(batchId, found -> found.finished(checksums.archive(), checksums.manifest(), clock.instant()));
            log.info("Letter batch {} done: {} letters, archive SHA-256 {}", batchId, batch.total(), checksums.archive());
        } catch (ClaimLost e) {
            log.warn("Letter batch {} stopped here: node {} holds it now", batchId, e.getMessage());
        } catch (Stopping e) {
            release(batchId);
        } catch (IOException | RuntimeException e) {
            // The reason names the failure, not the people: facts and names stay out of the log.
            log.error("Letter batch {} failed: {}", batchId, e.getClass().getSimpleName());
            String reason = e instanceof MissingFactsException missing ? missing.getMessage() : "rendering failed (" + e.getClass().getSimpleName() + ")";
            try {
                update(batchId, found -> found.failed(reason, clock.instant()));
            } catch (ClaimLost lost) {
                log.warn("Letter batch {} left to node {}", batchId, lost.getMessage());
            }
        }
    }

    /** Stopping: the claim is given up so that whichever node starts or sweeps next takes the batch at once. */
    private void release(long batchId) {
        try {
            update(batchId, found -> found.claim(null, null));
            var batch = batches.findById(batchId).orElseThrow();
            log.info("Letter batch {} halted for shutdown after {} of {} letters; claim released, the next node to start or sweep resumes it",
                    batchId, batch.done(), batch.total());
        } catch (ClaimLost lost) {
            log.warn("Letter batch {} left to node {}", batchId, lost.getMessage());
        } catch (RuntimeException e) {
            log.warn("Letter batch {}: claim not released at shutdown ({}); it lapses in {}", batchId, e.getClass().getSimpleName(), CLAIM);
        }
    }

    /** Changes the batch if this node still holds it (a node stalled past its claim finds it taken over, and stops). */
    private void update(long batchId, java.util.function.Consumer<LetterBatch> change) {
        try {
            transactions.runWithoutResult("Letter batch " + batchId, () -> {
                var found = batches.findById(batchId).orElseThrow();
                if (!settings.nodeId().equals(found.claimedBy())) {
                    throw new ClaimLost(String.valueOf(found.claimedBy()));
                }
                change.accept(found);
            });
        } catch (OptimisticLockingFailureException e) {
            throw new ClaimLost("another node");
        }
    }

    /** The application is stopping: the batch halts between two letters. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super(null, null, false, false);
        }
    }

    /** This node's claim on a batch has passed to another node. */
    private static final class ClaimLost extends RuntimeException {
        ClaimLost(String holder) {
            super(holder, null, false, false);
        }
    }

    private void renderPart(LetterBatch batch, Map<String, Object> facts, int part, Path file) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        var people = individuals.reachable(batch.recipientsRef(), batch.jurisdiction(), part * batch.partSize(), batch.partSize());
        try {
            writePart(batch, facts, part, people, temporary, file);
        } catch (Stopping e) {
            // Half a part is never renamed into place; removed now so that the folder holds only what will be used.
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private void writePart(LetterBatch batch, Map<String, Object> facts, int part, List<AffectedIndividual> people, Path temporary, Path file)
            throws IOException {
        try (var zip = new ZipOutputStream(seal(temporary, file))) {
            var manifest = new StringBuilder();
            // The print house opens the manifest in a spreadsheet: names reach it as text, never as formulas.
            var lines = new SafeCsvWriter(manifest);
            int sequence = part * batch.partSize();
            for (AffectedIndividual person : people) {
                if (stopping) {
                    throw new Stopping();
                }
                sequence++;
                var letterFacts = new LinkedHashMap<>(facts);
                letterFacts.put("recipient", recipient(person));
                String html = renderer.html(batch.kind(), letterFacts);
                byte[] letter = batch.format() == LetterFormat.PDF ? renderer.pdf(html) : html.getBytes(StandardCharsets.UTF_8);
                String name = letterName(sequence, batch.format());
                zip.putNextEntry(entry(name));
                zip.write(letter);
                zip.closeEntry();
                lines.printRecord(sequence, name, person.name(), person.postalAddress(), person.email(), person.jurisdiction(), sha256(letter),
                        isBlank(person.postalAddress()) ? "e-mail" : "mail");
            }
            lines.flush();
            zip.putNextEntry(entry(PART_MANIFEST));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
    }

    /** The person as the letter addresses them: by post, or by e-mail when no postal address is listed. */
    static Map<String, Object> recipient(AffectedIndividual person) {
        return LetterRecipient.of(person).asFacts();
    }

    /**
     * One archive for the print house: every letter, then the whole manifest; returns the SHA-256 of both as the print
     * house gets them. The manifest is gathered in a sealed file beside the archive, so a batch of 100,000 letters
     * holds no part of it in memory.
     */
    private Checksums join(Path directory, int parts) throws IOException {
        Path archive = directory.resolve(ARCHIVE);
        Path temporary = directory.resolve(ARCHIVE + ".tmp");
        Path manifestFile = directory.resolve("manifest.csv" + SEALED + ".tmp");
        var archiveDigest = Sha256.digest();
        var manifestDigest = Sha256.digest();
        try (var zip = new ZipOutputStream(new BufferedOutputStream(new DigestOutputStream(seal(temporary, archive), archiveDigest), 1 << 16))) {
            try (var manifest = new BufferedOutputStream(new DigestOutputStream(seal(manifestFile, manifestFile), manifestDigest), 1 << 16)) {
                var header = new SafeCsvWriter(new OutputStreamWriter(manifest, StandardCharsets.UTF_8));
                header.printRecord(MANIFEST_COLUMNS);
                header.flush();
                for (int part = 0; part < parts; part++) {
                    try (var in = new ZipInputStream(open(directory.resolve(partName(part))))) {
                        for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                            if (PART_MANIFEST.equals(entry.getName())) {
                                in.transferTo(manifest);
                            } else {
                                zip.putNextEntry(entry(entry.getName()));
                                in.transferTo(zip);
                                zip.closeEntry();
                            }
                        }
                    }
                }
            }
            zip.putNextEntry(entry("manifest.csv"));
            try (var manifest = open(manifestFile)) {
                manifest.transferTo(zip);
            }
            zip.closeEntry();
        } finally {
            Files.deleteIfExists(manifestFile);
        }
        Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return new Checksums(Sha256.hex(archiveDigest), Sha256.hex(manifestDigest));
    }

    record Checksums(String archive, String manifest) {}

    /** The finished archive as the print house gets it, opened as it is read. */
    InputStream openArchive(LetterBatch batch) throws IOException {
        return open(Path.of(batch.directory(), ARCHIVE));
    }

    /** A new owner-only file at {@code file}, sealed as the file named {@code as} (where it will be renamed to). */
    private OutputStream seal(Path file, Path as) throws IOException {
        return encryption.encrypt(OwnerOnlyFiles.create(file), context(as));
    }

    private InputStream open(Path file) throws IOException {
        return encryption.decrypt(Files.newInputStream(file), context(file));
    }

    /** Binds a sealed file to its name in its batch's folder: one batch's part cannot stand in for another's. */
    private static String context(Path file) {
        return "letter batch " + file.getParent().getFileName() + "/" + file.getFileName();
    }

    /**
     * A batch folder as an earlier version left it: its finished archive sealed, plaintext parts and leftovers
     * deleted, the folder closed to others. Files this version writes are left alone, finished or in progress.
     */
    void sealPlaintextFiles(LetterBatch batch) throws IOException {
        Path directory = Path.of(batch.directory());
        if (batch.directory().isEmpty() || !Files.isDirectory(directory)) {
            return;
        }
        OwnerOnlyFiles.folder(directory);
        Path plaintext = directory.resolve("letters.zip");
        Path archive = directory.resolve(ARCHIVE);
        if (batch.status() == LetterBatch.Status.DONE && Files.exists(plaintext) && !Files.exists(archive)) {
            Path temporary = directory.resolve(ARCHIVE + ".tmp");
            try (var out = seal(temporary, archive)) {
                Files.copy(plaintext, out);
            }
            Files.move(temporary, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        List<Path> leftovers;
        try (var files = Files.list(directory)) {
            leftovers = files.filter(file -> !file.getFileName().toString().contains(SEALED)).toList();
        }
        for (Path file : leftovers) {
            Files.deleteIfExists(file);
        }
        if (!leftovers.isEmpty()) {
            log.info("Letter batch {}: {} plaintext files of an earlier version sealed or deleted", batch.id(), leftovers.size());
        }
    }

    /** Deletes the batch's folder with every file in it; a folder already gone (another node purged it) is fine. */
    void deleteFiles(LetterBatch batch) throws IOException {
        Path directory = Path.of(batch.directory());
        if (batch.directory().isEmpty() || !Files.exists(directory)) {
            return;
        }
        try (var files = Files.walk(directory)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            if (Files.exists(directory)) {
                throw e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
            }
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** Entries carry a fixed time, so the same letters always make the same archive and the same checksum. */
    private static ZipEntry entry(String name) {
        var entry = new ZipEntry(name);
        entry.setTime(FIXED_ENTRY_TIME);
        return entry;
    }

    static String partName(int part) {
        return String.format("part-%05d.zip" + SEALED, part + 1);
    }

    static String letterName(int sequence, LetterFormat format) {
        return String.format("letters/letter-%06d.%s", sequence, format.extension());
    }

    static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }

    static String sha256(InputStream content) throws IOException {
        return Sha256.hex(content);
    }
}
