-- The management review's document as the chair signed it off, and again after each amendment appended to it: the
-- PDF's exact bytes, served on every download, so a downloaded copy can be checked against the SHA-256 recorded with
-- the review (management_review.document_sha256, the latest of these). Encrypted, as the audit's report versions: it
-- holds the minutes, the decisions and the people's inputs. The SHA-256 in clear. Kept with the review.
CREATE TABLE management_review_document (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    review_id    BIGINT        NOT NULL,
    amendments   INT           NOT NULL,   -- how many amendments it shows: 0 for the one rendered at sign-off
    pdf          LONGTEXT      NOT NULL,   -- encrypted (FieldEncryption of the bytes)
    pdf_sha256   VARCHAR(64)   NOT NULL,
    rendered_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_management_review_document_review FOREIGN KEY (review_id) REFERENCES management_review (id),
    CONSTRAINT uq_management_review_document UNIQUE (review_id, amendments)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
