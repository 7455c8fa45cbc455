"""Write outputs whole or not at all: into a temporary file beside the target, then rename."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from suivi_excel.core.errors import SuiviError


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target` in one rename.

    An interrupted or failed write leaves `target` as it was (the previous report
    stays intact). The new file keeps the mode of the one it replaces, or follows the
    umask like any program's output. A target that cannot be written (read-only folder, file open in
    Excel on Windows) stops the command with a clear message, exit code 2.
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=_prefix(target), suffix=f".{os.getpid()}.tmp", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise SuiviError(f"impossible d'écrire dans le dossier « {target.parent} » ({_why(error)}) : "
                         "choisissez un autre dossier avec -o.") from None
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
        _remove_orphans(target)
    except OSError as error:
        raise SuiviError(f"impossible d'écrire « {target} » ({_why(error)}) : fermez le fichier s'il est "
                         "ouvert dans Excel, ou choisissez un autre nom avec -o.") from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else what the
    umask gives a new file (mkstemp's own 0600 would hide a report from colleagues on a
    shared drive)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_umask()


def _umask() -> int:
    # reading the umask means setting it; put it straight back
    current = os.umask(0o022)
    os.umask(current)
    return current


def _prefix(target: Path) -> str:
    return f".{target.stem[:40]}-"


def _remove_orphans(target: Path) -> None:
    """Delete temporary files left beside `target` by writers that were killed.

    Each temporary name ends with its writer's process id; one whose process no
    longer runs is an orphan. Only on POSIX, where signal 0 tests a process.
    """
    if os.name != "posix":
        return
    for leftover in target.parent.glob(f"{_prefix(target)}*.tmp"):
        try:
            pid = int(leftover.name.rsplit(".", 2)[-2])
            os.kill(pid, 0)
        except ProcessLookupError:
            with contextlib.suppress(OSError):
                leftover.unlink()
        except (ValueError, IndexError, PermissionError, OSError):
            continue


def _why(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "accès refusé"
    return error.strerror or type(error).__name__
