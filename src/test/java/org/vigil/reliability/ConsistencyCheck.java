package org.vigil.reliability;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads what Vigil stored (its database, as Vigil's account), what the SMTP sink received and the print files a
 * privacy officer downloads, and names every broken promise: an acknowledged effect missing, an incident without its
 * process or a process without its incident, a timer due but not fired or fired twice, a mail delivered twice, a letter
 * batch unfinished or with a letter twice, an obligation lost or duplicated. Violations carry ids and counts only.
 */
final class ConsistencyCheck {

    /** What was checked, and what failed. */
    static final class Findings {
        final Map<String, Long> figures = new LinkedHashMap<>();
        final List<String> violations = new ArrayList<>();

        void count(String what, long n) {
            figures.merge(what, n, Long::sum);
        }

        void violation(String what) {
            violations.add(what);
        }

        String report() {
            var text = new StringBuilder();
            figures.forEach((what, n) -> text.append(String.format("  %-58s %d%n", what, n)));
            text.append(String.format("  %-58s %d%n", "violations", violations.size()));
            violations.stream().limit(50).forEach(violation -> text.append("    - ").append(violation).append('\n'));
            return text.toString();
        }
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final GreenMail mail;
    private final String base;

    ConsistencyCheck(String jdbcUrl, String user, String password, GreenMail mail, String base) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.mail = mail;
        this.base = base;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    /**
     * Waits until Vigil has caught up with itself after the last restart: no job due (a job a killed node had locked
     * waits out its lock first), no event publication incomplete, no letter batch running, no mail unsent. Returns
     * what was still pending when {@code atMost} ran out (empty: settled).
     */
    String awaitSettled(Duration atMost) throws Exception {
        long until = System.nanoTime() + atMost.toNanos();
        String pending;
        do {
            try (var db = connect()) {
                pending = String.join(", ", pendingWork(db));
            }
            if (pending.isEmpty()) {
                return "";
            }
            Thread.sleep(2000);
        } while (System.nanoTime() < until);
        return pending;
    }

    private static List<String> pendingWork(Connection db) throws SQLException {
        var pending = new ArrayList<String>();
        long jobs = single(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE RETRIES_ > 0 AND SUSPENSION_STATE_ = 1"
                + " AND (DUEDATE_ IS NULL OR DUEDATE_ <= NOW())");
        if (jobs > 0) {
            pending.add(jobs + " jobs due");
        }
        long events = single(db, "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL");
        if (events > 0) {
            pending.add(events + " event publications incomplete");
        }
        long batches = single(db, "SELECT COUNT(*) FROM letter_batch WHERE status IN ('QUEUED', 'RUNNING')");
        if (batches > 0) {
            pending.add(batches + " letter batches running");
        }
        long unsent = single(db, "SELECT COUNT(*) FROM outbound_mail WHERE sent_at IS NULL");
        if (unsent > 0) {
            pending.add(unsent + " mails unsent");
        }
        return pending;
    }

    Findings check(Ledger ledger) throws Exception {
        var findings = new Findings();
        try (var db = connect()) {
            acknowledgedEffects(db, ledger, findings);
            incidentsAndProcesses(db, findings);
            obligations(db, ledger, findings);
            timers(db, ledger, findings);
            letters(db, ledger, findings);
            engineHealth(db, findings);
            mails(db, findings);
        }
        return findings;
    }

    private static void acknowledgedEffects(Connection db, Ledger ledger, Findings findings) throws SQLException {
        for (var report : ledger.reports.entrySet()) {
            findings.count("reports acknowledged", 1);
            Long stored = optional(db, "SELECT id FROM incident WHERE external_reference = ?", report.getKey());
            if (stored == null || stored.longValue() != report.getValue()) {
                findings.violation("acknowledged report " + report.getKey() + " (incident " + report.getValue() + ") not stored as answered");
            }
        }
        for (var task : ledger.completedTasks.entrySet()) {
            findings.count("task completions acknowledged", 1);
            long completed = single(db, "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE ID_ = ? AND END_TIME_ IS NOT NULL"
                    + " AND DELETE_REASON_ = 'completed'", task.getKey());
            if (completed != 1) {
                findings.violation("acknowledged completion of task " + task.getKey() + " (" + task.getValue() + ") not recorded");
            }
        }
        for (var upload : ledger.uploads.entrySet()) {
            findings.count("uploads acknowledged", 1);
            long people = single(db, "SELECT COUNT(*) FROM affected_individual WHERE owner_ref = ?", "incident:" + upload.getKey());
            if (people != upload.getValue()) {
                findings.violation("acknowledged upload for incident " + upload.getKey() + ": " + people + " people stored, not " + upload.getValue());
            }
        }
        // The proof as recorded, followed by the letters' checksums that Vigil adds to it.
        for (var dispatch : ledger.dispatches.entrySet()) {
            findings.count("dispatches acknowledged", 1);
            long sent = single(db, "SELECT COUNT(*) FROM notification_obligation WHERE id = ? AND status IN ('SENT', 'SENT_LATE')"
                    + " AND proof LIKE CONCAT(?, '%')", dispatch.getKey(), dispatch.getValue());
            if (sent != 1) {
                findings.violation("acknowledged dispatch of obligation " + dispatch.getKey() + " not recorded");
            }
        }
        findings.count("dashboard reads answered", ledger.reads.get());
    }

    /** One breach-response process per incident, one incident per breach-response process. */
    private static void incidentsAndProcesses(Connection db, Findings findings) throws SQLException {
        findings.count("incidents in the database", single(db, "SELECT COUNT(*) FROM incident"));
        long orphanIncidents = single(db, "SELECT COUNT(*) FROM incident i WHERE i.process_instance_id IS NULL OR NOT EXISTS"
                + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.ID_ = i.process_instance_id AND p.PROC_DEF_KEY_ = 'breach-response'"
                + " AND p.BUSINESS_KEY_ = CONCAT('incident-', i.id))");
        if (orphanIncidents > 0) {
            findings.violation(orphanIncidents + " incidents without their process instance: "
                    + ids(db, "SELECT i.id FROM incident i WHERE i.process_instance_id IS NULL OR NOT EXISTS (SELECT 1 FROM ACT_HI_PROCINST p"
                            + " WHERE p.ID_ = i.process_instance_id AND p.BUSINESS_KEY_ = CONCAT('incident-', i.id))"));
        }
        long orphanProcesses = single(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = 'breach-response' AND NOT EXISTS"
                + " (SELECT 1 FROM incident i WHERE i.process_instance_id = p.ID_)");
        if (orphanProcesses > 0) {
            findings.violation(orphanProcesses + " breach-response process instances without their incident");
        }
        long doubled = single(db, "SELECT COUNT(*) FROM (SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'breach-response'"
                + " GROUP BY BUSINESS_KEY_ HAVING COUNT(*) > 1) d");
        if (doubled > 0) {
            findings.violation(doubled + " incidents with more than one breach-response process instance");
        }
    }

    /**
     * Every report was planned (its provisional duties at least); no duty twice for one incident; one notification
     * process per obligation and one obligation per notification process.
     */
    private static void obligations(Connection db, Ledger ledger, Findings findings) throws SQLException {
        findings.count("obligations in the database", single(db, "SELECT COUNT(*) FROM notification_obligation"));
        for (long incident : ledger.reports.values()) {
            if (single(db, "SELECT COUNT(*) FROM notification_obligation WHERE incident_id = ?", incident) == 0) {
                findings.violation("incident " + incident + " has no obligation: its plan was lost");
            }
        }
        long duplicateDuties = single(db, "SELECT COUNT(*) FROM (SELECT incident_id FROM notification_obligation"
                + " GROUP BY incident_id, rule_id, jurisdiction HAVING COUNT(*) > 1) d");
        if (duplicateDuties > 0) {
            findings.violation(duplicateDuties + " duties planned twice for one incident");
        }
        long withoutProcess = single(db, "SELECT COUNT(*) FROM notification_obligation o WHERE o.process_instance_id IS NULL OR NOT EXISTS"
                + " (SELECT 1 FROM ACT_HI_PROCINST p WHERE p.ID_ = o.process_instance_id AND p.BUSINESS_KEY_ = CONCAT('obligation-', o.id))");
        if (withoutProcess > 0) {
            findings.violation(withoutProcess + " obligations without their notification process");
        }
        long processTwice = single(db, "SELECT COUNT(*) FROM (SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'notification-obligation'"
                + " GROUP BY BUSINESS_KEY_ HAVING COUNT(*) > 1) d");
        if (processTwice > 0) {
            findings.violation(processTwice + " obligations with more than one notification process");
        }
        long processWithout = single(db, "SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = 'notification-obligation' AND NOT EXISTS"
                + " (SELECT 1 FROM notification_obligation o WHERE o.process_instance_id = p.ID_)");
        if (processWithout > 0) {
            findings.violation(processWithout + " notification processes without their obligation");
        }
    }

    /**
     * No timer job left behind its due time; no timer of a process instance fired twice; and each deadline the timer
     * reports set to pass during the run passed: its obligation marked missed, once.
     */
    private static void timers(Connection db, Ledger ledger, Findings findings) throws SQLException {
        long overdue = single(db, "SELECT COUNT(*) FROM ACT_RU_JOB WHERE TYPE_ = 'timer' AND DUEDATE_ < NOW() - INTERVAL 30 SECOND");
        if (overdue > 0) {
            findings.violation(overdue + " timers due more than 30 s ago have not fired");
        }
        findings.count("timers fired", single(db, "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE ACT_TYPE_ LIKE '%Timer%'"));
        long twice = single(db, "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE ACT_TYPE_ LIKE '%Timer%'"
                + " GROUP BY PROC_INST_ID_, ACT_ID_ HAVING COUNT(*) > 1) d");
        if (twice > 0) {
            findings.violation(twice + " timers fired more than once in one process instance");
        }
        for (long incident : ledger.timerIncidents) {
            var due = new ArrayList<Long>();
            try (var statement = db.prepareStatement("SELECT id FROM notification_obligation WHERE incident_id = ? AND jurisdiction = 'EU-DE'"
                    + " AND target_deadline < UTC_TIMESTAMP() - INTERVAL 30 SECOND AND status <> 'WITHDRAWN'")) {
                statement.setLong(1, incident);
                try (var rows = statement.executeQuery()) {
                    while (rows.next()) {
                        due.add(rows.getLong(1));
                    }
                }
            }
            for (long obligation : due) {
                findings.count("deadline timers due during the run", 1);
                long fired = single(db, "SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN notification_obligation o ON a.PROC_INST_ID_ = o.process_instance_id"
                        + " WHERE o.id = ? AND a.ACT_ID_ = 'BoundaryEvent_DeadlinePassed'", obligation);
                long marked = single(db, "SELECT COUNT(*) FROM ACT_HI_ACTINST a JOIN notification_obligation o ON a.PROC_INST_ID_ = o.process_instance_id"
                        + " WHERE o.id = ? AND a.ACT_ID_ = 'Task_MarkMissed' AND a.END_TIME_ IS NOT NULL", obligation);
                String status = text(db, "SELECT status FROM notification_obligation WHERE id = ?", obligation);
                if (fired != 1 || marked != 1 || !"MISSED".equals(status)) {
                    findings.violation("deadline of obligation " + obligation + ": timer fired " + fired + " times, marked missed " + marked
                            + " times, status " + status);
                }
            }
        }
    }

    /** Every acknowledged approval has its batch, finished, each letter in it once; the archive says the same. */
    private void letters(Connection db, Ledger ledger, Findings findings) throws Exception {
        for (long obligation : ledger.approvedLetters) {
            try (var statement = db.prepareStatement("SELECT id, status, total, done FROM letter_batch WHERE owner_ref = ?")) {
                statement.setString(1, "obligation:" + obligation);
                try (var rows = statement.executeQuery()) {
                    int batches = 0;
                    while (rows.next()) {
                        batches++;
                        findings.count("letter batches checked", 1);
                        if (!"DONE".equals(rows.getString(2)) || rows.getInt(3) != rows.getInt(4)) {
                            findings.violation("letter batch " + rows.getLong(1) + " " + rows.getString(2) + " with " + rows.getInt(4) + " of " + rows.getInt(3));
                        }
                        letterArchive(obligation, rows.getInt(3), findings);
                    }
                    if (batches != 1) {
                        findings.violation("obligation " + obligation + " approved with " + batches + " letter batches");
                    }
                }
            }
        }
    }

    private void letterArchive(long obligation, int total, Findings findings) throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/obligations/" + obligation + "/letters/archive"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("privacy:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            findings.violation("letters of obligation " + obligation + ": archive answered " + response.statusCode());
            return;
        }
        var letters = new HashSet<String>();
        int entries = 0;
        List<String> manifest = List.of();
        try (var zip = new ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("manifest.csv")) {
                    manifest = new String(zip.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                } else {
                    entries++;
                    letters.add(entry.getName());
                }
            }
        }
        findings.count("letters checked", entries);
        var sequences = new HashSet<String>();
        var people = new HashSet<String>();
        int rows = 0;
        try (var parser = CSVParser.parse(String.join("\n", manifest), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (var record : parser) {
                rows++;
                sequences.add(record.get("sequence"));
                people.add(record.get("name") + "\u0000" + record.get("postal_address"));
            }
        }
        if (entries != total || letters.size() != total || rows != total || sequences.size() != total || people.size() != total) {
            findings.violation("letters of obligation " + obligation + ": " + entries + " files (" + letters.size() + " distinct), " + rows
                    + " manifest rows (" + sequences.size() + " sequence numbers, " + people.size() + " people) for " + total + " letters");
        }
    }

    /** No failed job left as a Camunda incident, no event left undelivered. */
    private static void engineHealth(Connection db, Findings findings) throws SQLException {
        long incidents = single(db, "SELECT COUNT(*) FROM ACT_RU_INCIDENT");
        if (incidents > 0) {
            findings.violation(incidents + " Camunda incidents (jobs out of retries)");
        }
        long incomplete = single(db, "SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NULL");
        if (incomplete > 0) {
            findings.violation(incomplete + " event publications never completed");
        }
    }

    /**
     * Each mail recorded in the outbox reached each of its recipients exactly once. A delivery is told apart by its
     * mailbox and Message-ID; since a Message-ID made per sending attempt would hide a second sending of one outbox
     * row, deliveries are also told apart by mailbox, subject and body, which a second sending repeats.
     */
    private void mails(Connection db, Findings findings) throws Exception {
        long expected = 0;
        long rows = 0;
        try (var statement = db.createStatement(); var sent = statement.executeQuery("SELECT recipients FROM outbound_mail WHERE sent_at IS NOT NULL")) {
            while (sent.next()) {
                rows++;
                expected += sent.getString(1).split(",").length;
            }
        }
        findings.count("mails sent according to the outbox", rows);
        var byMessageId = new HashMap<String, Integer>();
        var byContent = new HashMap<String, Integer>();
        long deliveries = 0;
        // GreenMail keeps one copy per recipient in that recipient's mailbox (the envelope's, not the To header's).
        for (var mailbox : mail.getUserManager().listUser()) {
            for (var stored : mail.getManagers().getImapHostManager().getInbox(mailbox).getMessages()) {
                MimeMessage message = stored.getMimeMessage();
                deliveries++;
                byMessageId.merge(mailbox.getEmail() + " " + message.getMessageID(), 1, Integer::sum);
                byContent.merge(mailbox.getEmail() + "\u0000" + message.getSubject() + "\u0000" + body(message), 1, Integer::sum);
            }
        }
        findings.count("mail deliveries at the SMTP sink", deliveries);
        long duplicateIds = byMessageId.values().stream().filter(n -> n > 1).count();
        long duplicateContents = byContent.values().stream().filter(n -> n > 1).count();
        findings.count("mails delivered twice (same Message-ID)", duplicateIds);
        findings.count("mails delivered twice (same recipient, subject, body)", duplicateContents);
        if (duplicateIds > 0 || duplicateContents > 0) {
            findings.violation(duplicateIds + " mails delivered twice by Message-ID, " + duplicateContents + " by recipient, subject and body");
        }
        if (byContent.size() != expected) {
            findings.violation(byContent.size() + " distinct deliveries at the sink for " + expected + " recipients of the outbox's sent mails");
        }
    }

    private static String body(MimeMessage message) throws Exception {
        Object content = message.getContent();
        return content instanceof String text ? text : new String(message.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    static long single(Connection db, String sql, Object... parameters) throws SQLException {
        Long value = optional(db, sql, parameters);
        return value == null ? 0 : value;
    }

    static Long optional(Connection db, String sql, Object... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : null;
            }
        }
    }

    private static String text(Connection db, String sql, Object... parameters) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String ids(Connection db, String sql) throws SQLException {
        var ids = new ArrayList<String>();
        try (var statement = db.createStatement(); var rows = statement.executeQuery(sql + " LIMIT 20")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return String.join(", ", ids);
    }
}
