"""Screenshots of every wizard page, driven against the sandbox cloud.

    xvfb-run -a -s "-screen 0 1280x1000x24" python resources/screenshots/take.py --language en
    xvfb-run -a -s "-screen 0 1280x1000x24" python resources/screenshots/take.py --language ja

Needs Qt's xcb platform libraries and, for Japanese, CJK fonts (Debian: fonts-noto-cjk).
Writes resources/screenshots/<language>/NN-page.png. README.md shows the English ones.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "gui"))


GRAIN = 64 * 1024
#: where the extra data lies in the 40 GiB disk: far past the demo guest's few MiB
DATA_AT = 20 * 1024**3


def with_data(sparse: bytes) -> bytes:
    """The demo's monolithicSparse disk with 48 MiB more allocated grains: 12 MiB of random
    data and 36 MiB of text, about what a used disk compresses like. Without them the stream
    of the demo guest is under 100 KiB, sent before the Upload page can be photographed."""
    import struct

    lines = b"".join(b"%08d GET /app/item/%d HTTP/1.1 200 %d\n" % (i, i * 7919 % 100003, i % 997)
                     for i in range(36 * 1024 * 1024 // 36))
    data = os.urandom(12 * 1024 * 1024) + lines[:36 * 1024 * 1024]
    out = bytearray(sparse)
    gd_offset = struct.unpack_from("<Q", out, 56)[0]  # the header's gdOffset (sectors)
    first = DATA_AT // GRAIN
    for index in range(len(data) // GRAIN):
        grain = first + index
        table = struct.unpack_from("<I", out, gd_offset * 512 + grain // 512 * 4)[0]
        struct.pack_into("<I", out, table * 512 + grain % 512 * 4, len(out) // 512)
        out += data[index * GRAIN:(index + 1) * GRAIN]
    return bytes(out)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--language", default="en", choices=["en", "ja"])
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    out = args.out or Path(__file__).parent / args.language
    out.mkdir(parents=True, exist_ok=True)
    home = tempfile.mkdtemp(prefix="vmdkimport-shots-")
    os.environ["VMDKIMPORT_HOME"] = home  # fresh settings and ledger, nothing of the user's
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")

    import keyring
    from keyring.backends import fail
    from PySide6.QtWidgets import QApplication

    keyring.set_keyring(fail.Keyring())  # never touch the desktop keyring from a script
    from vmdkimport.core.plan import PageId
    from vmdkimport.demo import demo_vmdk_bytes
    from vmdkimport.qt import i18n, resources
    from vmdkimport.qt.app import prefill_demo
    from vmdkimport.qt.pages.status import StatusPage
    from vmdkimport.qt.tasks import Task
    from vmdkimport.qt.wizard import ImportWizard
    from vmdkimport.sandbox import Sandbox, SandboxConfig

    app = QApplication([sys.argv[0]])
    app.setWindowIcon(resources.app_icon())
    i18n.install(app, args.language)
    cloud = Sandbox(SandboxConfig(conversion_seconds=6, max_file_size=2 * 1024**3)).start()
    # the demo's CentOS 7 guest (demo_guest.py), so the Disk page shows a real inspection, with
    # data beside it: converted while uploading (the default), the stream is what is sent
    disk = Path(home) / "web01-disk1.vmdk"
    disk.write_bytes(with_data(demo_vmdk_bytes(40 * 1024**3, disk.name, guest=True)))
    # the same guest in a VM set to boot UEFI: the provider boots BIOS only, so "not ready"
    uefi = Path(home) / "app01.vmdk"
    uefi.write_bytes(demo_vmdk_bytes(40 * 1024**3, uefi.name, guest=True))
    uefi_vm = Path(home) / "app01.vmx"
    uefi_vm.write_text('.encoding = "UTF-8"\ndisplayName = "app01"\nguestOS = "centos7-64"\n'
                       'firmware = "efi"\nscsi0.present = "TRUE"\nscsi0:0.present = "TRUE"\n'
                       'scsi0:0.fileName = "app01.vmdk"\n')
    wizard = ImportWizard()
    wizard.resize(900, 720)
    prefill_demo(wizard, cloud)
    wizard.show()

    def wait(cond: Callable[[], bool], timeout: float = 60) -> None:
        end = time.monotonic() + timeout
        while not cond():
            app.processEvents()
            time.sleep(0.01)
            if time.monotonic() > end:
                raise SystemExit(f"timed out on page {wizard.currentId()}")
        for _ in range(20):
            app.processEvents()
            time.sleep(0.01)

    def shot(name: str) -> None:
        app.processEvents()
        path = out / f"{wizard.currentId() + 1:02d}-{name}.png"
        wizard.grab().save(str(path))
        print(path)

    page = wizard.currentPage()
    page.start_sign_in()  # type: ignore[attr-defined]
    wait(page.isComplete)
    shot("connection")
    wizard.next()
    disk_page = wizard.currentPage()
    disk_page.choose_file(uefi_vm)  # type: ignore[attr-defined]
    wait(lambda: disk_page.guest_card.state == "not-ready")  # type: ignore[attr-defined]
    shot("disk-not-ready")
    disk_page.choose_file(disk)  # type: ignore[attr-defined]
    wait(disk_page.isComplete)
    shot("disk")
    wizard.next()
    wait(wizard.currentPage().isComplete)
    shot("destination")
    wizard.next()
    image = wizard.currentPage()  # os_type as found on the disk: centos
    wait(image.isComplete)
    shot("image")
    wizard.next()
    shot("review")
    wizard.plan.limit_rate = 3 * 1024 * 1024  # slow enough to show progress, graph and map
    wizard.plan.segment_size = 1024 * 1024
    wizard.next()
    submit = wizard.currentPage()
    wait(lambda: 0.55 < submit.progress.value() / 1000 < 0.8)  # type: ignore[attr-defined]
    shot("upload")
    wait(submit.isComplete)
    shot("registered")
    StatusPage.policy = type(StatusPage.policy)(first=0.2, longest=0.5)
    wizard.next()
    status = wizard.currentPage()
    wait(lambda: status.progress.value() > 30)  # type: ignore[attr-defined]
    shot("status")
    wait(lambda: status.last is not None and status.last.state.final)  # type: ignore[attr-defined]
    shot("succeeded")
    assert wizard.currentId() == int(PageId.STATUS)
    Task.shutdown_all()
    wizard.close()
    wizard.deleteLater()
    app.processEvents()
    cloud.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
