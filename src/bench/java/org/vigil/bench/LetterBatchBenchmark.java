package org.vigil.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.SpringApplication;
import org.vigil.VigilApplication;
import org.vigil.documents.AffectedListKey;
import org.vigil.documents.DocumentKind;
import org.vigil.documents.Documents;
import org.vigil.documents.LetterBatchOwner;
import org.vigil.documents.LetterFormat;
import org.vigil.documents.NoticeFacts;
import org.vigil.documents.NoticeWording;

/**
 * Letters: 100,000 HTML and 10,000 PDF individual notices, each as one batch through the documents capability (CSV
 * import, encrypted list, parts, manifest, archive), in a JVM capped like the run command's: letters per second and
 * peak heap, as median and spread over {@code -Dvigil.bench.letter-rounds} rounds (3). Part of
 * {@code ./mvnw -Pbench -DskipTests verify}; alone: {@code ./mvnw -Pbench -DskipTests test-compile exec:exec@run-letter-benchmark}.
 */
public final class LetterBatchBenchmark {

    public static void main(String[] args) throws Exception {
        var figures = new Figures();
        int html = Integer.getInteger("vigil.bench.html-letters", 100_000);
        int pdf = Integer.getInteger("vigil.bench.pdf-letters", 10_000);
        int rounds = Integer.getInteger("vigil.bench.letter-rounds", 3);
        var dataDir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "bench-letters-").toAbsolutePath();
        var arguments = new java.util.ArrayList<>(List.of("--spring.profiles.active=demo", "--server.port=0", "--logging.level.root=warn",
                "--vigil.embedded-db.data-dir=" + dataDir.resolve("mariadb"), "--vigil.documents.batch-dir=" + dataDir.resolve("letters"),
                "--camunda.bpm.job-execution.enabled=false"));
        String externalDb = System.getenv("VIGIL_BENCH_DB_URL");
        if (externalDb != null && !externalDb.isBlank()) {
            arguments.add("--spring.datasource.url=" + externalDb);
        }
        try (var vigil = new SpringApplication(VigilApplication.class).run(arguments.toArray(String[]::new))) {
            var documents = vigil.getBean(Documents.class);
            rounds(documents, figures, "HTML", html, rounds, LetterFormat.HTML, ">= 2,000/s");
            rounds(documents, figures, "PDF", pdf, rounds, LetterFormat.PDF, ">= 50/s");
        }
        figures.print();
        System.exit(0);
    }

    /** {@code rounds} batches of {@code letters} each: letters per second as median and spread, the highest peak heap. */
    private static void rounds(Documents documents, Figures figures, String label, int letters, int rounds, LetterFormat format,
            String target) throws Exception {
        double[] rates = new double[rounds];
        long peak = 0;
        double importSeconds = 0;
        for (int round = 0; round < rounds; round++) {
            var result = run(documents, label + round, letters, format);
            rates[round] = result[0];
            peak = Math.max(peak, (long) result[1]);
            importSeconds = Math.max(importSeconds, result[2]);
            System.out.printf(Locale.ROOT, "[bench] letters · %s round %d: %.0f letters/s, peak heap %.0f MB%n", label, round + 1, result[0], result[1]);
        }
        figures.add("letters", String.format(Locale.ROOT, "%,d %s letters: letters/s", letters, label), Figures.spread(rates), target);
        figures.add("letters", String.format(Locale.ROOT, "%,d %s letters: peak heap", letters, label),
                String.format(Locale.ROOT, "%d MB (max of %d; list import <= %.1f s)", peak, rounds, importSeconds), "< 512 MB");
    }

    /** One batch: letters per second, peak heap in MB during the batch, seconds to import the list. */
    private static double[] run(Documents documents, String label, int letters, LetterFormat format) throws Exception {
        var list = new AffectedListKey("bench", System.nanoTime());
        var csv = new StringBuilder("name,postal_address,email,jurisdiction,contact_valid\n");
        for (int i = 1; i <= letters; i++) {
            csv.append("Person ").append(i).append(",\"").append(i).append(" Elm Street\nAustin, TX 78701\",,US-TX,true\n");
        }
        long importStart = System.nanoTime();
        documents.importAffectedIndividuals(list, new java.io.StringReader(csv.toString()));
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        csv = null;
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        long id = documents.startLetterBatch(new LetterBatchOwner("bench", System.nanoTime()), list, null, DocumentKind.INDIVIDUAL_NOTICE,
                facts(), format).id();
        while (true) {
            var batch = documents.letterBatch(id).orElseThrow();
            if (batch.status().equals("DONE")) {
                break;
            }
            if (batch.status().equals("FAILED")) {
                throw new IllegalStateException("The " + label + " batch failed: " + batch.error());
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new double[] {letters / seconds, peakHeapMegabytes(), importSeconds};
    }

    /** The facts of an individual letter as breach hands them over (the same text as before the facts were typed). */
    private static NoticeFacts facts() {
        var wording = new NoticeWording("A laptop holding patient charts was stolen from an employee's car.",
                "Review the statements you receive from your health insurer.",
                "We reported the theft to the police and encrypted every laptop.", null, null, null, null, null, null, null);
        return new NoticeFacts(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 3), null, List.of("Names", "Dates of birth", "Diagnoses"),
                0, 0, 0, null, null, null, null, null, false, null, null, false, null, null, null, wording, null, false);
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

    private LetterBatchBenchmark() {}
}
