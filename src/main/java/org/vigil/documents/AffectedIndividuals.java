package org.vigil.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.platform.FieldEncryption;

/**
 * The stored list of affected individuals of one owner (an incident): contact details encrypted per row, read back
 * in upload order, page by page, so that a batch of 100,000 letters never holds the list in memory.
 */
@Component
class AffectedIndividuals {

    private static final int INSERT_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final FieldEncryption encryption;
    private final ObjectMapper json;

    AffectedIndividuals(JdbcTemplate jdbc, FieldEncryption encryption, ObjectMapper json) {
        this.json = json;
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    /** Replaces the owner's list with the file's, all or nothing; a counterparty named must be among {@code counterparties}. */
    @Transactional
    IndividualCounts replace(String ownerRef, Reader csv, java.util.Set<String> counterparties) {
        jdbc.update("delete from affected_individual where owner_ref = ?", ownerRef);
        List<Object[]> pending = new ArrayList<>(INSERT_BATCH);
        int[] seq = {0};
        AffectedIndividualsCsv.read(csv, counterparties, person -> {
            pending.add(new Object[] {ownerRef, ++seq[0], person.jurisdiction(), person.contactValid(), encryption.encrypt(toJson(person)),
                    person.counterparty()});
            if (pending.size() == INSERT_BATCH) {
                flush(pending);
            }
        });
        flush(pending);
        return counts(ownerRef);
    }

    private void flush(List<Object[]> pending) {
        if (!pending.isEmpty()) {
            jdbc.batchUpdate("insert into affected_individual (owner_ref, seq, jurisdiction, contact_valid, person, counterparty) values (?, ?, ?, ?, ?, ?)", pending);
            pending.clear();
        }
    }

    @Transactional(readOnly = true)
    IndividualCounts counts(String ownerRef) {
        Map<String, Integer> all = new TreeMap<>();
        Map<String, Integer> unreachable = new TreeMap<>();
        jdbc.query("select jurisdiction, contact_valid, count(*) from affected_individual where owner_ref = ? group by jurisdiction, contact_valid",
                row -> {
                    all.merge(row.getString(1), row.getInt(3), Integer::sum);
                    if (!row.getBoolean(2)) {
                        unreachable.merge(row.getString(1), row.getInt(3), Integer::sum);
                    }
                }, ownerRef);
        Map<String, Integer> byCounterparty = new TreeMap<>();
        jdbc.query("select counterparty, count(*) from affected_individual where owner_ref = ? and counterparty is not null group by counterparty",
                row -> {
                    byCounterparty.put(row.getString(1), row.getInt(2));
                }, ownerRef);
        return new IndividualCounts(all, unreachable, byCounterparty);
    }

    /**
     * The reachable people (valid contact) of a jurisdiction and the places within it ({@code US} takes in
     * {@code US-TX}), in upload order, from the {@code offset}-th on.
     */
    List<AffectedIndividual> reachable(String ownerRef, String jurisdiction, int offset, int limit) {
        return jdbc.query("select person, jurisdiction, contact_valid, counterparty from affected_individual where owner_ref = ?"
                + " and contact_valid = true and jurisdiction like ? order by seq limit ? offset ?",
                this::person, ownerRef, within(jurisdiction), limit, offset);
    }

    List<AffectedIndividual> all(String ownerRef, int offset, int limit) {
        return jdbc.query("select person, jurisdiction, contact_valid, counterparty from affected_individual where owner_ref = ?"
                + " order by seq limit ? offset ?", this::person, ownerRef, limit, offset);
    }

    /** The people the list marks as {@code counterparty}'s, in upload order. */
    List<AffectedIndividual> ofCounterparty(String ownerRef, String counterparty, int offset, int limit) {
        return jdbc.query("select person, jurisdiction, contact_valid, counterparty from affected_individual where owner_ref = ?"
                + " and counterparty = ? order by seq limit ? offset ?", this::person, ownerRef, counterparty, limit, offset);
    }

    int reachableCount(String ownerRef, String jurisdiction) {
        Integer count = jdbc.queryForObject("select count(*) from affected_individual where owner_ref = ? and contact_valid = true"
                + " and jurisdiction like ?", Integer.class, ownerRef, within(jurisdiction));
        return count == null ? 0 : count;
    }

    private static String within(String jurisdiction) {
        return jurisdiction == null || jurisdiction.isBlank() ? "%" : jurisdiction.replace("%", "").replace("_", "") + "%";
    }

    private String toJson(AffectedIndividual person) {
        try {
            return json.writeValueAsString(new Stored(person.name(), person.postalAddress(), person.email()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an affected individual", e);
        }
    }

    private AffectedIndividual person(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return fromJson(encryption.decrypt(row.getString(1)), row.getString(2), row.getBoolean(3), row.getString(4));
    }

    private AffectedIndividual fromJson(String text, String jurisdiction, boolean contactValid, String counterparty) {
        try {
            var stored = json.readValue(text, Stored.class);
            return new AffectedIndividual(stored.name(), stored.postalAddress(), stored.email(), jurisdiction, contactValid, counterparty);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read a stored affected individual", e);
        }
    }

    private record Stored(String name, String postalAddress, String email) {}
}
