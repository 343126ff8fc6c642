"""calfeed: find the events and deadlines hidden in prose and publish them as calendars."""

__version__ = "0.1.0"
