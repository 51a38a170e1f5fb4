"""Monthly review 月度复盘: results, process (with the automatic readings) and ability; PDCA
items carried into next month; the case journal; the PDF, its preview and printing.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import db, review
from app.errors import UserError
from app.i18n import message
from app.labels import label
from app.money import format_fen, format_percent, format_yuan
from app.workdays import month_of, shift_month
from ui import file_dialogs
from ui import operations as changes
from ui.dialogs.case_dialog import CaseDialog
from ui.operations import review as ops
from ui.tabs.base import Tab
from ui.widgets import button_row, month_bar, push_buttons, title_label


class ReviewTab(Tab):
    watches = frozenset(
        (
            changes.REVIEW,
            changes.TARGETS,
            changes.CUSTOMERS,
            changes.ORDERS,
            changes.ACTIVITIES,
            changes.CHANNELS,
            changes.SETTINGS,
        )
    )

    def __init__(self, main_window):
        super().__init__(main_window)
        self.month = month_of(main_window.as_of)
        self.page.addLayout(self._build_bar())
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("page")
        grid = QGridLayout(body)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setSpacing(12)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll.setWidget(body)
        self.page.addWidget(scroll, 1)
        self.results = self._rich_label()
        self.process = self._rich_label()
        grid.addWidget(
            self._card(self.tr("1. Results: completion and where the gap is"), self.results), 0, 0
        )
        grid.addWidget(
            self._card(self.tr("2. Process: were the actions effective?"), self.process), 0, 1
        )
        grid.addWidget(self._build_texts(), 1, 0, 1, 2)
        grid.addWidget(self._build_pdca(), 2, 0)
        grid.addWidget(self._build_journal(), 2, 1)
        self.refresh()

    def _build_bar(self) -> QHBoxLayout:
        """◀ month ▶, the rep's name on the report, and the PDF buttons."""
        bar, self.heading = month_bar(self.show_month)
        bar.addStretch(1)
        self.rep_name = QLineEdit()
        self.rep_name.setPlaceholderText(self.tr("Your name on the report"))
        self.rep_name.setAccessibleName(self.tr("Your name on the report"))
        self.rep_name.setMaximumWidth(180)
        self.rep_name.editingFinished.connect(lambda: self.save_rep_name())
        self.rep_name_label = QLabel(self.tr("Rep on the report:"))
        self.rep_name_label.setBuddy(self.rep_name)
        bar.addWidget(self.rep_name_label)
        bar.addWidget(self.rep_name)
        for button in push_buttons(
            (self.tr("Export PDF…"), self.export_pdf),
            (self.tr("Print preview…"), self.print_preview),
            (self.tr("Print…"), self.print_review),
        ):
            bar.addWidget(button)
        return bar

    @staticmethod
    def _rich_label() -> QLabel:
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        return label

    def _build_texts(self) -> QFrame:
        """3. Ability and the rep's own review: six text boxes and Save."""
        texts = QFrame()
        texts.setObjectName("card")
        form = QGridLayout(texts)
        form.addWidget(
            title_label(self.tr("3. Ability and your own review"), "sectionTitle"), 0, 0, 1, 2
        )
        self.texts = {}
        for index, (key, caption) in enumerate(
            (
                ("results", self.tr("Results")),
                ("process", self.tr("Process")),
                ("ability", self.tr("Ability: shortcomings")),
                ("improvement_plan", self.tr("Improvement plan")),
                ("kept_methods", self.tr("Kept as method")),
                ("dropped_methods", self.tr("Dropped")),
            )
        ):
            edit = QPlainTextEdit()
            edit.setPlaceholderText(caption)
            edit.setAccessibleName(caption)
            edit.setFixedHeight(58)
            self.texts[key] = edit
            form.addWidget(edit, 1 + index // 2, index % 2)
        save = QPushButton(self.tr("Save review"))
        save.clicked.connect(lambda _checked=False: self.save_texts())
        form.addWidget(save, 4, 1, Qt.AlignmentFlag.AlignRight)
        return texts

    def _build_pdca(self) -> QFrame:
        """The PDCA items of the month, with their buttons."""
        pdca = QFrame()
        pdca.setObjectName("card")
        pdca_layout = QVBoxLayout(pdca)
        pdca_layout.addWidget(title_label(self.tr("PDCA"), "sectionTitle"))
        self.pdca = QTableWidget(0, 3)
        self.pdca.setHorizontalHeaderLabels([self.tr("Phase"), self.tr("Item"), self.tr("Status")])
        self.pdca.horizontalHeader().setStretchLastSection(False)
        self.pdca.horizontalHeader().setSectionResizeMode(
            1, self.pdca.horizontalHeader().ResizeMode.Stretch
        )
        self.pdca.verticalHeader().hide()
        self.pdca.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.pdca.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.pdca.setMinimumHeight(150)
        pdca_layout.addWidget(self.pdca)
        pdca_layout.addLayout(
            button_row(
                (self.tr("Add item…"), self.add_pdca),
                (self.tr("Done"), lambda: self.set_pdca_status("done")),
                (self.tr("Drop"), lambda: self.set_pdca_status("dropped")),
                (self.tr("Carry open items into next month"), self.carry_forward),
            )
        )
        return pdca

    def _build_journal(self) -> QFrame:
        """The case journal: the month's cases, the case to export and its buttons."""
        journal = QFrame()
        journal.setObjectName("card")
        journal_layout = QVBoxLayout(journal)
        journal_layout.addWidget(
            title_label(self.tr("Case journal (weekly sales meeting)"), "sectionTitle")
        )
        self.cases = self._rich_label()
        self.cases.setAlignment(Qt.AlignmentFlag.AlignTop)
        journal_layout.addWidget(self.cases, 1)
        self.case_pick = QComboBox()
        self.case_pick.setAccessibleName(self.tr("Case to export"))
        journal_layout.addWidget(self.case_pick)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in push_buttons(
            (self.tr("Add a case…"), self.add_case),
            (self.tr("Case as PDF…"), self.export_case),
            (self.tr("Month's cases as a handout…"), self.export_handout),
        ):
            row.addWidget(button)
        journal_layout.addLayout(row)
        return journal

    def _card(self, caption: str, content: QLabel) -> QFrame:
        frame = QFrame()
        frame.setObjectName("card")
        layout = QVBoxLayout(frame)
        layout.addWidget(title_label(caption, "sectionTitle"))
        content.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(content, 1)
        return frame

    # -- showing ----------------------------------------------------------------------------
    def show_month(self, step: int) -> None:
        self.month = shift_month(self.month, step)
        self.refresh()

    def save_rep_name(self) -> None:
        self.main.perform(ops.set_rep_name(self.rep_name.text().strip()))

    def refresh(self) -> None:
        self.rep_name.setText(db.get_setting(review.REP_NAME_SETTING) or "")
        data = review.build(self.month, self.main.as_of)
        self.data = data
        self.heading.setText(self.tr("Review of {month}").format(month=self.month))
        actual = data.actual
        revenue = format_yuan(actual.revenue_fen)
        if data.target_fen:
            headline = self.tr(
                "Revenue {actual} of {target}: <b>{completion}</b> complete, gap {gap}"
            ).format(
                actual=revenue,
                target=format_yuan(data.target_fen),
                completion=format_percent(data.completion),
                gap=format_yuan(data.gap_fen),
            )
        else:
            headline = self.tr(
                "Revenue {actual}: no target for this month, so no completion or gap "
                "(set one on the Targets tab)"
            ).format(actual=revenue)
        lines = [headline]
        for line in data.lines:
            lines.append(
                self.tr("{product} {customer_type}: {actual} of {plan}").format(
                    product=line.product,
                    customer_type=line.customer_type,
                    actual=format_yuan(line.actual_fen),
                    plan=format_yuan(line.plan_fen),
                )
            )
        if data.channels:
            lines.append(self.tr("By channel, this month against last:"))
            lines += [
                f"· {name}: {format_yuan(now)} / {format_yuan(before)}"
                for name, now, before in data.channels
            ]
        self.results.setText("<br>".join(lines))
        process = [
            self.tr("Effective visits {actual} against {expected} expected so far").format(
                actual=actual.effective_visits, expected=f"{float(data.expected_visits):.0f}"
            ),
            self.tr("Close rate {rate} (last 3 months {history})").format(
                rate=format_percent(data.close_rate), history=format_percent(data.history_rate)
            ),
            self.tr("Average order {actual} (plan {plan})").format(
                actual=format_fen(data.average_order), plan=format_fen(data.plan_average)
            ),
            self.tr("Effective leads {count}").format(count=actual.effective_leads),
        ]
        process += [f"<b>{message(review.READINGS[key])}</b>" for key in data.readings]
        self.process.setText("<br>".join(process))
        stored = data.stored
        for key, edit in self.texts.items():
            edit.setPlainText(getattr(stored, key) if stored else "")
        self.items = review.pdca_items(stored) if stored else []
        self.pdca.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            status = label("item", item.status)
            if item.carried_forward:
                status += " → " + self.tr("next month")
            for column, text in enumerate((label("pdca", item.phase), item.text, status)):
                self.pdca.setItem(row, column, QTableWidgetItem(text))
        self.pdca.resizeColumnToContents(0)
        self.pdca.resizeColumnToContents(2)
        cases = review.cases(self.month)
        kinds = {"win": self.tr("Win"), "lesson": self.tr("Lesson")}
        self.cases.setText(
            "<br>".join(
                f"<b>{c.date.isoformat()} {kinds.get(c.kind, c.kind)}</b> {c.title}"
                + (f" — {c.customer.name}" if c.customer_id else "")
                for c in cases
            )
            or self.tr("No cases this month yet.")
        )
        self.case_pick.clear()
        for c in cases:
            self.case_pick.addItem(f"{c.date.isoformat()} {c.title}", c.id)

    # -- changing ---------------------------------------------------------------------------
    def save_texts(self) -> None:
        texts = {key: edit.toPlainText() for key, edit in self.texts.items()}
        self.main.perform(ops.save_texts(self.month, texts))

    def add_pdca(self, phase: str | None = None, text: str | None = None) -> None:
        if phase is None:
            names = [label("pdca", p) for p in review.PHASES]
            picked, ok = QInputDialog.getItem(
                self, self.tr("PDCA"), self.tr("Phase"), names, 0, False
            )
            if not ok:
                return
            phase = review.PHASES[names.index(picked)]
            text, ok = QInputDialog.getText(self, self.tr("PDCA"), self.tr("Item"))
            if not ok or not text.strip():
                return
        self.main.perform(ops.add_pdca(self.month, phase, text))

    def set_pdca_status(self, status: str) -> None:
        rows = self.pdca.selectionModel().selectedRows()
        if not rows:
            return
        self.main.perform(ops.set_pdca_status(self.items[rows[0].row()].id, status))

    def carry_forward(self) -> list[int]:
        created = self.main.perform(ops.carry_forward(self.month, self.main.as_of)) or []
        self.main.statusBar().showMessage(
            self.tr("{count} open items are tasks for next month now.").format(count=len(created)),
            8000,
        )
        return created

    def add_case(self, values: dict | None = None) -> None:
        if values is None:
            dialog = CaseDialog(self, self.main.as_of)
            if not dialog.exec() or dialog.values() is None:
                return
            values = dialog.values()
        self.main.perform(ops.add_case(values))

    # -- cases as PDF ----------------------------------------------------------------------
    def export_case(self) -> Path | None:
        """The chosen case as a one-page PDF, opened once written."""
        case_id = self.case_pick.currentData()
        if case_id is None:
            QMessageBox.information(self, self.tr("Case"), self.tr("No cases this month yet."))
            return None
        from app.case_pdf import write_case

        return self._write_case_file(
            self.tr("Export the case"),
            f"repdesk-case-{case_id}.pdf",
            lambda path: write_case(case_id, path),
        )

    def export_handout(self) -> Path | None:
        """The month's cases as a handout for the sales meeting, opened to print."""
        from app.case_pdf import write_handout

        return self._write_case_file(
            self.tr("The month's cases as a handout"),
            f"repdesk-cases-{self.month}.pdf",
            lambda path: write_handout(self.month, path),
        )

    def _write_case_file(self, title: str, name: str, write) -> Path | None:
        path = file_dialogs.save_file_name(self, title, str(Path.home() / name), "PDF (*.pdf)")
        if not path:
            return None
        try:
            written = write(Path(path))
        except (OSError, UserError) as error:  # a full disk, the database's own name…
            QMessageBox.warning(self, title, str(error))
            return None
        self.main.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return written

    # -- the PDF ---------------------------------------------------------------------------
    def write_pdf(self, path: Path) -> Path | None:
        """Write the PDF on a worker thread (its own database connection) while the window
        stays responsive behind a progress dialog."""
        import time
        from concurrent.futures import ThreadPoolExecutor

        from PySide6.QtCore import QEventLoop
        from PySide6.QtWidgets import QApplication, QProgressDialog

        progress = QProgressDialog(self.tr("Writing the monthly review…"), None, 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        with ThreadPoolExecutor(max_workers=1) as pool:
            future = pool.submit(_write_report_in_worker, self.month, self.main.as_of, path)
            while not future.done():
                QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
                time.sleep(0.01)
        progress.close()
        try:
            return future.result()
        except (OSError, UserError) as error:  # a full disk, the database's own name…
            QMessageBox.warning(self, self.tr("Monthly review"), str(error))
            return None

    def export_pdf(self) -> None:
        path = file_dialogs.save_file_name(
            self,
            self.tr("Export the monthly review"),
            str(Path.home() / f"repdesk-review-{self.month}.pdf"),
            "PDF (*.pdf)",
        )
        if path and self.write_pdf(Path(path)):
            self.main.statusBar().showMessage(self.tr("Saved {path}").format(path=path), 8000)
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def _temporary_pdf(self) -> Path | None:
        import tempfile

        folder = Path(tempfile.mkdtemp(prefix="repdesk-"))
        return self.write_pdf(folder / f"review-{self.month}.pdf")

    def print_review(self, printer=None) -> bool:
        """Print the same pages as the PDF (the system print dialog unless a printer is
        given)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        pdf = self._temporary_pdf()
        if pdf is None:
            return False
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        return print_pdf(pdf, printer)

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        pdf = self._temporary_pdf()
        if pdf is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(lambda target: print_pdf(pdf, target))
        dialog.exec()


def _write_report_in_worker(month: str, as_of: date, path: Path) -> Path:
    from app.report_pdf import write_report

    try:
        return write_report(month, as_of, path)
    finally:
        db.close_thread_connection()  # this thread's own connection


def print_pdf(pdf: Path, printer) -> bool:
    """Paint each page of the PDF (rendered by PDFium) onto the printer's pages."""
    import pypdfium2
    from PySide6.QtGui import QImage, QPageSize, QPainter

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            dpi = min(printer.resolution(), 300)
            for index in range(len(document)):
                if index:
                    printer.newPage()
                bitmap = document[index].render(scale=dpi / 72)
                array = bitmap.buffer
                width, height = bitmap.width, bitmap.height
                image = QImage(
                    array,
                    width,
                    height,
                    bitmap.stride,
                    QImage.Format.Format_BGR888
                    if bitmap.n_channels == 3
                    else QImage.Format.Format_ARGB32,
                ).copy()
                target = painter.viewport()
                scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), scaled.width(), scaled.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
        finally:
            painter.end()
    finally:
        document.close()
    return True
