"""The few named errors faqbot raises; the CLI and the web app turn them into friendly messages."""


class FaqbotError(Exception):
    """Base class: the message is written for the person who meets it and says how to fix it."""


class CorpusError(FaqbotError):
    """The corpus folder or one of its files cannot be used."""


class IndexMissingError(FaqbotError):
    """There is no usable index where one was expected."""


class IndexMismatchError(FaqbotError):
    """The index on disk does not match this code or these settings (model, format, checksum)."""


class SettingsError(FaqbotError):
    """A setting has a value that cannot work."""


class StorageError(FaqbotError):
    """The data folder or its database cannot be used."""
