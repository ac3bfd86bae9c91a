package org.vigil.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A seed file as last loaded: its path, content checksum and when. */
@Entity
@Table(name = "seed_file")
class SeedFile {

    @Id
    private String path;

    @Column(nullable = false, length = 64)
    private String checksum;

    @Column(name = "loaded_at", nullable = false)
    private Instant loadedAt;

    protected SeedFile() {}

    SeedFile(String path, String checksum, Instant loadedAt) {
        this.path = path;
        this.checksum = checksum;
        this.loadedAt = loadedAt;
    }

    String path() { return path; }
    String checksum() { return checksum; }
    Instant loadedAt() { return loadedAt; }
}
