"""The one exception type the CLI turns into a one-line message instead of a traceback."""


class CalfeedError(Exception):
    """A problem with the user's input or environment, worded for the user."""
