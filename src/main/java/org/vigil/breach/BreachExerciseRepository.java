package org.vigil.breach;

import org.springframework.data.jpa.repository.JpaRepository;

interface BreachExerciseRepository extends JpaRepository<BreachExercise, Long> {}
