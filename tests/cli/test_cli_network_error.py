"""A network error on the command line is one clean message (issue #12).

Before the change, a refused connection printed three urllib3 ``WARNING ... Retrying (Retry(...))
after connection broken by 'NewConnectionError(...)'`` lines before the tool's own message. The
retries are worth keeping for support, so they go to the log file, not to the console.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path


def _closed_port() -> int:
    """A loopback port with nobody listening: bound, then released."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_a_refused_connection_prints_only_the_clean_message(tmp_path: Path) -> None:
    env = {**os.environ, "VMDKIMPORT_HOME": str(tmp_path)}
    env.pop("OS_PASSWORD", None)
    result = subprocess.run(
        [sys.executable, "-m", "vmdkimport", "login",
         "--identity-url", f"http://127.0.0.1:{_closed_port()}/v3", "--contract", "c",
         "--user", "u", "--project-name", "p", "--password-stdin", "--no-keyring"],
        input="pw\n", capture_output=True, text=True, env=env, timeout=120, check=False)
    assert result.returncode == 6, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Error: The connection to 127.0.0.1:"), result.stderr
    assert "Retrying" not in result.stderr
    assert not [line for line in lines if line.startswith(("WARNING", "INFO", "DEBUG"))], lines
    [log_file] = tmp_path.rglob("vmdkimport.log")
    assert "Retrying" in log_file.read_text(encoding="utf-8")  # kept for support
