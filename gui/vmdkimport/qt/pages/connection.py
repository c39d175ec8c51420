"""Page 1, Connection: where and as whom to sign in; the sign-in runs on a worker thread."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from vmdkimport.core import logsetup
from vmdkimport.core.cloud.endpoints import REGIONS
from vmdkimport.core.cloud.profiles import ConnectionProfile
from vmdkimport.core.rules import Field
from vmdkimport.qt import i18n
from vmdkimport.qt.i18n import error_text
from vmdkimport.qt.pages.base import PageHost, PlanPage
from vmdkimport.qt.widgets import LineEdit, MessageLabel

if TYPE_CHECKING:
    from PySide6.QtGui import QShowEvent

    from vmdkimport.core.cloud.session import CloudSession
    from vmdkimport.qt.tasks import Report

CUSTOM = "custom"
#: how long after the page is shown the keyring is first asked: the window paints first
KEYRING_PROBE_DELAY_MS = 50
#: the service locks an account after this many failed sign-ins within LOCKOUT_WINDOW ...
LOCKOUT_ATTEMPTS: Final = 5
LOCKOUT_WINDOW: Final = timedelta(minutes=15)
#: ... for this long, during which even the right password is answered "rejected"
LOCKOUT_DURATION: Final = timedelta(minutes=15)


class SignInAttempts:
    """The failed sign-ins of this session, per account, so the page never walks a user into
    the service's lockout: a rejected password is not sent again unchanged, the failures are
    counted, and a lockout the count predicts is shown with its end (the service's own answer
    to a locked account is the same "rejected" as to a wrong password).

    Rejected passwords are kept only as salted hashes: this object holds no secret.
    """

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._salt = os.urandom(16)
        self._failures: dict[tuple[str, ...], list[datetime]] = {}
        self._rejected: dict[tuple[str, ...], set[bytes]] = {}
        self._locked_until: dict[tuple[str, ...], datetime] = {}

    def _digest(self, password: str) -> bytes:
        import hashlib  # deferred: see vmdkimport.qt (asked only after a sign-in)

        return hashlib.sha256(self._salt + password.encode()).digest()

    def failed(self, account: tuple[str, ...], password: str) -> int:
        """Record a rejected password; the failures within the window (0 when now locked)."""
        now = self._clock()
        self._rejected.setdefault(account, set()).add(self._digest(password))
        times = [t for t in self._failures.get(account, []) if now - t < LOCKOUT_WINDOW]
        times.append(now)
        if len(times) >= LOCKOUT_ATTEMPTS:
            self._locked_until[account] = now + LOCKOUT_DURATION
            times = []
        self._failures[account] = times
        return len(times)

    def succeeded(self, account: tuple[str, ...]) -> None:
        """A right password forgets the account's failures, as the service does."""
        self._failures.pop(account, None)
        self._rejected.pop(account, None)

    def was_rejected(self, account: tuple[str, ...], password: str) -> bool:
        return self._digest(password) in self._rejected.get(account, set())

    def locked_until(self, account: tuple[str, ...]) -> datetime | None:
        """When the lockout this session caused ends (None: not locked, as far as we know)."""
        until = self._locked_until.get(account)
        if until is not None and self._clock() >= until:
            del self._locked_until[account]
            self._rejected.pop(account, None)  # a fresh start: the service forgot too
            return None
        return until


class ConnectionPage(PlanPage):
    def __init__(self, host: PageHost) -> None:
        super().__init__(host)
        self.setTitle(self.tr("Connection"))
        self.setSubTitle(self.tr("Sign in to your FUJITSU K5 / FJcloud-O project. The password "
                                 "is kept only in the system keyring, if you ask."))
        self.profile_name = QComboBox()
        self.profile_name.setEditable(True)
        self.profile_name.setLineEdit(LineEdit())  # Alt+letter types nothing
        self.region = QComboBox()
        for region in REGIONS:
            self.region.addItem(region, region)
        self.region.addItem(self.tr("Custom endpoints"), CUSTOM)
        self.identity_url = LineEdit()
        self.identity_url.setPlaceholderText("https://identity.example.com/v3")
        self.storage_url = LineEdit()
        self.storage_url.setPlaceholderText(self.tr("optional: from the service catalog"))
        self.import_url = LineEdit()
        self.import_url.setPlaceholderText(self.tr("optional: from the service catalog"))
        self.contract = LineEdit()
        self.user = LineEdit()
        self.project = LineEdit()
        self.project.setPlaceholderText(self.tr("project name or project ID"))
        self.password = LineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_password = QAction(self.tr("Show"), self.password)
        self.show_password.setCheckable(True)
        self.show_password.toggled.connect(self._toggle_echo)
        self.password.addAction(self.show_password, QLineEdit.ActionPosition.TrailingPosition)
        self.remember = QCheckBox(self.tr("Remember the password in the system keyring"))
        # why the keyring cannot be used, under the check box: appended to the box's own text
        # it ran off the window's edge (a check box never wraps)
        self.keyring_note = QLabel()
        self.keyring_note.setWordWrap(True)
        self.keyring_note.setEnabled(False)  # drawn like the disabled box it explains
        self.keyring_note.hide()
        self.sign_in = QPushButton(self.tr("&Sign in"))
        self.sign_in.clicked.connect(self.start_sign_in)
        # why Sign in is disabled: a rejected password, or a lockout and when it ends
        self.sign_in_hint = QLabel()
        self.sign_in_hint.setWordWrap(True)
        self.sign_in_hint.hide()
        self.attempts = SignInAttempts()
        self._unlock_timer = QTimer(self)
        self._unlock_timer.setSingleShot(True)
        self._unlock_timer.timeout.connect(self._update_sign_in)
        self.message = MessageLabel()

        form = QFormLayout()
        form.addRow(self.tr("Pro&file:"), self.profile_name)
        form.addRow(self.tr("&Region:"), self.region)
        form.addRow(self.tr("&Identity URL:"), self.identity_url)
        form.addRow(self.tr("&Object storage URL:"), self.storage_url)
        form.addRow(self.tr("I&mport URL:"), self.import_url)
        form.addRow(self.tr("&Contract number:"), self.contract)
        form.addRow(self.tr("&User name:"), self.user)
        form.addRow(self.tr("Pro&ject:"), self.project)
        form.addRow(self.tr("&Password:"), self.password)
        remember_box = QVBoxLayout()
        remember_box.setContentsMargins(0, 0, 0, 0)
        remember_box.setSpacing(2)
        remember_box.addWidget(self.remember)
        remember_box.addWidget(self.keyring_note)
        form.addRow("", remember_box)
        self._custom_rows = [self.identity_url, self.storage_url, self.import_url]
        self._form = form
        buttons = QHBoxLayout()
        buttons.addWidget(self.sign_in)
        buttons.addWidget(self.sign_in_hint, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

        for field, widget in ((Field.CREDENTIALS, self.password), (Field.PROJECT, self.project),
                              (Field.ENDPOINTS, self.region)):
            self.register_field_widget(field, widget)
        self.region.currentIndexChanged.connect(self._region_changed)
        for edit in (self.identity_url, self.storage_url, self.import_url, self.contract,
                     self.user, self.project, self.password):
            edit.textEdited.connect(self._edited)
        self.region.currentIndexChanged.connect(self._edited)
        for edit in (self.identity_url, self.contract, self.user, self.password):
            edit.textChanged.connect(self._update_sign_in)
        for edit in (self.identity_url, self.storage_url, self.import_url, self.contract,
                     self.user, self.project, self.password):
            edit.returnPressed.connect(self._enter_pressed)
        self.region.currentIndexChanged.connect(self._update_sign_in)
        self.profile_name.currentTextChanged.connect(self._profile_chosen)
        self._signed_in_as: ConnectionProfile | None = None
        self._task_running = False
        #: the keyring is first asked on a worker after the first paint; until then fill()
        #: leaves the password of the profile it shows to that first question
        self._probe_started = False
        self._startup_profile: ConnectionProfile | None = None
        self.keyring_checked = False  # True once that first answer has been applied
        self._load_profiles()
        self._region_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._probe_started:
            QTimer.singleShot(KEYRING_PROBE_DELAY_MS, self, self._start_keyring_probe)

    # --- after the first paint: keyring and ledger on a worker -----------------------------------
    def _start_keyring_probe(self) -> None:
        """Ask the keyring whether it can remember passwords (finding its backend scans the
        installed packages: about 80 ms), for the password of the profile filled at start,
        and the ledger for imports still open; the answers come back to the GUI thread."""
        if self._probe_started or not self.isVisible():
            return  # asked already; or closed meanwhile (the next showEvent asks)
        self._probe_started = True
        profile = self._startup_profile
        shown = self.profile()  # the password is filled in only if the fields still show this

        def probe(report: Report) -> tuple[str | None, str | None, int]:
            from vmdkimport.core.cloud import secrets

            reason = secrets.unavailable_reason()
            password = None
            if profile is not None:
                password = _stored_password(profile)
            return reason, password, _open_import_count()

        self.run(probe, name="keyring",
                 on_success=lambda value: self._keyring_probed(shown, value),
                 on_error=self._keyring_probe_failed)

    def _keyring_probed(self, shown: ConnectionProfile,
                        value: tuple[str | None, str | None, int]) -> None:
        reason, password, open_imports = value
        self.keyring_checked = True
        if reason:
            self.remember.setEnabled(False)
            self.remember.setChecked(False)
            reason = i18n.core(reason)
            self.remember.setToolTip(reason)
            from PySide6.QtCore import Qt  # the Qt namespace: see vmdkimport.qt

            self.keyring_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.keyring_note.setText(self.tr("Not available here: %1").replace("%1", reason))
            self.keyring_note.show()
        if password and not self.password.text() and self.profile() == shown:
            self.password.setText(password)
            self.remember.setChecked(self.remember.isEnabled())
        if open_imports and not self.message.text() and self.plan.session is None:
            self.message.show_info(
                self.tr("%1 import(s) from earlier are still converting: sign in, then "
                        "History shows and refreshes them.").replace("%1", str(open_imports)))

    def _keyring_probe_failed(self, exc: object) -> None:
        self.keyring_checked = True  # fill() asks the keyring itself from now on

    # --- profiles ----------------------------------------------------------------------------
    def _load_profiles(self) -> None:
        profiles = self.settings.profiles()
        for name in sorted(profiles):
            self.profile_name.addItem(name)
        last = self.settings.last_profile()
        if last is not None:
            self.fill(last)
        elif not profiles:
            self.profile_name.setEditText("default")

    def _profile_chosen(self, name: str) -> None:
        profile = self.settings.profiles().get(name)
        if profile is not None:
            self.fill(profile)

    def fill(self, profile: ConnectionProfile, password: str | None = None) -> None:
        """Show ``profile`` (and a password, e.g. from the keyring or the demo)."""
        self.profile_name.setEditText(profile.name)
        index = self.region.findData(profile.region) if profile.region else -1
        custom = bool(profile.identity_url) or index < 0
        self.region.setCurrentIndex(self.region.findData(CUSTOM) if custom else index)
        self.identity_url.setText(profile.identity_url)
        self.storage_url.setText(profile.object_storage_url)
        self.import_url.setText(profile.import_url)
        self.contract.setText(profile.domain)
        self.user.setText(profile.username)
        self.project.setText(profile.project_id or profile.project_name)
        if password is None and not self._probe_started:
            self._startup_profile = profile  # the keyring probe looks its password up
        elif password is None:
            password = _stored_password(profile)
        if password:
            self.password.setText(password)
            self.remember.setChecked(self.remember.isEnabled())
        self._region_changed()

    def profile(self) -> ConnectionProfile:
        """The profile the fields describe."""
        region = self.region.currentData()
        project = self.project.text().strip()
        is_id = len(project) == 32 and all(c in "0123456789abcdef" for c in project.lower())
        return ConnectionProfile(
            name=self.profile_name.currentText().strip() or "default",
            region="" if region == CUSTOM else str(region),
            identity_url=self.identity_url.text().strip() if region == CUSTOM else "",
            object_storage_url=self.storage_url.text().strip() if region == CUSTOM else "",
            import_url=self.import_url.text().strip() if region == CUSTOM else "",
            domain=self.contract.text().strip(), username=self.user.text().strip(),
            project_id=project if is_id else "", project_name="" if is_id else project,
        )

    # --- sign-in -------------------------------------------------------------------------------
    def _account(self, profile: ConnectionProfile | None = None) -> tuple[str, ...]:
        """Whose failures count together: the service locks a user, wherever they sign in."""
        profile = profile or self.profile()
        return (profile.identity_url or profile.region, profile.domain, profile.username)

    def _update_sign_in(self, *_: object) -> None:
        """Sign in only when pressing it cannot cost a lockout attempt for nothing."""
        account = self._account()
        until = self.attempts.locked_until(account)
        hint = ""
        if until is not None:
            hint = self.tr("Locked until %1: the service rejects even the right password "
                           "until then.").replace("%1", until.strftime("%H:%M"))
            # look again when it ends (one timer, however often this runs)
            wait = (until - datetime.now().astimezone()).total_seconds()
            self._unlock_timer.start(max(0, int(wait * 1000)) + 1000)
        elif self.attempts.was_rejected(account, self.password.text()):
            hint = self.tr("This password was rejected. Change it (or the user) to sign in "
                           "again: each rejected try counts towards the lockout.")
        self.sign_in_hint.setText(hint)
        self.sign_in_hint.setVisible(bool(hint))
        self.sign_in.setEnabled(not self._task_running and not hint)

    def _enter_pressed(self) -> None:
        """Enter steps forward: until signed in, that step is Sign in (Next is still grey)."""
        if not self.isComplete() and self.sign_in.isEnabled():
            self.start_sign_in()

    def is_busy(self) -> bool:
        """A sign-in is under way (Sign in alone does not tell: after a rejected password it
        stays off until the password changes)."""
        return self._task_running

    def start_sign_in(self) -> None:
        profile = self.profile()
        password = self.password.text()
        account = self._account(profile)
        if (self.attempts.locked_until(account) is not None
                or self.attempts.was_rejected(account, password)):
            self._update_sign_in()
            return  # never resend what was rejected (the demo and Enter come here too)
        logsetup.register_secret(password)
        self.message.show_info(self.tr("Signing in…"))
        self.sign_in.setEnabled(False)
        self._task_running = True
        self._closing_session()
        http = self.settings.http_settings(profile)

        def sign_in(report: Report) -> CloudSession:
            from vmdkimport.core.cloud.session import connect  # on the worker: loads the HTTP stack

            return connect(profile, password, http)

        self.run(sign_in, name="sign-in",
                 on_success=lambda session: self._signed_in(profile, session),
                 on_error=lambda exc: self._failed(exc, account, password))

    def _signed_in(self, profile: ConnectionProfile, session: CloudSession) -> None:
        self._task_running = False
        self.attempts.succeeded(self._account(profile))
        self._update_sign_in()
        logsetup.register_secret(session.token.value, token=True)
        self.plan.profile = profile
        self.plan.session = session
        self._signed_in_as = profile
        token = session.token
        self.message.show_info(
            self.tr("Signed in as %1 (contract %2) to project %3 (%4).\n"
                    "Object storage: %5\nImage import: %6\nToken valid until %7.")
            .replace("%1", token.user_name).replace("%2", token.domain_name)
            .replace("%3", token.project_name).replace("%4", token.project_id)
            .replace("%5", session.endpoints.object_storage_url)
            .replace("%6", session.endpoints.import_url)
            .replace("%7", token.expires_at.astimezone().strftime("%Y-%m-%d %H:%M")))
        self.completeChanged.emit()
        self._follow_earlier_imports(session)

    def _follow_earlier_imports(self, session: CloudSession) -> None:
        """Imports from earlier runs are followed again as soon as we are signed in: their
        states go to the ledger and a one-line summary joins the sign-in message."""
        from vmdkimport.core.register.ledger import Ledger

        def work(report: object) -> dict[str, int]:
            from vmdkimport.core.register.submit import refresh_open_imports

            ledger = Ledger()
            if not ledger.open_imports():
                return {}
            return refresh_open_imports(session.imports, ledger, project_id=session.project_id,
                                        region=self.plan.profile.region or None, adopt=False)

        def done(counts: object) -> None:
            from vmdkimport.qt.history import summary

            if counts and self.plan.session is session:
                self.message.show_info(self.message.text() + "\n" + summary(counts))

        self.run(work, name="follow-earlier", on_success=done,
                 on_error=lambda exc: None)  # best effort: History shows the details

    def _failed(self, exc: object, account: tuple[str, ...] = (), password: str = "") -> None:
        from vmdkimport.core.errors import AuthenticationFailed

        self._task_running = False
        text = error_text(exc)
        if isinstance(exc, AuthenticationFailed):
            text += "\n" + self._lockout_text(account, self.attempts.failed(account, password))
        self._update_sign_in()
        self.message.show_error(text)
        self.completeChanged.emit()

    def _lockout_text(self, account: tuple[str, ...], failures: int) -> str:
        """Where this session stands towards the service's lockout, after a failure."""
        until = self.attempts.locked_until(account)
        if until is not None:
            return self.tr("That was the 5th failed sign-in: the service has now locked this "
                           "account for 15 minutes, until %1. Until then even the right "
                           "password is rejected.").replace("%1", until.strftime("%H:%M"))
        text = self.tr("Failed sign-ins in this session: %1 of 5.").replace("%1", str(failures))
        if failures == LOCKOUT_ATTEMPTS - 1:
            text += " " + self.tr("Careful: the next failed sign-in locks the account for 15 "
                                  "minutes, even for the right password.")
        return text

    def _closing_session(self) -> None:
        if self.plan.session is not None:
            self.plan.session.close()
        self.plan.session = None
        self._signed_in_as = None

    def _edited(self, *_: object) -> None:
        """Any change after a sign-in means signing in again."""
        if self._signed_in_as is not None and self.profile() != self._signed_in_as:
            self._closing_session()
            self.message.show_info(self.tr("The connection changed: sign in again."))
            self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.plan.session is not None and not self._task_running

    def validatePage(self) -> bool:
        profile = self.plan.profile
        self.settings.save_profile(profile)
        if self.remember.isChecked() and self.remember.isEnabled():
            from vmdkimport.core.cloud import secrets

            try:
                secrets.set_password(secrets.account_key(
                    profile.resolved_identity_url(), profile.domain, profile.username),
                    self.password.text())
            except Exception as exc:  # noqa: BLE001 - a keyring failure must not block
                self.message.show_error(self.tr("The password could not be stored in the "
                                                "keyring: %1").replace("%1", str(exc)))
        return True

    # --- view ----------------------------------------------------------------------------------
    def _region_changed(self, *_: object) -> None:
        custom = self.region.currentData() == CUSTOM
        for widget in self._custom_rows:
            self._form.setRowVisible(widget, custom)

    def _toggle_echo(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                  else QLineEdit.EchoMode.Password)
        self.show_password.setText(self.tr("Hide") if shown else self.tr("Show"))


def _stored_password(profile: ConnectionProfile) -> str | None:
    """The keyring's password for ``profile``; None if none (or the profile is incomplete)."""
    if not (profile.domain and profile.username):
        return None
    from vmdkimport.core.cloud import secrets

    try:
        key = secrets.account_key(profile.resolved_identity_url(), profile.domain,
                                  profile.username)
        return secrets.get_password(key)
    except Exception:  # noqa: BLE001 - an incomplete profile simply has no password
        return None


def _open_import_count() -> int:
    """Imports still converting from earlier runs: the ledger remembers them."""
    from vmdkimport.core.register.ledger import Ledger

    try:
        return len(Ledger().open_imports())
    except Exception:  # noqa: BLE001 - a broken ledger must not stop the wizard
        return 0
