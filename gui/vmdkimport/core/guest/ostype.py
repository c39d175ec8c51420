"""Which OS the disk holds, which provider entry it matches, and the ``os_type`` it needs.

The register API's ``os_type`` must be the OS really installed (the seed: wrong values mean a
server that may not start, no support, wrong fees). The keyword comes from the matched entry of
``provider_rules.toml``; an OS the API's list has no keyword for (Windows Server 2019, RHEL 8,
Rocky Linux) gets ``None`` and a sentence saying so: the user chooses, and the choice is logged.

Windows' install language is the ``InstallLanguage`` LCID of the SOFTWARE hive (a hex string):
its primary language id (the low 10 bits) is 0x11 for Japanese and 0x09 for every English
(0409 US, 0809 UK, 0c09 Australia, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from vmdkimport.core.guest.facts import GuestFacts, LinuxFacts, SqlServer, WindowsFacts
from vmdkimport.core.guest.report import DetectedOs
from vmdkimport.core.guest.rules import GenerationRules, OsRule, version_tuple
from vmdkimport.core.rules import OS_TYPES, WINDOWS_OS_TYPES
from vmdkimport.core.text import Text

#: primary language id -> ISO 639-1 code, for the languages worth naming in a message
_LANGUAGES: Final[dict[int, str]] = {
    0x11: "ja", 0x09: "en", 0x07: "de", 0x0C: "fr", 0x0A: "es", 0x10: "it", 0x16: "pt",
    0x04: "zh", 0x12: "ko", 0x19: "ru", 0x13: "nl", 0x1D: "sv", 0x15: "pl", 0x1F: "tr",
}
LANGUAGE_NAMES: Final[dict[str, Text]] = {
    "ja": Text("Japanese"), "en": Text("English"), "de": Text("German"), "fr": Text("French"),
    "es": Text("Spanish"), "it": Text("Italian"), "pt": Text("Portuguese"),
    "zh": Text("Chinese"), "ko": Text("Korean"), "ru": Text("Russian"), "nl": Text("Dutch"),
    "sv": Text("Swedish"), "pl": Text("Polish"), "tr": Text("Turkish"),
}
_BITS_32: Final = frozenset({"x86", "i386", "i486", "i586", "i686", "armhf", "armv7l"})
_BITS_64: Final = frozenset({"amd64", "x86_64", "x64"})
_WINDOWS_VERSIONS: Final = ((10240, "10.0"), (9600, "6.3"), (9200, "6.2"), (7600, "6.1"))


def language_of(install_language: str) -> str:
    """``"0411"`` -> ``"ja"``, ``"0809"`` -> ``"en"``; ``"lcid:xxxx"`` for a language we do not
    name; ``""`` when not known or not an LCID."""
    text = install_language.strip().lower().removeprefix("0x")
    if not re.fullmatch(r"[0-9a-f]{1,8}", text):
        return ""
    lcid = int(text, 16)
    return _LANGUAGES.get(lcid & 0x3FF, f"lcid:{lcid:04x}")


def language_name(code: str) -> str:
    """A language's name for messages ("Japanese"); the LCID for one we do not name."""
    return LANGUAGE_NAMES.get(code) or Text("language {code}", code=code.removeprefix("lcid:"))


def normalised_arch(arch: str) -> str:
    """``"AMD64"``/``"x86_64"`` -> ``"x86_64"``, ``"x86"``/``"i686"`` -> ``"x86"``; others as
    they are (lower case); ``""`` unknown."""
    a = arch.strip().lower()
    if a in _BITS_64:
        return "x86_64"
    if a in _BITS_32:
        return "x86"
    return a


def windows_version(build: str) -> str:
    """``"14393"`` -> ``"10.0.14393"`` (the NT version the build belongs to)."""
    if not build.isdigit():
        return build
    number = int(build)
    for first, version in _WINDOWS_VERSIONS:
        if number >= first:
            return f"{version}.{number}"
    return build


def _is_server(w: WindowsFacts) -> bool | None:
    if w.installation_type:
        return w.installation_type.lower().startswith("server")
    if w.product_name:
        return "server" in w.product_name.lower()
    return None


def _sql_major(sql: SqlServer) -> str:
    return sql.version.split(".", 1)[0].strip()


def _sql_matches(rule: OsRule, sql: SqlServer) -> bool:
    edition_words = set(sql.edition.lower().replace(":", " ").split())
    return (_sql_major(sql) in rule.sql_versions
            and all(e.lower() in edition_words for e in rule.sql_editions))


# --- matching a disk to the rules ------------------------------------------------------------

@dataclass(frozen=True)
class OsMatch:
    """How the disk's OS compares with a table of rules.

    ``rule`` is the entry it matches (None: none); ``near`` the entry it would match but for
    the install language (Windows) or the SQL Server it carries; ``version_unknown`` says the
    version was too coarse to place it in the entry's range ("7" against 7.1-7.8).
    """

    rule: OsRule | None
    near: OsRule | None = None
    language_mismatch: bool = False
    version_unknown: bool = False
    #: SQL Servers on the disk that no entry names (installed software, not the image's)
    unlisted_sql: tuple[SqlServer, ...] = ()


def _match_windows(w: WindowsFacts, rules: tuple[OsRule, ...]) -> OsMatch:
    if _is_server(w) is False:
        return OsMatch(None)
    language = language_of(w.install_language)
    base = [r for r in rules if r.family == "windows" and w.current_build in r.builds
            and w.edition_id in r.editions]
    if not base:
        return OsMatch(None)
    sql_rules = [r for r in base if r.with_sql]
    plain = [r for r in base if not r.with_sql]
    # an image "Windows + SQL Server" when one of its SQL Servers is that entry's
    # (in another language it is plain Windows with SQL Server installed: judged below)
    for rule in sql_rules:
        if any(_sql_matches(rule, s) for s in w.sql_servers) and (
                not language or language in rule.languages):
            listed = tuple(s for s in w.sql_servers if not _sql_matches(rule, s))
            return OsMatch(rule, unlisted_sql=listed)
    for rule in plain:
        if not language or language in rule.languages:
            return OsMatch(rule, unlisted_sql=w.sql_servers)
        return OsMatch(None, near=rule, language_mismatch=True)
    return OsMatch(None, near=base[0])


def _match_linux(lx: LinuxFacts, rules: tuple[OsRule, ...]) -> OsMatch:
    version = version_tuple(lx.release) or version_tuple(lx.version_id)
    if lx.release and lx.version_id:
        # the longer of the two (CentOS: os-release says "7", centos-release "7.8.2003")
        other = version_tuple(lx.version_id)
        version = max(version, other, key=len)
    coarse: OsRule | None = None
    for rule in rules:
        if rule.family != "linux" or lx.os_id.lower() not in rule.distros:
            continue
        if rule.versions is None:  # parse_rules gives every Linux entry a range
            continue
        inside = rule.versions.contains(version)
        if inside:
            return OsMatch(rule)
        if inside is None and coarse is None:
            coarse = rule
    if coarse is not None:
        return OsMatch(coarse, version_unknown=True)
    return OsMatch(None)


def match_os(facts: GuestFacts, rules: GenerationRules) -> OsMatch:
    """The entry of ``rules`` the disk's OS matches (Windows first: a disk with both is a
    Windows guest with a Linux data volume far more often than the reverse)."""
    if facts.windows is not None:
        return _match_windows(facts.windows, rules.os)
    if facts.linux is not None:
        return _match_linux(facts.linux, rules.os)
    return OsMatch(None)


# --- what the disk holds, and its os_type ----------------------------------------------------

def describe(detected: DetectedOs) -> str:
    """``Windows Server 2016 Standard (English)``, ``CentOS Linux 7 (Core) 7.8.2003``."""
    if not detected.family:
        return Text("no operating system that could be recognised")
    name = detected.name or (Text("an unnamed Windows") if detected.family == "windows"
                             else Text("an unnamed Linux"))
    if detected.family == "windows":
        if detected.language:
            return Text("{name} ({language})", name=name,
                        language=language_name(detected.language))
        return name
    if detected.version and detected.version not in name:
        return Text("{name} {version}", name=name, version=detected.version)
    return name


def _os_name(facts: GuestFacts) -> tuple[str, str]:
    if facts.windows is not None:
        w = facts.windows
        return w.product_name, windows_version(w.current_build)
    if facts.linux is not None:
        lx = facts.linux
        name = lx.pretty_name or " ".join(p for p in (lx.os_id, lx.version_id) if p)
        return name, lx.release or lx.version_id
    return "", ""


def os_type_for(facts: GuestFacts, rules: GenerationRules) -> tuple[str | None, Text]:
    """The ``os_type`` keyword the disk must be registered with, and a sentence why; or None
    and a sentence saying why the disk does not decide it."""
    name, version = _os_name(facts)
    shown = describe(_bare_detected(facts, name, version))
    if facts.windows is None and facts.linux is None:
        return None, Text("No operating system was found on the disk, so the OS type cannot be "
                          "filled in; choose the OS that is really installed.")
    match = match_os(facts, rules)
    language = language_of(facts.windows.install_language) if facts.windows else ""
    if facts.windows is not None and not language:
        return None, Text("The install language of {os} could not be read, so the OS type "
                          "(Japanese or English version) cannot be chosen from the disk; choose "
                          "it yourself.", os=shown)
    rule = match.rule or match.near or _any_entry(facts, rules)
    if rule is None:
        return None, Text("{os} is not an OS the import service lists, so there is no OS type "
                          "for it; choose one yourself only if you know the service accepts "
                          "it.", os=shown)
    keyword = rule.keyword(language)
    if keyword is None:
        if match.language_mismatch:
            return None, Text("{os} is installed in {language}, and the OS types have Japanese "
                              "and English versions only; choose one yourself.", os=shown,
                              language=language_name(language))
        return None, Text("{os} has no os_type keyword in the register API's list; choose one "
                          "yourself.", os=shown)
    if rule.os_type_unconfirmed:
        return keyword, Text("{os} is registered as {keyword}: the register API has no keyword "
                             "for SQL Server, so the keyword of the Windows it runs on is used "
                             "(our reading, unconfirmed).", os=shown, keyword=keyword)
    return keyword, Text("The disk holds {os}, so the OS type is {keyword}.", os=shown,
                         keyword=keyword)


def _any_entry(facts: GuestFacts, rules: GenerationRules) -> OsRule | None:
    """The entry of another generation the disk matches, for its keyword (an OS allowed only
    elsewhere still has the same keyword there)."""
    for other in rules.others:
        m = match_os(facts, other)
        if m.rule is not None or m.near is not None:
            return m.rule or m.near
    lx = facts.linux
    if facts.windows is None and lx is not None:
        # a version outside every range (CentOS 7.9) still has its distribution's keyword when
        # the major version is the entry's: the keyword names the OS, not its support
        major = (version_tuple(lx.release) or version_tuple(lx.version_id))[:1]
        for gen in (rules, *rules.others):
            for rule in gen.os:
                if (rule.family == "linux" and lx.os_id.lower() in rule.distros
                        and rule.versions is not None and rule.versions.low[:1] == major):
                    return rule
    return None


def _bare_detected(facts: GuestFacts, name: str, version: str) -> DetectedOs:
    if facts.windows is not None:
        w = facts.windows
        return DetectedOs(family="windows", name=name, version=version,
                          edition=w.edition_id, language=language_of(w.install_language),
                          arch=normalised_arch(w.arch))
    if facts.linux is not None:
        return DetectedOs(family="linux", name=name, version=version,
                          arch=normalised_arch(facts.linux.arch))
    return DetectedOs()


def detect_os(facts: GuestFacts, rules: GenerationRules) -> DetectedOs:
    """What the disk holds, with the ``os_type`` it must be registered with."""
    name, version = _os_name(facts)
    bare = _bare_detected(facts, name, version)
    if not bare.family:
        return bare
    keyword, note = os_type_for(facts, rules)
    return DetectedOs(family=bare.family, name=bare.name, version=bare.version,
                      edition=bare.edition, language=bare.language, arch=bare.arch,
                      os_type=keyword, os_type_note=note)


_DESCRIPTIONS: Final[dict[str, str]] = {t.keyword: t.description for t in OS_TYPES}


def os_type_conflict(detected: DetectedOs, chosen: str) -> Text | None:
    """Why ``chosen`` contradicts the disk, with both values; None when it does not (or when
    the disk tells nothing). The wizard and ``register`` refuse with this sentence unless the
    user overrides it explicitly."""
    if not detected.family or not chosen:
        return None
    shown = describe(detected)
    if detected.os_type is not None:
        if chosen == detected.os_type:
            return None
        return Text("The disk holds {os}, so os_type must be {expected}, not {chosen}.",
                    os=shown, expected=detected.os_type, chosen=chosen)
    chosen_windows = chosen in WINDOWS_OS_TYPES
    if chosen_windows != (detected.family == "windows"):
        return Text("The disk holds {os}, a {family} system, so os_type cannot be {chosen} "
                    "({description}).", os=shown,
                    family=Text("Windows") if detected.family == "windows" else Text("Linux"),
                    chosen=chosen, description=_DESCRIPTIONS.get(chosen, chosen))
    suffix = {"ja": "_ja", "en": "_en"}
    if chosen_windows and detected.language in suffix:
        other = "_en" if detected.language == "ja" else "_ja"
        if chosen.endswith(other):
            return Text("The disk holds {os}, but {chosen} is the {chosen_language} version; "
                        "choose the {language} one.", os=shown, chosen=chosen,
                        chosen_language=language_name(other[1:]),
                        language=language_name(detected.language))
    return None
