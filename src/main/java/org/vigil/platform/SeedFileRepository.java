package org.vigil.platform;

import org.springframework.data.jpa.repository.JpaRepository;

interface SeedFileRepository extends JpaRepository<SeedFile, String> {}
