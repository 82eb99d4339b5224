"""A list in a dossier (people, questions to ask, interview days): a table whose keys ask
the screen to add, edit, remove or move the highlighted item."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable

from tui.widgets.table_fit import FitTable


class ItemTable(FitTable):
    """Posts `ItemTable.Requested(table, action, key)`; the screen decides what it means."""

    HELP_TITLE = "Lists in a dossier (people, questions, interview days)"
    BINDINGS = [
        Binding("a", "request('add')", "Add", id="item_table.add", tooltip="Add an item"),
        Binding("e", "request('edit')", "Edit", id="item_table.edit",
                tooltip="Edit the highlighted item"),
        Binding("delete,x", "request('remove')", "Remove", id="item_table.remove",
                tooltip="Remove the highlighted item (asks first)"),
        Binding("shift+up", "request('up')", "Move up", id="item_table.up", show=False,
                tooltip="Move the highlighted item up"),
        Binding("shift+down", "request('down')", "Move down", id="item_table.down", show=False,
                tooltip="Move the highlighted item down"),
    ]

    @dataclass
    class Requested(Message):
        table: ItemTable
        action: str  # add | edit | remove | up | down
        key: str | None  # the highlighted row's key

        @property
        def control(self) -> ItemTable:
            return self.table

    def __init__(self, *, movable: bool = False, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)
        self.movable = movable

    def action_request(self, action: str) -> None:
        if action in ("up", "down") and not self.movable:
            return
        key = self.cursor_key()
        if action != "add" and key is None:
            return
        self.post_message(self.Requested(self, action, key))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "request" and parameters and parameters[0] in ("up", "down"):
            return self.movable
        return True

    @on(DataTable.RowSelected)
    def _row_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on a row edits it."""
        event.stop()
        self.post_message(self.Requested(self, "edit", event.row_key.value))
