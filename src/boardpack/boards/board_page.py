"""The board page: the board, its people, what it oversees, its meetings and the cycle's steps."""

from __future__ import annotations

from datetime import date
from typing import Any

from boardpack.boards.models import Board
from boardpack.boards.presenters import cycle_steps, pack_order_text
from boardpack.boards.selectors import board_meetings, board_plans, board_selections


def board_context(board: Board, *, manage: bool, today: date) -> dict[str, Any]:
    """What the page shows of the board; `manage` when the user may change it."""
    meetings = list(board_meetings(board))
    return {
        "board": board,
        "manage": manage,
        "members": board.members.order_by("name"),
        "plans": board_plans(board),
        "selections": board_selections(board),
        "meetings": meetings,
        "next": next((m for m in meetings if m.date >= today), None),
        "steps": cycle_steps(meetings[0].dates) if meetings else [],
        "pack_order": pack_order_text(board.pack_order),
    }
