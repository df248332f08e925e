"""Errors that carry a clear, one-line message for the person who ran Quorum."""


class QuorumError(Exception):
    """Base class: an error whose message is fit to show a user as it is."""


class InputError(QuorumError):
    """The input cannot be read as a council document (empty, binary, bad encoding...)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
