package org.vigil.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.vigil.documents.DocumentsConfiguration.LetterBatchSettings;
import org.vigil.platform.ShortTransactions;

/** The documents capability's public face: render a notice, keep the list of affected people, run a letter batch. */
@Service
@NamedInterface("api")
public class Documents {

    private static final Logger log = LoggerFactory.getLogger(Documents.class);

    private final DocumentRenderer renderer;
    private final AffectedIndividuals individuals;
    private final LetterBatchRepository batches;
    private final LetterBatchRunner runner;
    private final LetterBatchSettings settings;
    private final Executor executor;
    private final Clock clock;
    private final ObjectMapper json;
    private final ShortTransactions transactions;

    Documents(DocumentRenderer renderer, AffectedIndividuals individuals, LetterBatchRepository batches, LetterBatchRunner runner,
            LetterBatchSettings settings, @Qualifier("letterBatchExecutor") Executor executor, Clock clock,
            ObjectMapper json, ShortTransactions transactions) {
        this.json = json;
        this.transactions = transactions;
        this.renderer = renderer;
        this.individuals = individuals;
        this.batches = batches;
        this.runner = runner;
        this.settings = settings;
        this.executor = executor;
        this.clock = clock;
    }

    /** The facts a document still lacks (dotted paths such as {@code company.tollFreePhone}); empty when it can be rendered. */
    public List<String> missingFacts(DocumentKind kind, NoticeFacts facts) {
        return renderer.missingFacts(kind, facts.asFacts());
    }

    /** @throws MissingFactsException naming every required fact that is absent or blank */
    public String renderHtml(DocumentKind kind, NoticeFacts facts) {
        return renderer.html(kind, facts.asFacts());
    }

    /** @throws MissingFactsException naming every required fact that is absent or blank */
    public byte[] renderPdf(DocumentKind kind, NoticeFacts facts) {
        return renderer.pdf(renderer.html(kind, facts.asFacts()));
    }

    /**
     * Writes the PDF to {@code out} (a response body, a file), checked for missing facts before a byte is written.
     *
     * @throws MissingFactsException naming every required fact that is absent or blank
     */
    public void renderPdf(DocumentKind kind, NoticeFacts facts, java.io.OutputStream out) {
        renderer.pdf(renderer.html(kind, facts.asFacts()), out);
    }

    /**
     * A report another capability wrote as a whole HTML page (an audit report, a management review), laid out as PDF
     * with the notices' fonts. Its template, not this, escapes what people typed.
     */
    public byte[] pdfOf(String html) {
        return renderer.pdf(html);
    }

    /**
     * Replaces the list of affected individuals {@code list} with the CSV's, all or nothing.
     *
     * @throws InvalidAffectedIndividualsException naming every bad line; nothing is stored then
     * @throws IllegalStateException while a letter batch reads the current list
     */
    @Transactional
    public IndividualCounts importAffectedIndividuals(AffectedListKey list, Reader csv) {
        return importAffectedIndividuals(list, csv, java.util.Set.of());
    }

    /**
     * As {@link #importAffectedIndividuals(AffectedListKey, Reader)}, with the optional column {@code counterparty}: whose data
     * each person is, one of {@code counterparties} or empty for the company's own.
     */
    @Transactional
    public IndividualCounts importAffectedIndividuals(AffectedListKey list, Reader csv, java.util.Set<String> counterparties) {
        String ownerRef = list.ref();
        if (batches.countFor(ownerRef, EnumSet.of(LetterBatch.Status.QUEUED, LetterBatch.Status.RUNNING)) > 0) {
            throw new IllegalStateException("A letter batch is running on the current list; import again when it is done");
        }
        return individuals.replace(ownerRef, csv, counterparties);
    }

    public IndividualCounts affectedCounts(AffectedListKey list) {
        return individuals.counts(list.ref());
    }

    /** The listed people in upload order (a business-associate notice names each of them). */
    public List<AffectedIndividual> affectedIndividuals(AffectedListKey list, int offset, int limit) {
        return individuals.all(list.ref(), offset, limit);
    }

    /** The listed people the list marks as {@code counterparty}'s, in upload order (that counterparty's notice names them). */
    public List<AffectedIndividual> affectedIndividuals(AffectedListKey list, String counterparty, int offset, int limit) {
        return individuals.ofCounterparty(list.ref(), counterparty, offset, limit);
    }

    /**
     * Starts one letter per reachable person of {@code jurisdiction} ({@code US} takes in every state; null or blank:
     * everyone) on the list {@code recipients}, rendered after this transaction commits on the batch thread. The
     * facts are checked against the first person before anything is queued.
     *
     * @throws MissingFactsException when the letter lacks facts
     * @throws IllegalStateException when the list holds nobody to write to
     */
    @Transactional
    public LetterBatchView startLetterBatch(LetterBatchOwner owner, AffectedListKey recipients, String jurisdiction, DocumentKind kind,
            NoticeFacts facts, LetterFormat format) {
        return startLetterBatch(owner, recipients, jurisdiction, kind, facts.asFacts(), format);
    }

    /** As the typed one, with the facts as the templates read them (the tests' sample facts). */
    @Transactional
    LetterBatchView startLetterBatch(LetterBatchOwner owner, AffectedListKey recipients, String jurisdiction, DocumentKind kind,
            Map<String, ?> facts, LetterFormat format) {
        String ownerRef = owner.ref();
        String recipientsRef = recipients.ref();
        String within = jurisdiction == null ? "" : jurisdiction;
        int total = individuals.reachableCount(recipientsRef, within);
        if (total == 0) {
            throw new IllegalStateException("No affected individual" + (within.isEmpty() ? "" : " in " + within)
                    + " with valid contact details has been uploaded");
        }
        var sample = new LinkedHashMap<String, Object>(facts);
        sample.put("recipient", firstLetterRecipient(recipients, within).orElseThrow().asFacts());
        var missing = renderer.missingFacts(kind, sample);
        if (!missing.isEmpty()) {
            throw new MissingFactsException(kind, missing);
        }
        // Stored as people read them (dates written out), so a resumed batch renders exactly what the first run did.
        var batch = batches.saveAndFlush(new LetterBatch(ownerRef, recipientsRef, within, kind, format, toJson(renderer.readable(facts)),
                total, settings.partSize(), "", clock.instant()));
        // Unique even across databases: a folder left by another installation's batch of the same id is never resumed.
        batch.placeIn(settings.directory().resolve("batch-" + batch.id() + "-" + java.util.UUID.randomUUID()).toString());
        long id = batch.id();
        afterCommit(() -> executor.execute(() -> runner.run(id)));
        return batch.view();
    }

    /**
     * The first person a letter batch of {@code jurisdiction} on the list {@code recipients} writes to, as the letter
     * addresses them (by post, or by e-mail when no postal address is listed): the sample letter a preview shows and
     * the check before a batch. Empty when nobody there can be reached.
     */
    public Optional<LetterRecipient> firstLetterRecipient(AffectedListKey recipients, String jurisdiction) {
        return individuals.reachable(recipients.ref(), jurisdiction == null ? "" : jurisdiction, 0, 1).stream()
                .findFirst().map(LetterRecipient::of);
    }

    public Optional<LetterBatchView> latestLetterBatch(LetterBatchOwner owner) {
        return batches.latestOf(owner.ref()).map(LetterBatch::view);
    }

    public Optional<LetterBatchView> letterBatch(long id) {
        return batches.findById(id).map(LetterBatch::view);
    }

    /**
     * The finished batch's archive as the print house gets it (letters and manifest.csv), decrypted as it is read;
     * empty while the batch runs. The caller closes it.
     *
     * @throws LettersPurgedException once the files were purged after the dispatch
     */
    public Optional<InputStream> openLetterArchive(long id) throws IOException {
        var batch = batches.findById(id).filter(found -> found.status() == LetterBatch.Status.DONE);
        if (batch.isPresent() && batch.get().purgedAt() != null) {
            throw new LettersPurgedException(batch.get().view());
        }
        if (batch.isEmpty() || !Files.exists(Path.of(batch.get().directory(), LetterBatchRunner.ARCHIVE))) {
            return Optional.empty();
        }
        return Optional.of(runner.openArchive(batch.get()));
    }

    /**
     * The letters of {@code owner} were dispatched at {@code sentAt}: their files are purged
     * {@code vigil.documents.purge-after} later; the batches' checksums and counts stay.
     */
    @Transactional
    public void lettersDispatched(LetterBatchOwner owner, Instant sentAt) {
        batches.dispatched(owner.ref(), sentAt);
    }

    /**
     * Deletes the files of every finished or failed batch dispatched at least {@code vigil.documents.purge-after}
     * before {@code now} and marks it purged, each in a short transaction of its own; returns how many it marked. Every
     * node may run it at once: deleting what is gone already is no error, and a batch is marked once.
     */
    public int purgeDispatchedLetters(Instant now) {
        int purged = 0;
        for (var batch : batches.dispatchedBefore(now.minus(settings.purgeAfter()), EnumSet.of(LetterBatch.Status.DONE, LetterBatch.Status.FAILED))) {
            try {
                runner.deleteFiles(batch);
                purged += transactions.run("Letter batch " + batch.id() + " (purge)", () -> batches.purged(batch.id(), now));
                log.info("Letter batch {} purged: files deleted {} after its dispatch, checksums kept", batch.id(), settings.purgeAfter());
            } catch (IOException e) {
                log.error("Letter batch {}: files not purged ({}), tried again at the next run", batch.id(), e.getClass().getSimpleName());
            }
        }
        return purged;
    }

    @Scheduled(fixedDelayString = "${vigil.documents.purge-every:PT1H}", initialDelayString = "${vigil.documents.purge-every:PT1H}")
    void purgeDueLetters() {
        purgeDispatchedLetters(clock.instant());
    }

    /**
     * At start, on the batch thread before any batch resumes: what an earlier version left in plaintext is sealed or
     * deleted; then batches a stop interrupted carry on where they were: this node's own, and those nobody holds.
     */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterruptedBatches() {
        executor.execute(this::sealPlaintextFiles);
        resume(batch -> batch.claimableBy(settings.nodeId(), clock.instant()));
    }

    void sealPlaintextFiles() {
        for (var batch : batches.unpurged()) {
            try {
                runner.sealPlaintextFiles(batch);
            } catch (IOException | RuntimeException e) {
                log.error("Letter batch {}: plaintext files not sealed ({})", batch.id(), e.getClass().getSimpleName());
            }
        }
    }

    /** A batch whose node is gone (its claim lapsed without renewal) is taken over by another node. */
    @Scheduled(fixedDelayString = "${vigil.documents.take-over-every:PT1M}", initialDelayString = "${vigil.documents.take-over-every:PT1M}")
    void takeOverAbandonedBatches() {
        resume(batch -> batch.abandoned(settings.nodeId(), clock.instant()));
    }

    private void resume(java.util.function.Predicate<LetterBatch> which) {
        for (var batch : batches.withStatus(EnumSet.of(LetterBatch.Status.QUEUED, LetterBatch.Status.RUNNING))) {
            if (which.test(batch)) {
                long id = batch.id();
                executor.execute(() -> runner.run(id));
            }
        }
    }

    private String toJson(Map<String, ?> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The facts cannot be stored", e);
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
