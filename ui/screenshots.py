"""`repdesk screenshots DIR`: the main window on each tab, rendered offscreen to PNG."""

import os
from datetime import date
from pathlib import Path

WINDOW_SIZE = (1280, 800)


def take_screenshots(
    db_path: Path, out_dir, language: str | None = None, as_of: date | None = None
) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import choose_language, create_application
    from ui.main_window import TABS, MainWindow

    application = create_application()
    application.translators.install(choose_language(language))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    window = MainWindow(db_path, as_of=as_of)
    try:
        window.wait_for_daily_backup()
        window.backup_label.clear()  # the same pictures whether a backup was due or not
        window.resize(*WINDOW_SIZE)
        window.show()
        for index, (name, _) in enumerate(TABS):
            window.tabs.setCurrentIndex(index)
            tab = window.tab(index)  # made now, not on the next turn of the event loop
            application.processEvents()
            if hasattr(tab, "ensure_charts"):
                tab.ensure_charts()  # the charts in the picture, whatever the events' order
                application.processEvents()
            window.grab().save(str(out / f"{index + 1:02d}-{name}.png"))
    finally:
        window.release()
    return 0
