"""Connection profiles: what the user enters to reach a region, never the password.

Profiles come from the wizard's settings, from ``OS_*`` environment variables, or from a
``clouds.yaml`` (the file every OpenStack CLI reads), so administrators reuse what they have.
Passwords live only in the OS keyring (see :mod:`vmdkimport.core.cloud.secrets`), or are typed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from vmdkimport.core.cloud.endpoints import identity_url_for
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.errors import ConfigError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text


@dataclass(frozen=True)
class ConnectionProfile:
    """Where and as whom to sign in. Holds no secret, so it may be saved in settings."""

    name: str = "default"
    region: str = ""  # a preset region; fills endpoints the catalog does not give
    identity_url: str = ""  # custom identity URL (…/v3); overrides the region's
    object_storage_url: str = ""  # custom …/v1/AUTH_<project>; overrides the catalog
    import_url: str = ""  # custom import endpoint; overrides the catalog
    domain: str = ""  # contract number
    username: str = ""
    project_id: str = ""
    project_name: str = ""
    ca_bundle: str = ""  # path to a PEM bundle; empty = the default trust store
    insecure: bool = False  # skip TLS verification (never the default)
    allow_http: bool = False  # secrets over plain http to other hosts (never the default)

    def resolved_identity_url(self) -> str:
        if self.identity_url:
            return self.identity_url.rstrip("/")
        if self.region:
            return identity_url_for(self.region)
        raise ConfigError(Text("No identity URL and no region."),
                          Text("Choose a region, or enter the identity URL (ending in /v3)."),
                          Field.ENDPOINTS)

    def http_settings(self, *, system_trust: bool = True,
                      proxies: Mapping[str, str] | None = None) -> HttpSettings:
        verify: bool | str = False if self.insecure else (self.ca_bundle or True)
        return HttpSettings(verify=verify, system_trust=system_trust, proxies=proxies,
                            allow_insecure_http=self.allow_http)

    def merged(self, **overrides: Any) -> ConnectionProfile:
        """A copy with every non-empty override applied."""
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in overrides.items()
                                if k in known and v not in (None, "")})

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ConnectionProfile:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in ("1", "true", "yes", "on")


def from_environment(env: Mapping[str, str] | None = None) -> tuple[ConnectionProfile, str | None]:
    """The profile the ``OS_*`` variables describe, and ``OS_PASSWORD`` if set."""
    env = os.environ if env is None else env
    profile = ConnectionProfile(
        name="environment",
        region=env.get("OS_REGION_NAME", ""),
        identity_url=env.get("OS_AUTH_URL", ""),
        domain=env.get("OS_USER_DOMAIN_NAME") or env.get("OS_DOMAIN_NAME", ""),
        username=env.get("OS_USERNAME", ""),
        project_id=env.get("OS_PROJECT_ID") or env.get("OS_TENANT_ID", ""),
        project_name=env.get("OS_PROJECT_NAME") or env.get("OS_TENANT_NAME", ""),
        object_storage_url=env.get("OS_STORAGE_URL", ""),
        import_url=env.get("VMDKIMPORT_IMPORT_URL", ""),
        ca_bundle=env.get("OS_CACERT", ""),
        insecure=_truthy(env.get("OS_INSECURE")),
    )
    return profile, env.get("OS_PASSWORD") or None


def clouds_yaml_paths(env: Mapping[str, str] | None = None) -> list[Path]:
    """Where OpenStack clients look for clouds.yaml, in their order."""
    env = os.environ if env is None else env
    out: list[Path] = []
    if env.get("OS_CLIENT_CONFIG_FILE"):
        out.append(Path(env["OS_CLIENT_CONFIG_FILE"]))
    out += [Path.cwd() / "clouds.yaml", Path.home() / ".config" / "openstack" / "clouds.yaml",
            Path("/etc/openstack/clouds.yaml")]
    return out


def from_clouds_yaml(cloud: str, paths: list[Path] | None = None
                     ) -> tuple[ConnectionProfile, str | None]:
    """The named cloud from the first clouds.yaml that has it, and its password if stored."""
    import yaml  # here, not at the top: only a --os-cloud needs it, and it slows the start

    searched = paths if paths is not None else clouds_yaml_paths()
    for path in searched:
        if not path.is_file():
            continue
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(Text("{path} cannot be read: {error}", path=path, error=exc),
                              Text("Fix the YAML, or choose another profile.")) from None
        entry = (data.get("clouds") or {}).get(cloud) if isinstance(data, dict) else None
        if not isinstance(entry, dict):
            continue
        auth = entry.get("auth") or {}
        verify = entry.get("verify", True)
        profile = ConnectionProfile(
            name=cloud,
            region=str(entry.get("region_name", "")),
            identity_url=str(auth.get("auth_url", "")),
            domain=str(auth.get("user_domain_name") or auth.get("domain_name") or ""),
            username=str(auth.get("username", "")),
            project_id=str(auth.get("project_id", "")),
            project_name=str(auth.get("project_name", "")),
            object_storage_url=str(entry.get("object_storage_url", "")),
            import_url=str(entry.get("import_url", "")),
            ca_bundle=str(entry.get("cacert", "")),
            insecure=verify is False,
        )
        password = auth.get("password")
        return profile, str(password) if password else None
    raise ConfigError(
        Text("No cloud named {cloud!r} in {files}.", cloud=cloud,
             files=tuple(str(p) for p in searched)),
        Text("Check the name given with --os-cloud (or OS_CLOUD)."), Field.CREDENTIALS,
    )
