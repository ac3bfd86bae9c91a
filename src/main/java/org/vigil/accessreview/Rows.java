package org.vigil.accessreview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** The rows of the access-review tables as the store reads them. */
final class Rows {

    private Rows() {}

    record SystemRow(String id, String name, String ownerId, String deputyId, String classification,
            Instant updatedAt, String updatedBy) {}

    record SnapshotRow(long id, String kind, String systemId, String source, String importedBy, Instant importedAt,
            String checksum, int rowCount) {}

    record EntitlementRow(long id, String systemId, String account, String personId, String managerId,
            String entitlement, boolean privileged, LocalDate lastLogin) {}

    record RosterEntry(String personId, String managerId, String status, LocalDate terminatedOn) {
        boolean terminated() { return "TERMINATED".equals(status); }
    }

    record CampaignRow(long id, String processInstanceId, String status, boolean changesOnly, String startedBy,
            Instant startedAt, Instant dueAt, Instant remindAt, Instant closesAt, Long rosterSnapshotId,
            int itemCount, Instant closedAt, String reportSha256) {
        boolean closed() { return "CLOSED".equals(status); }
    }

    record CampaignSnapshotRow(long snapshotId, String systemId, String kind, String checksum, int rowCount) {}

    record ReviewerRow(String reviewerId, String delegatedFrom, Instant completedAt, Instant remindedAt, Instant escalatedAt) {}

    record ItemRow(long id, long campaignId, long entitlementId, String systemId, String account, String personId,
            String entitlement, boolean privileged, LocalDate lastLogin, String flags, String reviewRole,
            String reviewerId, String decision, String reason, String decidedBy, Instant decidedAt, boolean exception) {}

    record SignOffRow(String systemId, String signedBy, Instant signedAt, String comment) {}

    record RevocationRow(long id, long campaignId, long entitlementId, String systemId, String account,
            String entitlement, boolean privileged, String decidedBy, Instant decidedAt, Instant dueAt, Instant verifyBy,
            String deprovisionedBy, Instant deprovisionedAt, String verification, String verifiedBy, Instant verifiedAt,
            Instant escalatedAt) {}

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static java.sql.Date sqlDate(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
