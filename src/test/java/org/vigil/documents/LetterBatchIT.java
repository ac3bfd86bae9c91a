package org.vigil.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.vigil.VigilSpringTest;

/** A mail-merge over a few thousand people on MariaDB: count, manifest, evidence checksum, resumption. */
@VigilSpringTest
class LetterBatchIT {

    @Autowired Documents documents;
    @Autowired LetterBatchRunner runner;
    @Autowired JdbcTemplate jdbc;
    @Autowired DocumentsConfiguration.LetterBatchSettings settings;
    @org.junit.jupiter.api.io.TempDir Path scratch;

    @Test
    void oneLetterPerReachablePersonWithAManifestAndAChecksumThatAResumedRunReproduces() throws Exception {
        var list = new AffectedListKey("incident", uniqueId());
        var counts = documents.importAffectedIndividuals(list, new StringReader(people(3_050, 37)));
        assertThat(counts.total()).isEqualTo(3_050);
        assertThat(counts.unreachable()).isEqualTo(37);
        assertThat(counts.byJurisdiction()).containsKeys("US-TX", "US-IL", "EU-DE");
        assertThat(jdbc.queryForList("select person from affected_individual where owner_ref = ?", String.class, list.ref()))
                .allMatch(stored -> stored.startsWith("v1:") && !stored.contains("Person"));

        var started = documents.startLetterBatch(new LetterBatchOwner("obligation", list.id()), list, null, DocumentKind.INDIVIDUAL_NOTICE, SampleFacts.breach(), LetterFormat.HTML);
        assertThat(started.total()).isEqualTo(3_050 - 37);
        var done = awaitDone(started.id());
        Path directory = directoryOf(done.id());
        Path archive = directory.resolve(LetterBatchRunner.ARCHIVE);
        assertThat(done.archiveSha256()).isEqualTo(archiveSha256(done.id()));

        try (var zip = new ZipFile(plaintextArchive(done.id()).toFile())) {
            var letters = zip.stream().filter(entry -> entry.getName().startsWith("letters/")).toList();
            assertThat(letters).hasSize(3_013);
            assertThat(new HashSet<>(letters.stream().map(e -> e.getName()).toList())).hasSize(3_013);
            byte[] manifestBytes = zip.getInputStream(zip.getEntry("manifest.csv")).readAllBytes();
            assertThat(done.manifestSha256()).isEqualTo(LetterBatchRunner.sha256(manifestBytes));
            var manifest = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.InputStreamReader(
                    new java.io.ByteArrayInputStream(manifestBytes), StandardCharsets.UTF_8)).getRecords();
            assertThat(manifest.get(0).toList()).isEqualTo(LetterBatchRunner.MANIFEST_COLUMNS);
            assertThat(manifest).hasSize(3_014);
            assertThat(manifest.get(1).toList()).startsWith("1", "letters/letter-000001.html", "Person 1", "38 Elm Street\nAustin, TX 78701");
            assertThat(manifest.get(3_013).get(1)).isEqualTo("letters/letter-003013.html");
            assertThat(manifest.stream().skip(1).map(record -> record.get(0)).distinct().count()).isEqualTo(3_013);
            // Every hundredth person is listed with an e-mail only: a letter addressed by e-mail, marked so for the print house.
            var byEmail = manifest.stream().skip(1).filter(record -> record.get(7).equals("e-mail")).toList();
            assertThat(byEmail).hasSize(30).allSatisfy(record -> assertThat(record.get(3)).isEmpty());
            assertThat(new String(zip.getInputStream(zip.getEntry(byEmail.get(0).get(1))).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("By e-mail to person100@example.com", "Dear Person 100,");
            assertThat(manifest.stream().skip(1).filter(record -> record.get(7).equals("mail"))).hasSize(3_013 - 30);
            String first = new String(zip.getInputStream(zip.getEntry("letters/letter-000001.html")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(first).contains("Dear Person 1,", "March 1, 2026", "1-800-555-0100");
        }

        // A crash after the first part: later parts and the archive gone, half a part left behind.
        byte[] firstPart = Files.readAllBytes(directory.resolve(LetterBatchRunner.partName(0)));
        Files.delete(archive);
        Files.delete(directory.resolve(LetterBatchRunner.partName(1)));
        Files.delete(directory.resolve(LetterBatchRunner.partName(2)));
        Files.writeString(directory.resolve(LetterBatchRunner.partName(1) + ".tmp"), "half a part");
        crashed(done.id(), 1_000, settings.nodeId());

        runner.run(done.id(), 1);
        assertThat(documents.letterBatch(done.id()).orElseThrow().done()).isEqualTo(2_000);
        assertThat(directory.resolve(LetterBatchRunner.partName(2))).doesNotExist();

        runner.run(done.id());
        var resumed = documents.letterBatch(done.id()).orElseThrow();
        assertThat(resumed.status()).isEqualTo("DONE");
        assertThat(resumed.done()).isEqualTo(3_013);
        assertThat(Files.readAllBytes(directory.resolve(LetterBatchRunner.partName(0)))).isEqualTo(firstPart);
        assertThat(resumed.archiveSha256()).isEqualTo(done.archiveSha256());
        assertThat(resumed.manifestSha256()).isEqualTo(done.manifestSha256());
        assertThat(archiveSha256(done.id())).isEqualTo(done.archiveSha256());
    }

    @Test
    void aFewPdfLettersBatchesPerJurisdictionAndARefusalForABatchWithoutFactsOrPeople() throws IOException {
        var list = new AffectedListKey("incident", uniqueId());
        documents.importAffectedIndividuals(list, new StringReader(people(5, 0)));
        var done = awaitDone(documents.startLetterBatch(new LetterBatchOwner("obligation", list.id()), list, null, DocumentKind.INDIVIDUAL_NOTICE, SampleFacts.breach(), LetterFormat.PDF).id());
        try (var zip = new ZipFile(plaintextArchive(done.id()).toFile())) {
            var letter = zip.getInputStream(zip.getEntry("letters/letter-000005.pdf")).readAllBytes();
            assertThat(new String(letter, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        }

        // A state's notice goes to that state's residents; the federal one to every US resident on the list.
        assertThat(documents.startLetterBatch(new LetterBatchOwner("obligation", uniqueId()), list, "US-IL", DocumentKind.INDIVIDUAL_NOTICE, SampleFacts.breach(),
                LetterFormat.HTML).total()).isEqualTo(2);
        assertThat(documents.startLetterBatch(new LetterBatchOwner("obligation", uniqueId()), list, "US", DocumentKind.INDIVIDUAL_NOTICE, SampleFacts.breach(),
                LetterFormat.HTML).total()).isEqualTo(3);

        var facts = SampleFacts.breach();
        facts.remove("whatWeAreDoing");
        assertThatThrownBy(() -> documents.startLetterBatch(new LetterBatchOwner("obligation", uniqueId()), list, null, DocumentKind.INDIVIDUAL_NOTICE, facts, LetterFormat.PDF))
                .isInstanceOf(MissingFactsException.class).hasMessageContaining("whatWeAreDoing");
        assertThatThrownBy(() -> documents.startLetterBatch(new LetterBatchOwner("obligation", uniqueId()), new AffectedListKey("incident", uniqueId()), null, DocumentKind.INDIVIDUAL_NOTICE, SampleFacts.breach(), LetterFormat.PDF))
                .hasMessageContaining("No affected individual");
    }

    @Test
    void aBatchAnotherNodeHoldsIsLeftToItUntilItsClaimLapsesAndThenTakenOverWithTheSameArchive() throws IOException {
        var list = new AffectedListKey("incident", uniqueId());
        documents.importAffectedIndividuals(list, new StringReader(people(12, 0)));
        var done = awaitDone(documents.startLetterBatch(new LetterBatchOwner("obligation", list.id()), list, null, DocumentKind.INDIVIDUAL_NOTICE,
                SampleFacts.breach(), LetterFormat.HTML).id());
        Path archive = directoryOf(done.id()).resolve(LetterBatchRunner.ARCHIVE);
        Files.delete(archive);

        // Node "vigil-2" runs it (its claim holds for minutes): this node leaves it alone, at start and in its sweep.
        crashed(done.id(), 0, "vigil-2");
        runner.run(done.id());
        documents.takeOverAbandonedBatches();
        assertThat(documents.letterBatch(done.id()).orElseThrow().status()).isEqualTo("RUNNING");
        assertThat(archive).doesNotExist();

        // vigil-2 is gone and its claim has lapsed: the sweep takes the batch over and makes the same archive.
        jdbc.update("update letter_batch set claimed_until = ? where id = ?", utc(java.time.Instant.parse("2026-01-01T00:00:00Z")), done.id());
        documents.takeOverAbandonedBatches();
        var taken = awaitDone(done.id());
        assertThat(taken.archiveSha256()).isEqualTo(done.archiveSha256());
        assertThat(jdbc.queryForObject("select claimed_by from letter_batch where id = ?", String.class, done.id())).isNull();
    }

    @Test
    void theManifestGivesThePrintHouseHostileNamesAndAddressesAsTextNotFormulas() throws IOException {
        var list = new AffectedListKey("incident", uniqueId());
        var hostile = List.of(
                List.of("=HYPERLINK(\"http://x\",\"y\")", "1 Elm St"),
                List.of("+cmd|' /C calc'!A0", "@SUM(1+1)"),
                List.of("-2+3", "=1+1\nAustin, TX"),
                List.of("@SUM(1+1)", "-1 Main St"));
        var csv = new StringBuilder();
        try (var printer = new org.apache.commons.csv.CSVPrinter(csv, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            printer.printRecord("name", "postal_address", "email", "jurisdiction", "contact_valid");
            for (var person : hostile) {
                printer.printRecord(person.get(0), person.get(1), "", "US-TX", "true");
            }
        }
        documents.importAffectedIndividuals(list, new StringReader(csv.toString()));
        var done = awaitDone(documents.startLetterBatch(new LetterBatchOwner("obligation", list.id()), list, null, DocumentKind.INDIVIDUAL_NOTICE,
                SampleFacts.breach(), LetterFormat.HTML).id());

        try (var zip = new ZipFile(plaintextArchive(done.id()).toFile())) {
            var manifest = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.InputStreamReader(
                    zip.getInputStream(zip.getEntry("manifest.csv")), StandardCharsets.UTF_8)).getRecords();
            assertThat(manifest).hasSize(5);
            for (int i = 0; i < hostile.size(); i++) {
                assertThat(manifest.get(i + 1).get(2)).isEqualTo("'" + hostile.get(i).get(0));
                assertThat(manifest.get(i + 1).get(3)).isEqualTo(i == 0 ? "1 Elm St" : "'" + hostile.get(i).get(1));
            }
            // The letter itself keeps the name as it was given.
            assertThat(new String(zip.getInputStream(zip.getEntry("letters/letter-000002.html")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("Dear +cmd|&#39; /C calc&#39;!A0,");
        }
    }

    @Test
    void plaintextFilesAnEarlierVersionLeftAreSealedOrDeletedAndTheFolderClosed() throws IOException {
        var list = new AffectedListKey("incident", uniqueId());
        documents.importAffectedIndividuals(list, new StringReader(people(5, 0)));
        var done = awaitDone(documents.startLetterBatch(new LetterBatchOwner("obligation", list.id()), list, null, DocumentKind.INDIVIDUAL_NOTICE,
                SampleFacts.breach(), LetterFormat.HTML).id());
        Path directory = directoryOf(done.id());
        Path plaintext = plaintextArchive(done.id());

        // As the earlier version left it: the archive and a part in plaintext, half a part, open to everyone.
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.copy(plaintext, directory.resolve("letters.zip"));
        Files.copy(plaintext, directory.resolve("part-00001.zip"));
        Files.writeString(directory.resolve("part-00002.zip.tmp"), "half a part");
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }

        documents.sealPlaintextFiles();
        try (var files = Files.list(directory)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly(LetterBatchRunner.ARCHIVE);
        }
        assertThat(archiveSha256(done.id())).isEqualTo(done.archiveSha256());
        try (var sealed = new java.util.zip.ZipInputStream(Files.newInputStream(directory.resolve(LetterBatchRunner.ARCHIVE)))) {
            assertThat(sealed.getNextEntry()).as("readable as a ZIP without the key").isNull();
        }
        if (posix) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    directory.resolve(LetterBatchRunner.ARCHIVE)))).isEqualTo("rw-------");
        }
    }

    private Path directoryOf(long id) {
        return Path.of(jdbc.queryForObject("select directory from letter_batch where id = ?", String.class, id));
    }

    private String archiveSha256(long id) throws IOException {
        return LetterBatchRunner.sha256(documents.openLetterArchive(id).orElseThrow());
    }

    /** The archive as the print house gets it, decrypted into the test's scratch folder. */
    private Path plaintextArchive(long id) throws IOException {
        Path copy = Files.createTempFile(scratch, "letters-" + id + "-", ".zip");
        try (var in = documents.openLetterArchive(id).orElseThrow()) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return copy;
    }

    /** As a crash leaves a batch: running, {@code done} letters recorded, claimed by its node for a while yet, no checksum. */
    private void crashed(long id, int done, String node) {
        jdbc.update("update letter_batch set status = 'RUNNING', done = ?, archive_sha256 = null, finished_at = null, claimed_by = ?,"
                + " claimed_until = ? where id = ?", done, node, utc(java.time.Instant.now().plusSeconds(300)), id);
    }

    /** Instants are kept as UTC date-times (hibernate.jdbc.time_zone). */
    private static java.time.LocalDateTime utc(java.time.Instant instant) {
        return java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    private LetterBatchView awaitDone(long id) {
        await().atMost(Duration.ofSeconds(120)).until(() -> !List.of("QUEUED", "RUNNING").contains(documents.letterBatch(id).orElseThrow().status()));
        var batch = documents.letterBatch(id).orElseThrow();
        assertThat(batch.status()).as("batch %s: %s", id, batch.error()).isEqualTo("DONE");
        return batch;
    }

    /**
     * {@code count} people in three jurisdictions; the first {@code unreachable} of them with out-of-date contact
     * details, and every hundredth of the others with an e-mail address instead of a postal one.
     */
    static String people(int count, int unreachable) {
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\n");
        String[] jurisdictions = {"US-TX", "US-IL", "EU-DE"};
        var lines = new ArrayList<String>();
        for (int i = 1; i <= count; i++) {
            boolean reachable = i > unreachable;
            int person = i - unreachable;
            boolean emailOnly = reachable && person % 100 == 0;
            lines.add((reachable ? "Person " + person : "Unreachable " + i)
                    + (emailOnly ? ",,person" + person + "@example.com," : ",\"" + i + " Elm Street\nAustin, TX 78701\",,")
                    + jurisdictions[i % 3] + "," + reachable);
        }
        return csv.append(String.join("\n", lines)).append('\n').toString();
    }

    /** A list or batch owner no other test of this database uses. */
    private static long uniqueId() {
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }
}
