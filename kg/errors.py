"""Every failure kg reports to a user, as one hierarchy: a class per kind, each with a code and an exit status.

The CLI turns a :class:`KgError` into one line, ``error: <message> [<code>]``,
and exits with the class's ``exit_code``; any other exception is a bug in kg
and exits with :data:`EXIT_INTERNAL` (the traceback with ``kg --debug``).
Each class also derives from the built-in exception it refines (``InputError``
is a ``ValueError``, ``OutputError`` an ``OSError``), so library callers can
catch either.  Codes are stable: a message may be reworded, its code is not.

>>> str(InputError("empty file"))
'empty file'
>>> InputError("empty file").one_line()
'empty file [E101]'
>>> ConfigError("bad").exit_code, OutputLocked("busy").exit_code
(2, 1)
"""
from __future__ import annotations

__all__ = [
    "EXIT_OK", "EXIT_FAILED", "EXIT_USAGE", "EXIT_SKIPPED", "EXIT_INTERNAL", "KgError", "InputError", "GoldError",
    "ConfigError", "MissingDependency", "ModelNotInstalled", "OutputError", "OutputLocked", "ExportError", "QueryError",
    "CacheFormatError",
]

#: exit statuses, documented in the README: 0 done; 1 nothing built (or the command failed); 2 a usage or settings
#: mistake; 3 ``kg build`` built, but skipped some inputs; 70 a bug in kg (sysexits' EX_SOFTWARE)
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_SKIPPED, EXIT_INTERNAL = 0, 1, 2, 3, 70


class KgError(Exception):
    """A failure the user can act on: bad input, a missing install, an unwritable folder.

    Each subclass names its ``code`` (and ``exit_code``, if not its parent's) in its class statement.
    """

    code = "E000"
    exit_code = EXIT_FAILED

    def __init_subclass__(cls, *, code: str, exit_code: int | None = None, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.code = code
        if exit_code is not None:
            cls.exit_code = exit_code

    def one_line(self) -> str:
        """The message with its code, as the CLI prints it."""
        return f"{self} [{self.code}]"


class InputError(KgError, ValueError, code="E101"):
    """An input file or record that cannot be read as articles (the build skips it and says why)."""


class GoldError(KgError, ValueError, code="E102"):
    """A gold set for ``kg eval`` that is not in the format of tests/gold/README.md."""


class ConfigError(KgError, ValueError, code="E201", exit_code=EXIT_USAGE):
    """A setting that does not fit (kg.toml, a KG_* variable or an option)."""


class MissingDependency(KgError, RuntimeError, code="E301"):
    """An optional package a feature needs is not installed (Dask, pyarrow)."""


class ModelNotInstalled(MissingDependency, code="E302"):
    """The spaCy model the settings name is not installed (kg never downloads at run time)."""


class OutputError(KgError, OSError, code="E401"):
    """The export folder cannot be written (full disk, read-only, not a folder); it is left as it was."""


class OutputLocked(OutputError, code="E402"):
    """Another build holds the export folder's lock."""


class ExportError(KgError, ValueError, code="E403", exit_code=EXIT_USAGE):
    """An export format kg does not write."""


class QueryError(KgError, ValueError, code="E501"):
    """A query, its parameters or the RDF it runs on cannot be used."""


class CacheFormatError(KgError, ValueError, code="E601"):
    """A cache entry that is not a record of the expected shape (the build parses that article again)."""
