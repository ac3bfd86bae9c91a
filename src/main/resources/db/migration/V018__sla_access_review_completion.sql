-- The SLA capability's record of each access-review campaign's review window, from the access-review capability's
-- ReviewsClosed event: how many items it held and how many a reviewer decided. The dashboard's completion figure
-- (ISO 27001 9.1, A.5.18) is decided / items over the campaigns closed in the last 365 days. Ids and counts only.
CREATE TABLE access_review_completion (
    campaign_id BIGINT       NOT NULL PRIMARY KEY,
    items       BIGINT       NOT NULL,
    decided     BIGINT       NOT NULL,
    closed_at   DATETIME(6)  NOT NULL,
    INDEX ix_review_completion_closed (closed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
