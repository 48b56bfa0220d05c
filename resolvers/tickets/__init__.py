"""Support records: stages, tickets, their parameters, tasks, links, notes, documents, log."""
