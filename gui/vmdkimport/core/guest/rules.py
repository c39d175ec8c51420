"""The provider's published import rules, read from ``provider_rules.toml``.

The rules are data so that one file changes when the provider edits its "VM import" page, and
so that every rule carries its source. Two generations of regions have different lists: "k5"
(regions 1 and 2 and the former international regions) and "region3" (East/West Japan Region 3).

A region this table does not know (or none: ``vmdkimport inspect`` without ``--region``) is
judged against :data:`ANY`, a table built from both generations: what every generation allows
is allowed; what only some allow is a warning that names where it is allowed. That never calls
a disk "not ready" for a rule that may not apply, nor "ready" for one that may; the wizard
always knows the region from the sign-in profile.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final

from vmdkimport.core.rules import OS_TYPE_KEYWORDS

RULES_FILE: Final = "provider_rules.toml"
#: the name of the table used for an unknown region (see the module docstring)
ANY: Final = "any"

#: how an OS entry is accepted
SUPPORTED: Final = "supported"  # on the provider's current overview page
LEGACY: Final = "legacy"  # a register keyword of the older generation, not on the page
REGION_DEPENDENT: Final = "region-dependent"  # (ANY only) allowed in some generations only
_STATUSES: Final = frozenset({SUPPORTED, LEGACY})

_MAX_PARTS: Final = 6  # version components compared; more is hostile input, not a version


class RulesError(ValueError):
    """The rules file breaks its schema (a packaging or editing mistake, caught by the tests)."""


def version_tuple(text: str) -> tuple[int, ...]:
    """``"7.8.2003"`` -> ``(7, 8, 2003)``; ``"7.8.*"`` -> ``(7, 8)``; ``"18.04 LTS"`` ->
    ``(18, 4)``. Empty when ``text`` starts with no number."""
    out: list[int] = []
    for part in text.strip().split(".")[:_MAX_PARTS]:
        match = re.match(r"\d{1,9}", part.strip())
        if not match:
            break
        out.append(int(match.group()))
        if match.end() != len(part.strip()):
            break  # "04 LTS", "6-beta": the number ends here
    return tuple(out)


@dataclass(frozen=True)
class VersionRange:
    """``low <= v <= high``, each compared on the bound's own precision ("7.8" = any 7.8.x)."""

    low: tuple[int, ...]
    high: tuple[int, ...]
    text: str  # "7.1-7.8", for messages

    def contains(self, version: tuple[int, ...]) -> bool | None:
        """True/False, or None when ``version`` is too coarse to tell ("7" against 7.1-7.8)."""
        lo = _compare(version, self.low)
        hi = _compare(version, self.high)
        if lo == -1 or hi == 1:
            return False
        if lo is None or hi is None:
            return None
        return True


def _compare(version: tuple[int, ...], bound: tuple[int, ...]) -> int | None:
    """-1/0/1 comparing ``version`` cut to the bound's length; None when the version is shorter
    than the bound and equal as far as it goes."""
    cut = version[: len(bound)]
    common = bound[: len(cut)]
    if cut != common:
        return -1 if cut < common else 1
    return 0 if len(cut) == len(bound) else None


@dataclass(frozen=True)
class OsRule:
    """One guest OS the provider names, and how a disk is matched to it."""

    id: str
    family: str  # "windows" | "linux"
    name: str  # product name, not translated
    generations: tuple[str, ...]
    status: str  # SUPPORTED | LEGACY | REGION_DEPENDENT
    source: str  # URL
    unconfirmed: bool = False
    # windows
    builds: tuple[str, ...] = ()
    editions: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    sql_versions: tuple[str, ...] = ()  # SQL Server major versions ("13" = 2016)
    sql_editions: tuple[str, ...] = ()  # words of the edition ("Standard")
    # linux
    distros: tuple[str, ...] = ()
    versions: VersionRange | None = None
    # registration
    os_type: str | None = None
    os_type_by_language: tuple[tuple[str, str], ...] = ()
    os_type_source: str = ""
    os_type_unconfirmed: bool = False

    def keyword(self, language: str = "") -> str | None:
        """The os_type keyword for this OS (in this install language, for Windows)."""
        by_language = dict(self.os_type_by_language)
        if by_language:
            return by_language.get(language)
        return self.os_type

    @property
    def keywords(self) -> tuple[str, ...]:
        return tuple(k for _, k in self.os_type_by_language) or (
            (self.os_type,) if self.os_type else ())

    @property
    def with_sql(self) -> bool:
        return bool(self.sql_versions)


@dataclass(frozen=True)
class GenerationRules:
    """The rules for one generation of regions."""

    name: str  # "k5" | "region3" | ANY
    title: str
    regions: tuple[str, ...]
    boot_modes: tuple[str, ...]
    boot_source: str
    architectures: tuple[str, ...]
    architecture_source: str
    os: tuple[OsRule, ...]
    conversion_gb_per_day: int
    conversion_source: str
    #: the region asked for ("" when none); set by rules_for_region
    region: str = ""
    #: the other generations, to say where an OS is allowed when it is not here
    others: tuple[GenerationRules, ...] = field(default=(), compare=False, repr=False)

    def supported_names(self) -> tuple[str, ...]:
        """The supported entries, as the overview page lists them ("… (ja/en)")."""
        return tuple(f"{r.name} ({'/'.join(r.languages)})" if r.languages else r.name
                     for r in self.os if r.status == SUPPORTED)


@dataclass(frozen=True)
class ProviderRules:
    generations: dict[str, GenerationRules]
    os: tuple[OsRule, ...]  # every entry, of every generation
    sources: dict[str, str]

    def generation_of(self, region: str | None) -> GenerationRules | None:
        for gen in self.generations.values():
            if region and region in gen.regions:
                return gen
        return None


# --- loading ---------------------------------------------------------------------------------

def _strs(entry: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RulesError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(value)


def _str(entry: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = entry.get(key, default)
    if not isinstance(value, str) or not value:
        raise RulesError(f"{where}: {key} must be a non-empty string")
    return value


def _source(sources: dict[str, str], key: str, where: str) -> str:
    if key not in sources:
        raise RulesError(f"{where}: unknown source {key!r}")
    return sources[key]


def _keyword(value: object, where: str) -> str:
    if not isinstance(value, str) or value not in OS_TYPE_KEYWORDS:
        raise RulesError(f"{where}: {value!r} is not an os_type keyword of the register API")
    return value


def _os_rule(entry: dict[str, Any], sources: dict[str, str], gens: set[str]) -> OsRule:
    where = f"os {entry.get('id', '?')}"
    family = _str(entry, "family", where)
    if family not in ("windows", "linux"):
        raise RulesError(f"{where}: family must be windows or linux")
    generations = _strs(entry, "generations", where)
    if not generations or set(generations) - gens:
        raise RulesError(f"{where}: generations must name {sorted(gens)}")
    status = _str(entry, "status", where)
    if status not in _STATUSES:
        raise RulesError(f"{where}: status must be one of {sorted(_STATUSES)}")
    os_type = entry.get("os_type")
    by_language = entry.get("os_type_by_language", {})
    if not isinstance(by_language, dict):
        raise RulesError(f"{where}: os_type_by_language must be a table")
    pairs = tuple((str(k), _keyword(v, where)) for k, v in by_language.items())
    if os_type is not None:
        os_type = _keyword(os_type, where)
    if (os_type or pairs) and "os_type_source" not in entry:
        raise RulesError(f"{where}: a keyword needs os_type_source")
    versions = None
    if family == "linux":
        low, high = _str(entry, "min", where), _str(entry, "max", where)
        lo, hi = version_tuple(low), version_tuple(high.removesuffix(".*"))
        if not lo or not hi or lo > hi[: len(lo)]:
            raise RulesError(f"{where}: min/max are not a version range")
        shown_high = high.removesuffix(".*")
        versions = VersionRange(lo, hi, low if low == shown_high else f"{low}-{shown_high}")
        if not _strs(entry, "distros", where):
            raise RulesError(f"{where}: a Linux entry needs distros")
    else:
        if not _strs(entry, "builds", where) or not _strs(entry, "editions", where):
            raise RulesError(f"{where}: a Windows entry needs builds and editions")
        if not _strs(entry, "languages", where):
            raise RulesError(f"{where}: a Windows entry needs languages")
        unknown = {k for k, _ in pairs} - set(_strs(entry, "languages", where))
        if unknown:
            raise RulesError(f"{where}: os_type_by_language names other languages: {unknown}")
    return OsRule(
        id=_str(entry, "id", where), family=family, name=_str(entry, "name", where),
        generations=generations, status=status,
        source=_source(sources, _str(entry, "source", where), where),
        unconfirmed=bool(entry.get("unconfirmed", False)),
        builds=_strs(entry, "builds", where), editions=_strs(entry, "editions", where),
        languages=_strs(entry, "languages", where),
        sql_versions=_strs(entry, "sql_versions", where),
        sql_editions=_strs(entry, "sql_editions", where),
        distros=_strs(entry, "distros", where), versions=versions,
        os_type=os_type, os_type_by_language=pairs,
        os_type_source=(_source(sources, entry["os_type_source"], where)
                        if "os_type_source" in entry else ""),
        os_type_unconfirmed=bool(entry.get("os_type_unconfirmed", False)),
    )


def parse_rules(text: str) -> ProviderRules:
    """The rules in ``text`` (TOML), checked against the schema; RulesError when broken."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulesError(f"not TOML: {exc}") from exc
    if data.get("schema") != 1:
        raise RulesError("schema must be 1")
    sources = data.get("sources")
    if not isinstance(sources, dict) or not all(
            isinstance(v, str) and v for v in sources.values()):
        raise RulesError("[sources] must map names to URLs")
    conversion = data.get("conversion", {})
    rate = conversion.get("gb_per_day")
    if not isinstance(rate, int) or rate <= 0:
        raise RulesError("conversion.gb_per_day must be a positive integer")
    rate_source = _source(sources, _str(conversion, "source", "conversion"), "conversion")
    raw_gens = data.get("generations")
    if not isinstance(raw_gens, dict) or not raw_gens:
        raise RulesError("[generations] is missing")
    raw_os = data.get("os")
    if not isinstance(raw_os, list) or not raw_os:
        raise RulesError("[[os]] entries are missing")
    os_rules = tuple(_os_rule(e, sources, set(raw_gens)) for e in raw_os)
    ids = [r.id for r in os_rules]
    if len(set(ids)) != len(ids):
        raise RulesError("os ids must be unique")
    generations: dict[str, GenerationRules] = {}
    seen_regions: set[str] = set()
    for name, g in raw_gens.items():
        where = f"generation {name}"
        regions = _strs(g, "regions", where)
        if seen_regions & set(regions):
            raise RulesError(f"{where}: a region is in two generations")
        seen_regions |= set(regions)
        generations[name] = GenerationRules(
            name=name, title=_str(g, "title", where), regions=regions,
            boot_modes=_strs(g, "boot_modes", where),
            boot_source=_source(sources, _str(g, "boot_source", where), where),
            architectures=_strs(g, "architectures", where),
            architecture_source=_source(sources, _str(g, "architecture_source", where), where),
            os=tuple(r for r in os_rules if name in r.generations),
            conversion_gb_per_day=rate, conversion_source=rate_source,
        )
    return ProviderRules(generations, os_rules, dict(sources))


@functools.cache
def load_rules() -> ProviderRules:
    """The packaged rules (read once)."""
    text = resources.files("vmdkimport.core.guest").joinpath(RULES_FILE).read_text("utf-8")
    return parse_rules(text)


def _any_generation(rules: ProviderRules) -> GenerationRules:
    gens = tuple(rules.generations.values())
    everywhere = set(gens[0].boot_modes).intersection(*(g.boot_modes for g in gens))
    archs = set(gens[0].architectures).intersection(*(g.architectures for g in gens))
    os_rules = tuple(
        r if set(r.generations) == set(rules.generations) else
        OsRule(**{**r.__dict__, "status": REGION_DEPENDENT})
        for r in rules.os
    )
    return GenerationRules(
        name=ANY, title="all regions", regions=(),
        boot_modes=tuple(sorted(everywhere)), boot_source=gens[0].boot_source,
        architectures=tuple(sorted(archs)), architecture_source=gens[0].architecture_source,
        os=os_rules, conversion_gb_per_day=min(g.conversion_gb_per_day for g in gens),
        conversion_source=gens[0].conversion_source,
    )


def rules_for_region(region: str | None) -> GenerationRules:
    """The rules that judge a disk for ``region``; :data:`ANY` when the region is unknown."""
    rules = load_rules()
    gen = rules.generation_of(region) or _any_generation(rules)
    others = tuple(g for g in rules.generations.values() if g.name != gen.name)
    return GenerationRules(**{**gen.__dict__, "region": region or "", "others": others})


def generations_allowing(rule_id: str) -> tuple[GenerationRules, ...]:
    """Where an OS entry is allowed, for messages ("Region 3 only")."""
    return tuple(g for g in load_rules().generations.values()
                 if any(r.id == rule_id for r in g.os))
