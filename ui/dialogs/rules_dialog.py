"""The lifecycle calendar's Rules… dialog: each touchpoint rule on or off with its timing, and
the festivals that get greetings."""

from PySide6.QtWidgets import QCheckBox, QDialog, QFormLayout, QHBoxLayout, QSpinBox

from app import lifecycle
from app.labels import label
from ui.widgets import add_ok_cancel


class RulesDialog(QDialog):
    """Each rule on or off, with its timing; the festivals that get greetings."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Touchpoint rules"))
        rules = lifecycle.rules()
        form = QFormLayout(self)
        self.switches, self.timings = {}, {}
        units = {"days": self.tr(" days"), "months": self.tr(" months")}
        for kind, rule in rules.items():
            row = QHBoxLayout()
            switch = QCheckBox(label("event", kind))
            switch.setChecked(rule["on"])
            row.addWidget(switch, 1)
            self.switches[kind] = switch
            for unit in ("days", "months"):
                if unit in rule:
                    spin = QSpinBox()
                    spin.setRange(0, 120)
                    spin.setValue(rule[unit])
                    spin.setSuffix(units[unit])
                    row.addWidget(spin)
                    self.timings[kind] = (unit, spin)
            form.addRow(row)
        self.festivals = {}
        festivals = QHBoxLayout()
        for name, caption in (
            ("spring_festival", self.tr("Spring Festival")),
            ("dragon_boat", self.tr("Dragon Boat")),
            ("mid_autumn", self.tr("Mid-Autumn")),
            ("new_year", self.tr("New Year")),
            ("national_day", self.tr("National Day")),
        ):
            box = QCheckBox(caption)
            box.setChecked(name in rules["holiday_greeting"]["holidays"])
            festivals.addWidget(box)
            self.festivals[name] = box
        form.addRow(self.tr("Greet at"), festivals)
        add_ok_cancel(self, form)

    def values(self) -> dict:
        rules = {}
        for kind, switch in self.switches.items():
            rules[kind] = {"on": switch.isChecked()}
            if kind in self.timings:
                unit, spin = self.timings[kind]
                rules[kind][unit] = spin.value()
        rules["holiday_greeting"]["holidays"] = [
            name for name, box in self.festivals.items() if box.isChecked()
        ]
        return rules
