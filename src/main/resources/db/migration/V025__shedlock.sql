-- Named locks of the tasks that run once per period in a cluster, not once per node (platform's OncePerCluster,
-- ShedLock's schema for MySQL and MariaDB): until lock_until no other node starts the task.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
