-- Which seed files were loaded, and in which version: evidence of the reference data in force.
CREATE TABLE seed_file (
    path       VARCHAR(255) NOT NULL PRIMARY KEY,
    checksum   VARCHAR(64)     NOT NULL,
    loaded_at  DATETIME(6)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
