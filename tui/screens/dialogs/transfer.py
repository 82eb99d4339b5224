"""Import a program spreadsheet (CSV) and export programs (CSV, iCalendar, Markdown) from
inside the app. The work runs in a worker; a bad file is explained and changes nothing."""

from __future__ import annotations

from datetime import UTC
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Button, Input, Select, Static

from dossiers.csv_io import CsvImportError, import_csv, plan_import, read_csv_file
from tui.context import AppContext
from tui.practice.user_zone import user_zone
from tui.screens.dialogs.base import Dialog
from tui.store.backup import BackupError, automatic_backup
from tui.store.database import retry_locked
from tui.store.files import UnsafePathError, WriteError, atomic_write

FORMATS = {"csv": ("Spreadsheet (CSV)", ".csv"), "ics": ("Calendar (iCalendar)", ".ics"),
           "md": ("Dossiers to print (Markdown)", ".md")}


def _expand(text: str) -> Path:
    return Path(text.strip()).expanduser()


class ImportDialog(Dialog[str | None]):
    """Asks for a CSV file and imports it; returns the summary, or None if cancelled."""

    HELP_TITLE = "Import dialog"
    TITLE = "Import programs from a spreadsheet (CSV)"
    SUB_TITLE = "enter import · escape cancel"

    def __init__(self, ctx: AppContext) -> None:
        super().__init__()
        self.ctx = ctx

    def compose_body(self) -> ComposeResult:
        yield Static(Content("Columns such as Program, City, State, Interview Date, Start Time, "
                             "Time Zone, Platform, Link. Importing again updates; nothing is "
                             "erased."), classes="dialog-hint")
        path = Input(placeholder="~/Documents/programs.csv", id="import-path")
        path.border_title = "CSV file"
        yield path

    def compose_buttons(self) -> ComposeResult:
        yield Button("Import", variant="primary", id="go")
        yield Button("Cancel", id="cancel")

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        text = self.query_one("#import-path", Input).value
        if not text.strip():
            self.show_error("Type the path of the CSV file.")
            return
        self.show_error("Importing…")
        self._import(_expand(text))

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def _import(self, path: Path) -> None:
        try:
            text = read_csv_file(path)
            plan_import(text, str(path), today=self.ctx.now().date())
            automatic_backup(self.ctx.db_path, "pre-import")
            report = self.ctx.writer.submit(
                lambda db: retry_locked(lambda: import_csv(db, text, str(path),
                                                           today=self.ctx.now().date()))
            ).result()
        except (CsvImportError, BackupError, WriteError) as error:
            # A bad file, or no room for the backup taken first: said, nothing imported.
            self.app.call_from_thread(self.show_error, str(error))
            return
        self.app.call_from_thread(self.dismiss, report.summary())


class ExportDialog(Dialog[str | None]):
    """Chooses a format and a file, writes it (0600, atomically); returns where."""

    HELP_TITLE = "Export dialog"
    SUB_TITLE = "enter export · escape cancel"

    def __init__(self, ctx: AppContext, *, fmt: str = "csv", program_id: int | None = None,
                 program_name: str = "") -> None:
        super().__init__()
        self.ctx, self.fmt, self.program_id, self.program_name = ctx, fmt, program_id, program_name
        # The title is plain text: a program's name is never read as markup.
        self.title = f"Export {program_name}" if program_id else "Export every program"

    def _default_path(self, fmt: str) -> str:
        from tui.practice.exports import file_stem

        # One program's file is named for it: every dossier under one name invited
        # replacing the last one.
        stem = file_stem(self.program_name) if self.program_id else "matchprep-programs"
        return str(Path("~") / f"{stem}{FORMATS[fmt][1]}")

    def compose_body(self) -> ComposeResult:
        fmt = Select([(label, key) for key, (label, _) in FORMATS.items()],
                     allow_blank=False, value=self.fmt, id="export-format", classes="labelled")
        fmt.border_title = "Format"
        yield fmt
        path = Input(self._default_path(self.fmt), id="export-path")
        path.border_title = "File"
        yield path

    def compose_buttons(self) -> ComposeResult:
        yield Button("Export", variant="primary", id="go")
        yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        old = Path(path.value)
        if old.suffix in {ext for _, ext in FORMATS.values()}:
            path.value = str(old.with_suffix(FORMATS[str(event.value)][1]))

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def _go(self) -> None:
        text = self.query_one("#export-path", Input).value
        if not text.strip():
            self.show_error("Type where to write the file.")
            return
        self._export(str(self.query_one("#export-format", Select).value), _expand(text))

    def _ask_replace(self, fmt: str, path: Path) -> None:
        from tui.screens.dialogs.confirm import ConfirmDialog

        def answered(replace: bool | None) -> None:
            if replace:
                self._export(fmt, path, replace=True)
            else:
                self.query_one("#export-path", Input).focus()

        self.app.push_screen(ConfirmDialog(
            f"Replace {path}?", "A file of that name is there already; the export takes its "
            "place and what it holds now is lost. Keep it to choose another name.",
            yes="Replace", title="The file exists"), answered)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _export(self, fmt: str, path: Path, *, replace: bool = False) -> None:
        from tui.practice.exports import export_text

        ids = [self.program_id] if self.program_id else None
        if not replace and path.exists() and not path.is_symlink():  # a link: refused below
            self.app.call_from_thread(self._ask_replace, fmt, path)
            return
        try:
            with self.ctx.reader() as db:
                data = export_text(db, fmt, ids, zone=user_zone(db),
                                   now=self.ctx.now().astimezone(UTC))
            atomic_write(path, data)
        except (UnsafePathError, WriteError, OSError) as error:
            message = str(error) if isinstance(error, (UnsafePathError, WriteError)) else \
                f"{path} cannot be written ({error.strerror or error})."
            self.app.call_from_thread(self.show_error, message)
            return
        self.app.call_from_thread(self._done, path)

    def _done(self, path: Path) -> None:
        self.app.notify(f"Wrote {path}", markup=False)
        self.dismiss(str(path))
