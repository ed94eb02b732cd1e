"""Tuning the rule catalogue: which codes run, their severities, the thresholds of the rules that have
one — as a :class:`Config` in code, on the command line, or in a config file.

**Selecting codes** (as ruff does): ``select`` and ``ignore`` take codes or prefixes (``GD7``,
``GD704``, ``ALL``). With no ``select`` every code runs. For each code the most specific entry that
matches it wins (``select = ["GD7"]``, ``ignore = ["GD704"]`` runs GD701–GD703 and GD705; ``select =
["GD704"]``, ``ignore = ["GD7"]`` runs GD704 only); when a select and an ignore entry are equally
specific, the ignore wins. Selection applies to every finding of a validation, the readers' too.

**Severity overrides**: ``severity = {"GD101" = "info", "GD8" = "warning"}``; the most specific entry
wins.

**Thresholds**: ``similarity`` and ``similarity_min_chars`` (GD704), ``anomaly_factor`` and
``anomaly_min_base`` (GD705), ``problems_min_chars`` (GD609).

**The config file** (:func:`find_config`): starting in a directory (the working directory) and going
up to the root, the first directory that has ``.gov-disclosure.toml``, ``gov-disclosure.toml`` (the
settings at the top level) or a ``pyproject.toml`` with a ``[tool.gov-disclosure]`` table (a
``pyproject.toml`` without one is passed over) gives the config; nothing else is merged in. Keys are
spelled with hyphens (``anomaly-factor``); an unknown key, code or value is an error that names the file,
not silently ignored. The library never reads a file unasked: :func:`~gov_disclosure.rules.validate`
takes a ``Config``; the command line finds the file and lays its own options over it.

Layer: rules. Imports only the standard library, attrs and :mod:`gov_disclosure.core`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any, Final

import attrs

from ..core.codes import CODES
from ..core.errors import GovDisclosureError
from ..core.findings import Severity
from ..core.messages import Lang, Message
from ..core.messages import rules as m

__all__ = [
    "CONFIG_FILES",
    "DEFAULT",
    "PYPROJECT_TABLE",
    "Config",
    "ConfigError",
    "find_config",
    "load_config",
    "matching_codes",
]

#: the files looked for in each directory, in this order
CONFIG_FILES: Final = (".gov-disclosure.toml", "gov-disclosure.toml", "pyproject.toml")
#: the table of ``pyproject.toml`` that holds the settings
PYPROJECT_TABLE: Final = "gov-disclosure"


class ConfigError(GovDisclosureError, ValueError):
    """A config (file or options) that cannot be used; ``str()`` is English, :meth:`message` either."""

    def __init__(self, what: Message, **params: object) -> None:
        self.what, self.params = what, params
        super().__init__(what("en", **params))

    def message(self, lang: Lang = "en") -> str:
        return self.what(lang, **self.params)


def _selector(entry: str) -> str:
    """A code or prefix as matched: upper case, ``ALL`` as the empty prefix."""
    e = entry.strip().upper()
    return "" if e == "ALL" else e


def matching_codes(selector: str) -> tuple[str, ...]:
    """The codes of the code table a selector (code, prefix or ``ALL``) matches."""
    prefix = _selector(selector)
    return tuple(code for code in CODES if code.startswith(prefix))


def _check_selectors(entries: Iterable[str], key: str, origin: str) -> tuple[str, ...]:
    out = []
    for e in entries:
        if not isinstance(e, str) or not matching_codes(e):
            raise ConfigError(m.CONFIG_UNKNOWN_CODE, key=key, value=str(e), origin=origin)
        out.append(_selector(e))
    return tuple(out)


_SEVERITIES: Final = {s.value: s for s in Severity}


def _strings(value: Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _pairs(value: Iterable[tuple[str, Severity | str]]) -> tuple[tuple[str, Severity], ...]:
    return tuple(value)  # type: ignore[arg-type]  # the strings are checked and turned into Severity


@attrs.frozen
class Config:
    """Which codes run, their severities and the rules' thresholds (see the module docstring)."""

    select: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    #: (code or prefix, severity) pairs; the most specific that matches a code wins
    severity: tuple[tuple[str, Severity], ...] = attrs.field(default=(), converter=_pairs)
    #: GD704: a section whose text is at least this share (0–1) contained in last year's is flagged
    similarity: float = 0.9
    #: GD704: sections shorter than this (normalised characters) are not compared
    similarity_min_chars: int = 200
    #: GD705: a count that grows more than this many times, or falls below 1/this, is reported
    anomaly_factor: float = 5.0
    #: GD705: … when the larger of the two years' values is at least this
    anomaly_min_base: int = 20
    #: GD609: 五、存在的主要问题及改进情况 shorter than this (characters, without spaces and punctuation)
    problems_min_chars: int = 50
    #: the file the config was read from (None: defaults and options only); findings name it
    path: str | None = None

    def __attrs_post_init__(self) -> None:
        origin = self.path or "config"
        object.__setattr__(self, "select", _check_selectors(self.select, "select", origin))
        object.__setattr__(self, "ignore", _check_selectors(self.ignore, "ignore", origin))
        pairs = []
        for selector, level in self.severity:
            (sel,) = _check_selectors([selector], "severity", origin)
            if isinstance(level, str) and level in _SEVERITIES:
                level = _SEVERITIES[level]
            if not isinstance(level, Severity):
                raise ConfigError(m.CONFIG_BAD_SEVERITY, key=selector, value=str(level), origin=origin)
            pairs.append((sel, level))
        object.__setattr__(self, "severity", tuple(pairs))
        if not 0.0 < self.similarity <= 1.0:
            raise ConfigError(m.CONFIG_BAD_VALUE, key="similarity", value=self.similarity, origin=origin)
        if self.anomaly_factor <= 1.0:
            raise ConfigError(
                m.CONFIG_BAD_VALUE, key="anomaly-factor", value=self.anomaly_factor, origin=origin
            )
        for key, value in (
            ("similarity-min-chars", self.similarity_min_chars),
            ("anomaly-min-base", self.anomaly_min_base),
            ("problems-min-chars", self.problems_min_chars),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ConfigError(m.CONFIG_BAD_VALUE, key=key, value=value, origin=origin)

    # -- what it says about a code ---------------------------------------------------------------

    def enabled(self, code: str) -> bool:
        """Whether findings of ``code`` are made and kept."""
        return code in _enabled(self.select, self.ignore)

    def severity_of(self, code: str, default: Severity) -> Severity:
        """The severity of ``code`` under this config (``default``: the code table's)."""
        return _severities(self.severity).get(code, default)

    @property
    def overrides(self) -> dict[str, Severity]:
        """Every code whose severity this config changes, with its new severity."""
        return {c: s for c, s in _severities(self.severity).items() if s is not CODES[c].severity}

    # -- building one -----------------------------------------------------------------------------

    def updated(
        self,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        severity: Iterable[tuple[str, Severity | str]] = (),
        **thresholds: Any,
    ) -> Config:
        """This config with options laid over it (the command line over the file): ``select``
        replaces the selection when given, ``ignore`` and ``severity`` add to it (later entries win),
        a threshold given (not None) replaces it."""
        return attrs.evolve(
            self,
            select=self.select if select is None else tuple(select),
            ignore=(*self.ignore, *ignore),
            severity=(*self.severity, *severity),
            **{k: v for k, v in thresholds.items() if v is not None},
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], path: str | None = None) -> Config:
        """A config from the settings of a file (keys with hyphens); unknown keys are an error."""
        origin = path or "config"
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            name = _FILE_KEYS.get(key)
            if name is None:
                raise ConfigError(m.CONFIG_UNKNOWN_KEY, key=key, origin=origin, known=", ".join(_FILE_KEYS))
            if name in ("select", "ignore"):
                if isinstance(value, str) or not isinstance(value, list):
                    raise ConfigError(m.CONFIG_BAD_VALUE, key=key, value=value, origin=origin)
                kwargs[name] = tuple(value)
            elif name == "severity":
                if not isinstance(value, dict):
                    raise ConfigError(m.CONFIG_BAD_VALUE, key=key, value=value, origin=origin)
                kwargs[name] = tuple(value.items())
            elif name in ("similarity", "anomaly_factor"):
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise ConfigError(m.CONFIG_BAD_VALUE, key=key, value=value, origin=origin)
                kwargs[name] = float(value)
            else:
                kwargs[name] = value
        return cls(**kwargs, path=path)


#: the keys of a config file and the Config fields they set
_FILE_KEYS: Final = {
    "select": "select",
    "ignore": "ignore",
    "severity": "severity",
    "similarity": "similarity",
    "similarity-min-chars": "similarity_min_chars",
    "anomaly-factor": "anomaly_factor",
    "anomaly-min-base": "anomaly_min_base",
    "problems-min-chars": "problems_min_chars",
}

#: every code, default thresholds, no file
DEFAULT: Final = Config()


@cache
def _enabled(select: tuple[str, ...], ignore: tuple[str, ...]) -> frozenset[str]:
    out = set()
    for code in CODES:
        chosen = -1 if not select else max((len(p) for p in select if code.startswith(p)), default=None)
        if chosen is None:
            continue
        ignored = max((len(p) for p in ignore if code.startswith(p)), default=None)
        if ignored is None or chosen > ignored:
            out.add(code)
    return frozenset(out)


@cache
def _severities(pairs: tuple[tuple[str, Severity], ...]) -> dict[str, Severity]:
    out: dict[str, tuple[int, Severity]] = {}
    for selector, level in pairs:  # later entries win over earlier ones of the same specificity
        for code in CODES:
            if code.startswith(selector) and len(selector) >= out.get(code, (-1, level))[0]:
                out[code] = (len(selector), level)
    return {code: level for code, (_, level) in out.items()}


# -- the config file ------------------------------------------------------------------------------


def _settings(path: Path) -> Mapping[str, Any] | None:
    """The settings a file holds (None: a pyproject.toml without our table)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(m.CONFIG_UNREADABLE, origin=str(path), reason=str(exc)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(m.CONFIG_UNREADABLE, origin=str(path), reason=str(exc)) from None
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get(PYPROJECT_TABLE)
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(m.CONFIG_BAD_VALUE, key=f"tool.{PYPROJECT_TABLE}", value=table, origin=str(path))
    return table


def find_config(start: str | Path | None = None) -> Path | None:
    """The config file that applies in ``start`` (default: the working directory), or None."""
    here = Path.cwd() if start is None else Path(start)
    here = here.resolve()
    for directory in (here, *here.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _settings(candidate) is not None):
                return candidate
    return None


def load_config(path: str | Path | None = None, *, start: str | Path | None = None) -> Config:
    """The config of a file: ``path`` if given, else the one :func:`find_config` finds from ``start``;
    the defaults when there is none. Raises :class:`ConfigError` for a file that cannot be used."""
    file = Path(path) if path is not None else find_config(start)
    if file is None:
        return DEFAULT
    settings = _settings(file)
    if settings is None:  # an explicit pyproject.toml without our table
        return Config(path=str(file))
    return Config.from_mapping(settings, path=str(file))
