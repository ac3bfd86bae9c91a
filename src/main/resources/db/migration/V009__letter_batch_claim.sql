-- Which node runs a letter batch, and until when its claim holds: a node renews it after every part, so in a cluster
-- a batch runs on one node at a time, the node that restarts resumes its own at once, and another node takes over
-- the batch of a node that is gone once the claim has lapsed.
ALTER TABLE letter_batch
    ADD COLUMN claimed_by    VARCHAR(100) NULL,
    ADD COLUMN claimed_until DATETIME(6)  NULL;
