"""Render the application icon from its SVG source into the files the platforms want:
PNG (Linux, the window icon), ICO (Windows) and ICNS (macOS).

    python packaging/make_icons.py

Run it after editing resources/icons/repdesk.svg; the outputs are committed next to it.
Qt renders the SVG; Pillow writes the multi-size ICO and ICNS containers.
"""

import io
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)


def render(size: int):
    from PIL import Image
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(ICONS / "repdesk.svg")).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGBA")


def main() -> int:
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - Qt needs it
    images = {size: render(size) for size in SIZES}
    images[256].save(ICONS / "repdesk.png")
    images[256].save(
        ICONS / "repdesk.ico",
        sizes=[(s, s) for s in SIZES if s <= 256],
        append_images=[images[s] for s in SIZES if s < 256],
    )
    images[1024].save(
        ICONS / "repdesk.icns", append_images=[images[s] for s in (16, 32, 64, 128, 256, 512)]
    )
    for name in ("repdesk.png", "repdesk.ico", "repdesk.icns"):
        print(f"{ICONS / name}: {(ICONS / name).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
