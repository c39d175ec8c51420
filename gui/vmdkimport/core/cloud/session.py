"""One signed-in connection: the HTTP client, the token manager, the endpoints and clients.

Built once per sign-in and shared by every worker; all parts are thread-safe.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from vmdkimport.core.cloud.cleartext import cleartext_refusal
from vmdkimport.core.cloud.endpoints import Endpoints
from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.cloud.identity import IdentityClient, PasswordCredentials, Token, TokenManager
from vmdkimport.core.cloud.imageimport import ImageImportClient
from vmdkimport.core.cloud.objectstorage import ObjectStorageClient
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.text import Text


@dataclass
class CloudSession:
    profile: ConnectionProfile
    http: HttpClient
    tokens: TokenManager
    token: Token
    endpoints: Endpoints
    imports: ImageImportClient
    storage: ObjectStorageClient

    @property
    def project_id(self) -> str:
        return self.token.project_id

    def close(self) -> None:
        self.http.close()


def connect(profile: ConnectionProfile, password: str, settings: HttpSettings | None = None, *,
            clock: Callable[[], datetime] | None = None) -> CloudSession:
    """Sign in and find the endpoints; raises a user-facing error on any failure.

    ``clock`` (aware UTC datetimes) is what token renewal reads; a test gives the sandbox's clock
    so that moving it moves both sides.
    """
    http = HttpClient(settings or profile.http_settings())
    try:
        creds = PasswordCredentials(
            identity_url=profile.resolved_identity_url(), domain=profile.domain,
            username=profile.username, password=password,
            project_id=profile.project_id or None, project_name=profile.project_name or None,
        )
        tokens = TokenManager(IdentityClient(http), creds, clock=clock)
        token = tokens.token()
        endpoints = Endpoints.resolve(
            catalog=token.catalog, project_id=token.project_id, region=profile.region or None,
            object_storage_url=profile.object_storage_url or None,
            import_url=profile.import_url or None,
        )
        # An https sign-in whose catalog lists http:// endpoints would then send the token in
        # clear: say so now, naming the endpoint, rather than at the first upload.
        for what, url in ((Text("object storage"), endpoints.object_storage_url),
                          (Text("image import"), endpoints.import_url)):
            refusal = cleartext_refusal(url, allowed=http.settings.allow_insecure_http,
                                        is_loopback=http.is_loopback, what=what)
            if refusal is not None:
                raise refusal
    except BaseException:
        http.close()
        raise
    return CloudSession(
        profile=profile, http=http, tokens=tokens, token=token, endpoints=endpoints,
        imports=ImageImportClient(http, tokens, endpoints.import_url),
        storage=ObjectStorageClient(http, tokens, endpoints.object_storage_url),
    )
