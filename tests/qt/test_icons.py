"""The header logo's PNGs are renderings of the application SVG, not a drifting copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from vmdkimport.qt import resources

RESOURCES = Path(__file__).resolve().parents[2] / "resources" / "icons"


def test_packaged_svg_is_the_resources_svg() -> None:
    assert resources.APP_ICON.read_bytes() == (RESOURCES / "vmdkimport.svg").read_bytes()


@pytest.mark.parametrize(("png", "size"), zip(
    resources.logo_files(), (resources.LOGO_SIZE, 2 * resources.LOGO_SIZE), strict=True))
def test_logo_png_matches_the_svg(qapp: object, png: Path, size: int) -> None:
    rendered = resources.app_icon().pixmap(size, size).toImage()
    stored = QImage(str(png))
    assert stored.size() == rendered.size()
    fmt = QImage.Format.Format_ARGB32
    a, b = rendered.convertToFormat(fmt), stored.convertToFormat(fmt)
    worst = max(
        abs(((a.pixel(x, y) >> shift) & 0xFF) - ((b.pixel(x, y) >> shift) & 0xFF))
        for x in range(size) for y in range(size) for shift in (0, 8, 16, 24))
    # regenerate with: QIcon(svg).pixmap(n, n).save("logo-<n>.png") for n in 64, 128
    assert worst <= 2, f"{png.name} no longer matches vmdkimport.svg"


def test_wizard_header_shows_the_logo(qtbot: object) -> None:
    from PySide6.QtWidgets import QWizard

    from vmdkimport.qt.wizard import ImportWizard

    wizard = ImportWizard()
    qtbot.addWidget(wizard)  # type: ignore[attr-defined]
    logo = wizard.pixmap(QWizard.WizardPixmap.LogoPixmap)
    assert not logo.isNull()
    assert logo.width() == resources.LOGO_SIZE
