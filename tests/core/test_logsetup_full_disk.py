"""A log file that cannot be written: one line on stderr, once, and the program goes on.

logging's default is a "--- Logging error ---" block with a traceback for every record: on a
full disk a single failed command printed five of them around the one message that mattered.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from vmdkimport.core import logsetup


@pytest.fixture
def file_logging(tmp_path: Path) -> Iterator[Path]:
    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    log_file = tmp_path / "logs" / "v.log"
    log_file.parent.mkdir()
    logsetup.configure(logging.CRITICAL, log_file=log_file)
    yield log_file
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_a_full_disk_under_the_log_is_one_line_once(file_logging: Path,
                                                    monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    handler = next(h for h in logging.getLogger().handlers
                   if isinstance(h, logging.FileHandler)
                   and h.baseFilename == str(file_logging))

    class FullDisk:
        """The log file's stream on a full disk: every write fails with ENOSPC."""

        def write(self, text: str) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def seek(self, offset: int, whence: int = 0) -> int:
            return 0

        def tell(self) -> int:
            return 0

        def close(self) -> None:
            pass

    monkeypatch.setattr(handler, "stream", FullDisk())
    monkeypatch.setattr(logging, "raiseExceptions", True)  # as outside pytest
    log = logging.getLogger("vmdkimport.t")
    for n in range(5):
        log.warning("record %d", n)
    err = capsys.readouterr().err
    assert "Traceback" not in err, err
    assert "Logging error" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert str(file_logging) in lines[0]
    assert "No space left" in lines[0]
