"""The event bus, presence tracking and per-subscriber filtering of events."""
