"""Edit → Preferences: the rules' defaults that no tab edits in place (`app.preferences`)."""

from decimal import Decimal
from pathlib import Path
from string import Formatter

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app import preferences
from ui import file_dialogs
from ui.tabs.targets import fen_of, money_box
from ui.widgets import add_ok_cancel


class PreferencesDialog(QDialog):
    """One spin box per preference, within its range; `values()` is what the rep set."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        current = preferences.current()
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout(self)
        form.addRow(
            self._line(
                current,
                self.tr("Follow up a lead of tier A after {a} days, B after {b}, C after {c}"),
                a="leads.follow_up_days_a",
                b="leads.follow_up_days_b",
                c="leads.follow_up_days_c",
            )
        )
        form.addRow(
            self._line(
                current,
                self.tr("Close rate over the last {months} full months"),
                months="planning.history_months",
            )
        )
        form.addRow(
            self._line(
                current,
                self.tr("Checkpoints on day {first} and day {second} of the month"),
                first="planning.first_checkpoint",
                second="planning.second_checkpoint",
            )
        )
        form.addRow(
            self._line(
                current,
                self.tr("Key accounts: the top {percent} % of customers by revenue"),
                percent="planning.key_account_percent",
            )
        )
        self.reward = money_box()
        self.reward.setValue(float(Decimal(current["leads.referral_reward_fen"]) / 100))
        self.reward.setMaximumWidth(self.reward.sizeHint().width() + 40)
        form.addRow(self.tr("Reward for a won referral"), self.reward)
        form.addRow(
            self._line(
                current,
                self.tr("or {hours} hours of service instead (0: the money above)"),
                hours="leads.referral_reward_hours",
            )
        )
        form.addRow(
            self._line(
                current,
                self.tr(
                    "Mark a week whose close rate is below {percent} % of the mean "
                    "of the {weeks} weeks before,"
                ),
                percent="dashboard.anomaly_percent",
                weeks="dashboard.anomaly_baseline_weeks",
            )
        )
        form.addRow(
            self._line(
                current,
                self.tr("when it had at least {visits} effective visits"),
                visits="dashboard.anomaly_min_visits",
            )
        )
        form.addRow(self.tr("Also copy each daily backup to"), self._second_folder_line())
        add_ok_cancel(self, form)

    def _second_folder_line(self) -> QWidget:
        """The second backup folder (a USB drive, a synced folder): chosen, or none."""
        line = QWidget()
        layout = QHBoxLayout(line)
        layout.setContentsMargins(0, 0, 0, 0)
        self.folder = QLineEdit()
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(self.tr("(no second folder: backups stay on this computer)"))
        chosen = preferences.second_backup_folder()
        self.folder.setText(str(chosen) if chosen else "")
        self.choose_folder = QPushButton(self.tr("Choose…"))
        self.choose_folder.clicked.connect(self._choose_folder)
        self.no_folder = QPushButton(self.tr("None"))
        self.no_folder.clicked.connect(self.folder.clear)
        for widget in (self.folder, self.choose_folder, self.no_folder):
            layout.addWidget(widget)
        return line

    def _choose_folder(self) -> None:
        folder = file_dialogs.existing_directory(
            self, self.tr("A folder for a second copy of the backups"), self.folder.text()
        )
        if folder:
            self.folder.setText(folder)

    def second_folder(self) -> Path | None:
        return Path(self.folder.text()) if self.folder.text() else None

    def _line(self, current: dict[str, int], text: str, **keys: str) -> QWidget:
        """`text` (translated: its placeholders in the language's order) with a spin box for
        each placeholder, `keys` naming the preference of each."""
        line = QWidget()
        layout = QHBoxLayout(line)
        layout.setContentsMargins(0, 0, 0, 0)
        for words, placeholder, _spec, _conversion in Formatter().parse(text):
            if words.strip():
                layout.addWidget(QLabel(words.strip()))
            if placeholder:
                preference = preferences.PREFERENCES[keys[placeholder]]
                spin = QSpinBox()
                spin.setRange(preference.lowest, preference.highest)
                spin.setValue(current[keys[placeholder]])
                layout.addWidget(spin)
                self.spins[keys[placeholder]] = spin
        layout.addStretch(1)
        return line

    def values(self) -> dict[str, int]:
        values = {key: spin.value() for key, spin in self.spins.items()}
        values["leads.referral_reward_fen"] = fen_of(self.reward)
        return values
