"""The segment map: one cell per segment of an upload, coloured by its state.

A 300 GB disk is about 1200 segments of 256 MiB; the map shows at a glance how many are sent,
which are on their way and how many a resumed upload found already there, where a progress bar
only says "41 %". It is drawn with plain QPainter calls, one rectangle per cell (or per group of
segments when there are more than fit), so a repaint costs well under a millisecond.

The upload's events carry counts, not each segment's state, so :meth:`SegmentMap.set_counts`
lays the cells out in the order an upload goes through a disk: those already there first (a
resumed upload's finished prefix), then the ones sent, those in flight, those waiting.
:meth:`SegmentMap.set_states` takes a state per segment for when the events carry one.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent


class CellState(Enum):
    WAITING = "waiting"
    IN_FLIGHT = "in flight"
    SENT = "sent"
    RESUMED = "resumed"  # already on the server: not sent again


#: colours shared with the legend the page shows under the map
COLOURS: dict[CellState, str] = {
    CellState.WAITING: "#d9dde3",
    CellState.IN_FLIGHT: "#f0a30a",
    CellState.SENT: "#2e7d32",
    CellState.RESUMED: "#81c784",
}
#: cell sizes in pixels: the largest that lets every segment fit, never below the smallest
LARGEST_CELL, SMALLEST_CELL, GAP = 18, 4, 1


class SegmentMap(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._states: list[CellState] = []
        self._colours = {state: QColor(colour) for state, colour in COLOURS.items()}
        self.setMinimumSize(120, 60)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # --- the model -----------------------------------------------------------------------------
    def set_counts(self, total: int, *, resumed: int, sent: int, in_flight: int) -> None:
        """The cells from counts, in upload order (see the module's docstring)."""
        resumed = max(0, min(resumed, total))
        sent = max(0, min(sent, total - resumed))
        in_flight = max(0, min(in_flight, total - resumed - sent))
        waiting = total - resumed - sent - in_flight
        self.set_states([CellState.RESUMED] * resumed + [CellState.SENT] * sent
                        + [CellState.IN_FLIGHT] * in_flight + [CellState.WAITING] * waiting)

    def set_states(self, states: Sequence[CellState]) -> None:
        """One state per segment, in segment order; repaints only on a change."""
        if list(states) != self._states:
            self._states = list(states)
            self.update()

    def warm_up(self) -> None:
        """Draw every state once off screen, so the first paint during an upload does not set
        up the painter (see ThroughputGraph.warm_up)."""
        self.set_states(list(CellState))
        self.grab()
        self.clear()

    def cell_states(self) -> list[CellState]:
        return list(self._states)

    def clear(self) -> None:
        self.set_states([])

    # --- drawing -------------------------------------------------------------------------------
    def layout_for(self, count: int) -> tuple[int, int, int]:
        """(cell size, columns, segments per cell) that fit ``count`` segments in the widget."""
        width, height = max(1, self.width()), max(1, self.height())
        per_cell = 1
        while True:
            cells = math.ceil(count / per_cell)
            # the largest square cell such that ceil(cells / columns) rows fit in the height
            size = min(LARGEST_CELL, int(math.sqrt(width * height / max(1, cells))))
            while size > SMALLEST_CELL:
                columns = max(1, width // size)
                if math.ceil(cells / columns) * size <= height:
                    break
                size -= 1
            columns = max(1, width // max(size, 1))
            if size >= SMALLEST_CELL and math.ceil(cells / columns) * size <= height:
                return size, columns, per_cell
            per_cell *= 2

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._states:
            return
        size, columns, per_cell = self.layout_for(len(self._states))
        inner = max(1, size - GAP)
        cells = math.ceil(len(self._states) / per_cell)
        left = (self.width() - min(cells, columns) * size) // 2  # the grid centred across
        painter = QPainter(self)
        try:
            for cell in range(cells):
                group = self._states[cell * per_cell:(cell + 1) * per_cell]
                # a group shows its least advanced segment: "sent" only when all of it is
                state = min(group, key=_ORDER.__getitem__)
                row, column = divmod(cell, columns)
                painter.fillRect(left + column * size, row * size, inner, inner,
                                 self._colours[state])
        finally:
            painter.end()


#: how far along each state is, for a group of segments drawn as one cell
_ORDER = {CellState.WAITING: 0, CellState.IN_FLIGHT: 1, CellState.RESUMED: 2, CellState.SENT: 2}
