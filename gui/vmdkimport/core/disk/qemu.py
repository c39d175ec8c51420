"""Convert a disk to a streamOptimized VMDK with ``qemu-img``, with progress and cancel.

``qemu-img convert -p`` prints its progress as ``    (12.34/100%)`` followed by a carriage
return; we read that from its standard output. The output is written under its final name in a
temporary folder beside the destination (``.<name>.part/<name>``: qemu-img writes the file name
it creates into the disk's own descriptor, so a renamed ``<name>.part`` would call its extent by
the wrong name) and moved into place when qemu-img succeeds, so a cancelled or failed conversion
never leaves a file that looks finished: on cancel the process is killed and the folder removed.

qemu-img is found on PATH, in ``VMDKIMPORT_QEMU_IMG`` (a full path), or on Windows in the folder
the QEMU installer uses. It is optional: without it the pre-flight still tells the user the exact
command, and where to get qemu-img.
"""

from __future__ import annotations

import contextlib
import os
import re
import shlex
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Final

from vmdkimport.core.disk.diskformat import OperationCancelled
from vmdkimport.core.errors import VmdkImportError
from vmdkimport.core.rules import Field
from vmdkimport.core.text import Text

ENV_VAR: Final = "VMDKIMPORT_QEMU_IMG"
_PROGRESS_RE: Final = re.compile(rb"\((\d+(?:\.\d+)?)/100%\)")
_WINDOWS_DIRS: Final = ("C:\\Program Files\\qemu", "C:\\Program Files (x86)\\qemu")
#: how often the cancel flag is looked at while qemu-img runs
POLL_SECONDS: Final = 0.05

INSTALL_HINT: Final = Text(
    "Install qemu-img: on Debian/Ubuntu '{apt_command}', on RHEL/Fedora '{dnf_command}', on "
    "Windows the QEMU installer from qemu.org (then set {variable} to the full path of "
    "qemu-img.exe if it is not on PATH).",
    apt_command="sudo apt-get install qemu-utils", dnf_command="sudo dnf install qemu-img",
    variable=ENV_VAR,
)


class QemuNotFound(VmdkImportError):
    field = Field.DISK

    def __init__(self) -> None:
        super().__init__(Text("qemu-img, the tool that converts disks, is not installed."))
        self.action = INSTALL_HINT


class ConversionFailed(VmdkImportError):
    field = Field.DISK

    def __init__(self, message: str, action: str, *, output: str = "") -> None:
        super().__init__(message)
        self.action = action
        self.output = output


def find_qemu_img() -> Path | None:
    """The qemu-img executable, or None when it is not installed."""
    configured = os.environ.get(ENV_VAR)
    if configured:
        path = Path(configured)
        return path if path.is_file() else None
    found = shutil.which("qemu-img")
    if found:
        return Path(found)
    if os.name == "nt":  # pragma: no cover - Windows only
        for folder in _WINDOWS_DIRS:
            candidate = Path(folder) / "qemu-img.exe"
            if candidate.is_file():
                return candidate
    return None


def convert_args(source: Path, destination: Path, *, source_format: str | None = None,
                 qemu_img: str = "qemu-img") -> list[str]:
    """The qemu-img command line that writes ``destination`` as a streamOptimized VMDK."""
    args = [qemu_img, "convert", "-p"]
    if source_format:
        args += ["-f", source_format]
    return [*args, "-O", "vmdk", "-o", "subformat=streamOptimized", str(source), str(destination)]


def command_text(args: Sequence[str]) -> str:
    """``args`` as one line the user can paste into their shell (cmd.exe quoting on Windows)."""
    if os.name == "nt":  # pragma: no cover - Windows only
        return subprocess.list2cmdline(list(args))
    return shlex.join(args)


def parse_progress(chunk: bytes) -> list[float]:
    """Every percentage in a piece of ``qemu-img -p`` output."""
    return [float(m.group(1)) for m in _PROGRESS_RE.finditer(chunk)]


class _Pump:
    """Reads qemu-img's output on helper threads; remembers what it saw."""

    def __init__(self, on_progress: Callable[[float], None]) -> None:
        self.on_progress = on_progress
        self.last = -1.0
        self.errors: list[BaseException] = []
        self.stderr = b""

    def progress(self, stream: IO[bytes]) -> None:
        pending = b""
        try:
            while True:
                chunk = os.read(stream.fileno(), 4096)  # what is there: no waiting for more
                if not chunk:
                    return
                pending += chunk
                cut = max(pending.rfind(b"\r"), pending.rfind(b"\n"))
                if cut < 0:
                    continue
                done, pending = pending[:cut + 1], pending[cut + 1:]
                for value in parse_progress(done):
                    if min(100.0, value) > self.last:
                        self.last = min(100.0, value)
                        self.on_progress(self.last)
        except BaseException as exc:  # noqa: BLE001 - handed over to the waiting thread
            self.errors.append(exc)

    def collect(self, stream: IO[bytes]) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.stderr = stream.read()


def convert_to_stream_optimized(
    source: Path, destination: Path, *, on_progress: Callable[[float], None],
    cancel: threading.Event, source_format: str | None = None, overwrite: bool = False,
    qemu_img: Path | None = None,
) -> Path:
    """Convert ``source`` to a streamOptimized VMDK at ``destination`` with qemu-img.

    ``on_progress`` receives 0-100 (rising; called from a helper thread; the last call is 100).
    Setting ``cancel`` kills qemu-img and removes the partial output, then raises
    :class:`OperationCancelled`. Raises :class:`QemuNotFound` without qemu-img and
    :class:`ConversionFailed` (with qemu-img's message) when it fails.
    """
    binary = qemu_img or find_qemu_img()
    if binary is None:
        raise QemuNotFound
    source, destination = Path(source), Path(destination)
    if destination.resolve() == source.resolve():
        raise ConversionFailed(
            Text("The converted disk cannot replace the file it is made from."),
            Text("Choose another file name for the converted disk."))
    if destination.exists() and not overwrite:
        raise ConversionFailed(
            Text("{path} already exists.", path=str(destination)),
            Text("Choose another file name, or delete the existing file first."))
    folder = destination.with_name(f".{destination.name}.part")
    try:
        shutil.rmtree(folder, ignore_errors=True)  # left by a crash: ours, and never finished
        folder.mkdir(mode=0o700)
    except OSError as exc:
        raise ConversionFailed(
            Text("The converted disk could not be saved as {path}: {reason}.",
                 path=str(destination), reason=exc.strerror or str(exc)),
            Text("Choose a folder you can write to.")) from exc
    partial = folder / destination.name
    try:
        return _convert(binary, source, destination, partial, source_format, on_progress,
                        cancel)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _convert(binary: Path, source: Path, destination: Path, partial: Path,
             source_format: str | None, on_progress: Callable[[float], None],
             cancel: threading.Event) -> Path:
    args = convert_args(source, partial, source_format=source_format, qemu_img=str(binary))
    creationflags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
    try:
        process = subprocess.Popen(  # noqa: S603 - fixed program, paths as arguments, no shell
            args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            creationflags=creationflags)
    except OSError as exc:
        raise ConversionFailed(Text("qemu-img could not be started: {reason}.",
                                    reason=exc.strerror or str(exc)), INSTALL_HINT) from exc
    assert process.stdout is not None
    assert process.stderr is not None
    pump = _Pump(on_progress)
    threads = [
        threading.Thread(target=pump.progress, args=(process.stdout,), daemon=True,
                         name="qemu-img-progress"),
        threading.Thread(target=pump.collect, args=(process.stderr,), daemon=True,
                         name="qemu-img-stderr"),
    ]
    for thread in threads:
        thread.start()
    cancelled = False
    try:
        while process.poll() is None:
            if cancel.wait(POLL_SECONDS):
                cancelled = True
                break
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        for thread in threads:
            thread.join(5)
        process.stdout.close()
        process.stderr.close()
    if cancelled or process.returncode != 0 or pump.errors:
        with contextlib.suppress(OSError):
            partial.unlink()
    if cancelled:
        raise OperationCancelled(
            Text("The conversion was cancelled; the partial file was removed."))
    if pump.errors:
        raise pump.errors[0]
    if process.returncode != 0:
        output = pump.stderr.decode("utf-8", "replace").strip()
        # qemu-img's own last line of error output is shown as it is, never translated
        detail = output.splitlines()[-1] if output else \
            Text("exit code {code}", code=process.returncode)
        raise ConversionFailed(
            Text("qemu-img could not convert {file}: {detail}", file=source.name, detail=detail),
            Text("Check that the source disk is complete and readable, that all its files are in "
                 "the same folder, and that the destination has enough free space."),
            output=output)
    try:
        partial.replace(destination)
    except OSError as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise ConversionFailed(
            Text("The converted disk could not be saved as {path}: {reason}.",
                 path=str(destination), reason=exc.strerror or str(exc)),
            Text("Choose a folder you can write to.")) from exc
    if pump.last < 100.0:
        on_progress(100.0)
    return destination
