"""Pure extraction: text + reference time -> time expressions -> events (no I/O, no clock)."""
