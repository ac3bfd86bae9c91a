-- Spring Modulith's event publication registry (its MariaDB schema): the outbox behind every
-- event a capability publishes to another, kept until the listener has completed.
CREATE TABLE EVENT_PUBLICATION
(
  ID               VARCHAR(36) NOT NULL,
  LISTENER_ID      VARCHAR(512) NOT NULL,
  EVENT_TYPE       VARCHAR(512) NOT NULL,
  SERIALIZED_EVENT VARCHAR(4000) NOT NULL,
  PUBLICATION_DATE TIMESTAMP(6) NOT NULL,
  COMPLETION_DATE  TIMESTAMP(6) DEFAULT NULL NULL,
  PRIMARY KEY (ID),
  INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB;

-- E-mail to people: recorded in the transaction of the state change that causes it, sent after commit.
-- event_key makes a second request for the same event a no-op, so nobody is told twice.
CREATE TABLE outbound_mail (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_key   VARCHAR(200)  NOT NULL,
    template    VARCHAR(100)  NOT NULL,
    recipients  VARCHAR(2000) NOT NULL,
    model       TEXT          NOT NULL,
    queued_at   DATETIME(6)   NOT NULL,
    sent_at     DATETIME(6)   NULL,
    attempts    INT           NOT NULL DEFAULT 0,
    CONSTRAINT uq_outbound_mail_event_key UNIQUE (event_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
