"""The Japanese translation: generated files are current, every message is translated with its
placeholders intact, and the wizard really speaks Japanese when ``i18n.install`` asks for it."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from vmdkimport.core import rules
from vmdkimport.core.errors import ApiError
from vmdkimport.core.plan import PageId
from vmdkimport.qt import i18n
from vmdkimport.qt.pages.image import ImagePage
from vmdkimport.qt.wizard import ImportWizard

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "resources" / "translations"
TS = HERE / "vmdkimport_ja.ts"
QM = ROOT / "gui" / "vmdkimport" / "qt" / "translations" / "vmdkimport_ja.qm"
CATALOG_TR = ROOT / "gui" / "vmdkimport" / "qt" / "catalog_tr.py"
PLACEHOLDER = re.compile(r"%\d+")
#: a str.format field of a core Text template: {name}, {name!r}, {name:spec}
FIELD = re.compile(r"\{(\w+)(?:![rsa])?(?::[^{}]*)?\}")
#: five English words in a row: a sentence the translation missed
ENGLISH = re.compile(r"\b[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){4,}\b")


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_build", HERE / "build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in the .ts."""
    found = []
    for context in ET.parse(TS).getroot().iter("context"):  # noqa: S314 (our own file)
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source", ""), translation))
    return found


def test_catalog_tr_is_current() -> None:
    expected = _build_script().catalog_module()
    assert CATALOG_TR.read_text(encoding="utf-8") == expected, (
        "gui/vmdkimport/qt/catalog_tr.py is stale: run python resources/translations/build.py")


def test_catalog_lists_what_the_image_page_translates() -> None:
    texts = _build_script().core_texts()
    for os_type in rules.OS_TYPES:
        assert os_type.description in texts
    assert rules.OS_TYPE_WARNING in texts
    assert "The image name is empty." in texts  # a static problem detail
    assert "Enter the name." in texts  # a "missing parameter" detail
    # a Text template with fields, from the rules and from the pre-flight
    assert "The image name has {count} characters; at most {limit} are allowed." in texts
    assert any("{what}" in text for text in texts)


def test_every_text_template_of_the_core_is_in_the_catalog() -> None:
    """A Text built anywhere in the core is listed for translation (build.py finds it)."""
    from vmdkimport.core.cloud import secrets
    from vmdkimport.core.disk import preflight
    from vmdkimport.core.upload.destination import DestinationCheck, DestinationKind

    texts = set(_build_script().core_texts())
    samples = [secrets.unavailable_reason() or "", DestinationCheck(
        DestinationKind.RESUME, segments_present=3, segments_total=9).message()]
    for sample in samples:
        assert getattr(sample, "template", sample) in texts or not sample
    assert preflight.EXPORT_OVF.template in texts  # a phrase used inside other sentences


def test_every_message_is_translated_with_its_placeholders() -> None:
    messages = _messages()
    assert len(messages) > 300
    problems = []
    for context, source, translation in messages:
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "obsolete", "vanished") or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
        elif sorted(FIELD.findall(source)) != sorted(FIELD.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} changes the {{fields}}")
        elif ("%p%" in source) != ("%p%" in text):
            problems.append(f"{context}: {source!r} -> {text!r} changes %p%")
        elif re.search(r"&\w", source) and not re.search(r"\(&\w\)", text):
            problems.append(f"{context}: {source!r} -> {text!r} lost its mnemonic")
    assert not problems, "\n".join(problems)


def test_compiled_qm_is_current(tmp_path: Path) -> None:
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pyside6-lrelease is missing on CI")
        pytest.skip("pyside6-lrelease is not installed: cannot compile the .ts to compare")
    fresh = tmp_path / "vmdkimport_ja.qm"
    subprocess.run([lrelease, "-silent", str(TS), "-qm", str(fresh)], check=True)
    assert fresh.read_bytes() == QM.read_bytes(), (
        "the committed .qm does not match the .ts: run python resources/translations/build.py")


@pytest.fixture
def japanese(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install(app, "ja") == "ja"
    try:
        yield
    finally:
        i18n.install(app, "en")  # removes every translator it installed


def test_wizard_speaks_japanese(japanese: None, qtbot: QtBot) -> None:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    assert wizard.windowTitle() == "VMイメージインポートウィザード"
    assert wizard.page(int(PageId.CONNECTION)).title() == "接続"
    assert wizard.page(int(PageId.IMAGE)).title() == "イメージの設定"
    assert wizard.page(int(PageId.REVIEW)).title() == "確認"
    # Qt's own button comes from qtbase_ja.qm.
    next_text = wizard.button(QWizard.WizardButton.NextButton).text()
    assert "次へ" in next_text, next_text


def test_image_page_translates_core_texts(japanese: None, qtbot: QtBot) -> None:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    page = wizard.pages[PageId.IMAGE]
    assert isinstance(page, ImagePage)
    items = [page.os_type.itemText(i) for i in range(page.os_type.count())]
    assert "Windows Server 2016 SE（日本語版） (win2016SE_ja)" in items
    assert page.os_warning.text().startswith("ディスクに実際にインストールされているOS")


def test_error_text_is_japanese_with_the_reference_untranslated(japanese: None) -> None:
    exc = ApiError(status=400, service="image-import",
                   url="https://import.example.com/v1/imageimport", error_code="40006",
                   server_message="Parameter 'os_type' has invalid value.",
                   request_id="req-0123abcd")
    text = i18n.error_text(exc)
    message = QCoreApplication.translate("catalog", exc.entry.message)
    action = i18n.core(exc.action)  # the catalog's template, filled with the page's words
    assert message == "サービスが認識できないOS種別です。"
    assert action == "「イメージの設定」ページで、一覧にあるOS種別を選択してください。"
    assert text.startswith(message)
    assert text.endswith("\n" + action)
    assert "HTTP 400" in text
    assert "req-0123abcd" in text
    assert "The OS type" not in text


def test_disk_page_findings_are_japanese(japanese: None, qtbot: QtBot, tmp_path: Path) -> None:
    """A refused file: the pre-flight's findings and fix are built by the core in English,
    with the file's details in them, and still reach the user in Japanese."""
    import gzip

    from vmdkimport.qt.pages.disk import DiskPage

    disk = tmp_path / "web01.vmdk"
    disk.write_bytes(gzip.compress(b"not a disk" * 1000))
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    page = wizard.pages[PageId.DISK]
    assert isinstance(page, DiskPage)
    page.choose_file(disk)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10_000)
    shown = page.details.toPlainText()
    assert "gzip" in shown
    assert not page.isComplete()
    # the sentence names the detected kind, itself translated inside the translated sentence
    assert i18n.core(disk_kind := _gzip_kind()) in shown
    assert disk_kind not in shown
    assert not ENGLISH.search(shown), ENGLISH.search(shown)


def _gzip_kind() -> str:
    import io

    from vmdkimport.core.disk.diskformat import Reader, detect

    data = b"\x1f\x8b" + bytes(4094)
    return detect(Reader(io.BytesIO(data), len(data), name="x.gz")).description


def test_image_page_problem_with_numbers_is_japanese(japanese: None, qtbot: QtBot) -> None:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    page = wizard.pages[PageId.IMAGE]
    assert isinstance(page, ImagePage)
    page.name.setText("x" * 300)
    shown = page.problem_text(rules.Field.NAME)
    assert shown == "イメージ名が300文字あります。指定できるのは255文字までです。"


def test_sign_in_problem_lists_missing_items_in_japanese(japanese: None) -> None:
    from vmdkimport.core.cloud.identity import PasswordCredentials
    from vmdkimport.core.errors import ConfigError

    with pytest.raises(ConfigError) as caught:
        PasswordCredentials(identity_url="https://id.example.com/v3", domain="", username="u",
                            password="", project_name="p").check()
    text = i18n.error_text(caught.value)
    assert text.startswith("サインインには次の項目が必要です: 契約番号、パスワード。"), text
    assert str(caught.value).startswith("Sign-in needs: contract number, password.")


@pytest.mark.parametrize("width", [760, 900])
def test_page_subtitles_are_not_clipped(japanese: None, qtbot: QtBot, width: int) -> None:
    """QWizard does not grow its header for a wrapped subtitle; the logo's height must leave
    room for the longest (Japanese) subtitles in a narrow window."""
    from PySide6.QtWidgets import QLabel

    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    wizard.resize(width, 640)
    wizard.show()
    qtbot.waitExposed(wizard)
    for page_id in PageId:
        page = wizard.page(int(page_id))
        subtitle = page.subTitle()
        wizard.setSubTitleFormat(wizard.subTitleFormat())
        # show this page's subtitle in the header without walking there (no cloud needed)
        current = wizard.currentPage()
        current.setSubTitle(subtitle)
        QApplication.processEvents()
        labels = [label for label in wizard.findChildren(QLabel)
                  if label.text() == subtitle and label.isVisible()]
        assert labels, f"subtitle of {page_id.name} not shown"
        label = labels[0]
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, (
            f"{page_id.name}: subtitle needs {needed} px, header gives {label.height()} px")
