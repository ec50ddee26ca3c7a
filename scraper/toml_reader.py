"""Typed reading of a parsed TOML document, with errors that name the file and the key.

``TomlReader`` checks each value's TOML type (booleans are not integers here, as in
TOML) and runs an optional check that returns a message or None; every failure is a
``ConfigError(path, key, message)`` whose key is the value's path, e.g.
``site[2].start_urls[0]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, TypeVar
from urllib.parse import urlsplit

from .errors import ConfigError

T = TypeVar("T")


# ---- checks: each returns an error message, or None when the value is fine ----

def non_empty(value: str) -> str | None:
    return None if value.strip() else "must not be empty"


def positive(value: float) -> str | None:
    return None if value > 0 else "must be greater than 0"


def at_least(low: float) -> Callable[[float], str | None]:
    def check(value: float) -> str | None:
        return None if value >= low else f"must be at least {low:g}"
    return check


def url_problem(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{value!r} is not an http(s) URL"
    return None


class TomlReader:
    """Typed access to TOML values; every error names the file and the key path."""

    def __init__(self, path: str) -> None:
        self.path = path

    def error(self, key: str, message: str) -> ConfigError:
        return ConfigError(self.path, key, message)

    def known(self, table: Mapping[str, Any], key: str, allowed: Any) -> None:
        for name in table:
            if name not in allowed:
                where = f"{key}.{name}" if key else name
                choices = ", ".join(sorted(allowed))
                raise self.error(where, f"unknown key (known keys: {choices})")

    def table(self, data: Mapping[str, Any], name: str, *, prefix: str = "") -> Mapping[str, Any]:
        value = data.get(name, {})
        if not isinstance(value, dict):
            raise self.error(f"{prefix}.{name}" if prefix else name, "expected a table")
        return value

    def get(self, table: Mapping[str, Any], key: str, name: str, kind: type[T], default: Any,
            *, check: Callable[[Any], str | None] | None = None) -> Any:
        if name not in table:
            return default
        value = table[name]
        # bool is an int in Python; TOML keeps them apart, and so do we
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.error(f"{key}.{name}", f"expected {KIND_NAMES[kind]}, got {toml_type(value)}")
        problem = check(value) if check else None
        if problem:
            raise self.error(f"{key}.{name}", problem)
        return value

    def number(self, table: Mapping[str, Any], key: str, name: str, default: float | None,
               *, check: Callable[[float], str | None] | None = None) -> Any:
        value = table.get(name)
        if isinstance(value, int) and not isinstance(value, bool):
            table = {name: float(value)}
        return self.get(table, key, name, float, default, check=check)

    def strings(self, table: Mapping[str, Any], key: str, name: str,
                what: str = "strings") -> tuple[str, ...]:
        value = table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f"{key}.{name}", f"expected a list of {what}")
        return tuple(value)

    def urls(self, table: Mapping[str, Any], key: str, name: str) -> tuple[str, ...]:
        values = self.strings(table, key, name, "URLs")
        for i, value in enumerate(values):
            problem = url_problem(value)
            if problem:
                raise self.error(f"{key}.{name}[{i}]", problem)
        return values

    def patterns(self, table: Mapping[str, Any], key: str, name: str) -> tuple[re.Pattern[str], ...]:
        compiled = []
        for i, value in enumerate(self.strings(table, key, name, "regular expressions")):
            try:
                compiled.append(re.compile(value))
            except re.error as exc:
                raise self.error(f"{key}.{name}[{i}]", f"invalid regular expression: {exc}") from exc
        return tuple(compiled)


KIND_NAMES: dict[type, str] = {str: "a string", int: "an integer", float: "a number",
                                bool: "true or false"}


def toml_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the string {value!r}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__
