-- When the ticket's SLA timer (in its lifecycle process) fires next: the earliest warning or breach of its running
-- targets as last set. A change that brings a deadline before it moves the timer; later ones leave it, and the
-- check it makes when it fires sets the next time.
ALTER TABLE ticket ADD COLUMN sla_check_at BIGINT;
