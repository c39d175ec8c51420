"""The throughput graph: the upload's rate over the whole transfer, drawn with plain QPainter.

A rate that sags after lunch or drops to zero during a VPN reconnect is what an administrator
needs to see to decide whether to let a 300 GB upload run overnight; a number that changes every
second does not show it. PySide6-Essentials has no QtCharts, and a chart is not needed: one
filled polyline.

The whole transfer stays on screen at a fixed cost: the graph keeps at most :data:`MAX_POINTS`
points and, when they are full, merges neighbours pairwise (halving the time resolution), so a
ten-hour upload costs the same memory and repaint time as a ten-second one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from vmdkimport.core.units import format_duration, format_size

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

#: the most points kept; more are merged in pairs
MAX_POINTS = 256
LINE, FILL, GRID, TEXT = "#1565c0", "#bbdefb", "#e0e0e0", "#555555"


class ThroughputGraph(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[tuple[float, float]] = []  # (seconds since the start, bytes/s)
        self._start: float | None = None
        self.setMinimumSize(160, 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # --- the model -----------------------------------------------------------------------------
    def add(self, when: float, rate: float) -> None:
        """A rate (bytes/s) measured at ``when`` (seconds, any monotonic clock)."""
        if self._start is None:
            self._start = when
        self._points.append((when - self._start, max(0.0, rate)))
        if len(self._points) > MAX_POINTS:
            pairs = zip(self._points[0::2], self._points[1::2], strict=False)
            merged = [(b[0], (a[1] + b[1]) / 2) for a, b in pairs]
            if len(self._points) % 2:
                merged.append(self._points[-1])
            self._points = merged
        self.update()

    def warm_up(self) -> None:
        """Draw a sample once, off screen, and forget it: the painter types, the pen and the
        glyphs are set up now (the page is built while the user is on page 1) instead of in
        the first paint during the upload, where it showed as a 10-15 ms GUI-thread stall."""
        self.add(0.0, 1.0)
        self.add(1.0, 2.0)
        self.grab()
        self.clear()

    def points(self) -> list[tuple[float, float]]:
        return list(self._points)

    def clear(self) -> None:
        self._points.clear()
        self._start = None
        self.update()

    # --- drawing -------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            metrics = painter.fontMetrics()
            top = metrics.height() + 2  # room for the peak, above the plot
            bottom = self.height() - 1
            width = self.width() - 1
            painter.setPen(QPen(QColor(GRID)))
            painter.drawLine(0, bottom, width, bottom)
            painter.drawLine(0, top, width, top)
            if not self._points:
                return
            span = max(self._points[-1][0], 1.0)
            peak = max(rate for _, rate in self._points) or 1.0
            height = bottom - top
            line = QPolygonF([QPointF(t / span * width, bottom - r / peak * height)
                              for t, r in self._points])
            area = QPolygonF(line)
            area.append(QPointF(line.last().x(), bottom))
            area.append(QPointF(line.first().x(), bottom))
            painter.setPen(QPen(QColor(0, 0, 0, 0)))
            painter.setBrush(QColor(FILL))
            painter.drawPolygon(area)
            painter.setPen(QPen(QColor(LINE), 2))
            painter.drawPolyline(line)
            painter.setPen(QPen(QColor(TEXT)))
            baseline = metrics.ascent()
            painter.drawText(2, baseline, self.tr("peak %1/s").replace("%1", format_size(peak)))
            elapsed = format_duration(self._points[-1][0])
            painter.drawText(width - metrics.horizontalAdvance(elapsed) - 2, baseline, elapsed)
        finally:
            painter.end()
