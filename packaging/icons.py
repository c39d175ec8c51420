"""The application icon for packages, rendered from the one SVG: PNGs for the hicolor theme
(the .deb) and a Windows .ico (executables, installer, uninstaller)."""

from __future__ import annotations

import os
import struct
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from tools import BuildError

PNG_SIZES = (48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 256)


def render_png_icons(svg: Path, out_dir: Path, sizes: Iterable[int]) -> dict[int, Path]:
    """PNG renderings of the SVG icon (hicolor needs them: not every desktop takes SVG)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:  # fonts and painting want one; any kind will do
        QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"cannot read the icon {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{size}.png"
        if not image.save(str(path)):  # PNG, from the suffix
            raise BuildError(f"cannot write {path}")
        written[size] = path
    return written


def ico_bytes(images: Sequence[tuple[int, bytes]]) -> bytes:
    """A Windows .ico of 32-bit bitmaps: ``images`` are (size, top-down BGRA rows).

    Bitmaps rather than PNG entries, which some tools (NSIS among them) reject; alpha is in
    the pixels, so the AND mask is all zeros.
    """
    header = struct.pack("<HHH", 0, 1, len(images))
    entries, blobs = [], []
    offset = len(header) + 16 * len(images)
    for size, bgra in images:
        if len(bgra) != size * size * 4:
            raise ValueError(f"{size}x{size} needs {size * size * 4} bytes, got {len(bgra)}")
        rows = [bgra[y * size * 4:(y + 1) * size * 4] for y in range(size)]
        xor = b"".join(reversed(rows))  # bottom-up
        mask = bytes(((size + 31) // 32) * 4 * size)
        dib = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, len(xor) + len(mask),
                          0, 0, 0, 0) + xor + mask
        entries.append(struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32,
                                   len(dib), offset))
        blobs.append(dib)
        offset += len(dib)
    return header + b"".join(entries) + b"".join(blobs)


def render_ico(svg: Path, path: Path, sizes: Iterable[int] = ICO_SIZES) -> Path:
    """The Windows icon (executables, installer, uninstaller) from the SVG."""
    from PySide6.QtGui import QImage

    pngs = render_png_icons(svg, path.parent / "ico-png", sizes)
    images = []
    for size, png in sorted(pngs.items()):
        image = QImage(str(png)).convertToFormat(QImage.Format.Format_ARGB32)
        data = bytes(image.constBits())[:size * size * 4]  # ARGB32 in memory: B, G, R, A
        images.append((size, data))
    path.write_bytes(ico_bytes(images))
    return path
