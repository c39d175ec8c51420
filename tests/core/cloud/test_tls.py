"""TLS is verified by default; a company CA is accepted through a CA bundle setting."""

from __future__ import annotations

import datetime as dt
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from vmdkimport.core.cloud.http import HttpClient
from vmdkimport.core.cloud.httpsettings import HttpSettings
from vmdkimport.core.errors import TransportError


def _cert(subject: str, issuer_key: ec.EllipticCurvePrivateKey | None,
          issuer: x509.Name | None, *, ca: bool) -> tuple[ec.EllipticCurvePrivateKey,
                                                          x509.Certificate]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)])
    now = dt.datetime.now(dt.UTC)
    builder = (x509.CertificateBuilder().subject_name(name).issuer_name(issuer or name)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(minutes=5))
               .not_valid_after(now + dt.timedelta(hours=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(__import__("ipaddress")
                                                        .ip_address("127.0.0.1"))]),
            critical=False)
    return key, builder.sign(issuer_key or key, hashes.SHA256())


@pytest.fixture(scope="module")
def https(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a certificate from a CA of the test's own."""
    folder = tmp_path_factory.mktemp("tls")
    ca_key, ca_cert = _cert("Test Company CA", None, None, ca=True)
    key, cert = _cert("127.0.0.1", ca_key, ca_cert.subject, ca=False)
    (folder / "ca.pem").write_bytes(ca_cert.public_bytes(serialization.Encoding.PEM))
    (folder / "server.pem").write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption()))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = b'{"ok": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "server.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{server.server_address[1]}/info", folder / "ca.pem"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("system_trust", [True, False])
def test_unknown_ca_is_refused_with_a_clear_message(https: tuple[str, Path],
                                                    system_trust: bool) -> None:
    url, _ = https
    with pytest.raises(TransportError) as info:
        HttpClient(HttpSettings(system_trust=system_trust, read_retries=0)).request(
            "GET", url, service="object-storage")
    assert "could not be verified" in str(info.value)
    assert "CA bundle" in str(info.value)


def test_company_ca_bundle_is_accepted(https: tuple[str, Path]) -> None:
    url, ca = https
    response = HttpClient(HttpSettings(verify=str(ca))).request("GET", url,
                                                                service="object-storage")
    assert response.json() == {"ok": True}


def test_verification_can_be_turned_off_for_test_systems(https: tuple[str, Path]) -> None:
    import warnings

    url, _ = https
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # urllib3 warns about unverified HTTPS, rightly
        response = HttpClient(HttpSettings(verify=False)).request("GET", url,
                                                                  service="object-storage")
    assert response.status_code == 200
