"""What a defect of the tool itself does: a short French message, the details in a file, exit code 3.

A user's mistake or a bad file is a `SuiviError` (exit 2) or an anomaly. Anything else that
escapes a command is a defect of suivi-excel: the coordinator is told so in one sentence and
where the details were written (a file in the user's cache folder, never the screen, which would
frighten and say nothing useful), so that they can be sent to whoever maintains the tool.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
import tempfile
import traceback
from pathlib import Path

import click

from suivi_excel import __version__
from suivi_excel.cli.errors import UserFailure
from suivi_excel.core.errors import EXIT_DEFECT, SuiviError
from suivi_excel.core.messages import ERRORS
from suivi_excel.core.messages.commands import DEFECT_LABEL


class ToolDefect(click.ClickException):
    """An unexpected exception, reported as a defect of the tool (exit code 3)."""

    exit_code = EXIT_DEFECT

    def __init__(self, details: Path | None) -> None:
        super().__init__(ERRORS["tool-defect"].format(details=details) if details
                         else ERRORS["tool-defect-no-details"])

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(click.style(DEFECT_LABEL, fg="red", bold=True) + self.format_message(), err=True)


def details_folder() -> Path:
    """Where defect reports go: the user's cache folder (per platform), else the temporary folder."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "suivi-excel"


def write_details(error: BaseException, argv: list[str]) -> Path | None:
    """Write what a maintainer needs (version, platform, command, traceback); the path, or None."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = (f"suivi-excel {__version__} — Python {platform.python_version()} — {platform.platform()}\n"
            f"date : {dt.datetime.now().isoformat(timespec='seconds')}\n"
            f"commande : suivi-excel {' '.join(argv)}\n\n"
            + "".join(traceback.format_exception(type(error), error, error.__traceback__)))
    for folder in (details_folder(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"defaut-{stamp}-{os.getpid()}.txt"
            path.write_text(text, encoding="utf-8")
            return path
        except OSError:
            continue
    return None


class GuardedGroup(click.Group):
    """The top-level command group: a `SuiviError` becomes click's exception with its exit code, and
    any exception a command did not expect becomes a ToolDefect."""

    def invoke(self, ctx: click.Context):
        # what was typed after the program's name (click 8.2 renamed protected_args)
        typed = ctx._protected_args if hasattr(ctx, "_protected_args") else ctx.protected_args
        argv = [*typed, *ctx.args]
        for index, word in enumerate(argv[:-1]):
            if word == "--mot-de-passe":
                argv[index + 1] = "***"  # a protection password is not written anywhere
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # the output was piped into a program that stopped reading (`| head`):
            quiet = os.open(os.devnull, os.O_WRONLY)  # not a defect; nothing more is written anywhere
            os.dup2(quiet, sys.stdout.fileno())
            raise click.exceptions.Exit(0) from None
        except SuiviError as error:  # the library's own failure: shown as click shows its own
            raise UserFailure(error) from None
        except (KeyboardInterrupt, SystemExit, GeneratorExit):
            raise
        except BaseException as error:  # noqa: BLE001 - the net under every command (a native reader's
            raise ToolDefect(write_details(error, argv)) from None  # panic is a BaseException too)
