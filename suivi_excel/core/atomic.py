"""Write outputs whole or not at all: into a temporary file beside the target, then rename."""

from __future__ import annotations

import contextlib
import contextvars
import errno
import gc
import os
import stat
import sys
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path

from suivi_excel.core.errors import SuiviError
from suivi_excel.core.safety import os_reason


# which option of the command line chose each output folder, so that a failed write names the right one
_OPTIONS: contextvars.ContextVar[dict[Path, str]] = contextvars.ContextVar("options", default={})
_OUTPUT_OPTION = "-o"


@contextlib.contextmanager
def chosen_by(options: dict[Path | None, str]) -> Iterator[None]:
    """Within this block, a write that fails in one of these folders names its option (`--par-service`,
    `--corrections`, `--brouillons`…) rather than `-o`."""
    token = _OPTIONS.set({Path(folder).resolve(): option for folder, option in options.items() if folder})
    try:
        yield
    finally:
        _OPTIONS.reset(token)


def _option(folder: Path) -> str:
    return _OPTIONS.get().get(Path(folder).resolve(), _OUTPUT_OPTION)


def ensure_folder(folder: Path) -> None:
    """Create `folder` (and its parents) for an output, as every command does for its `-o`.

    Raises:
        SuiviError: exit code 2, naming the folder and why, when it cannot be created.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SuiviError.of("write-folder", folder=folder, why=os_reason(error), option=_option(folder)) from None


def writable_folder(folder: Path) -> None:
    """Make sure files can be written in `folder` (created if need be) before a command writes anything,
    so that a folder refused half-way does not leave the command's other outputs written.

    Raises:
        SuiviError: exit code 2, naming the folder, why, and the option that chose it.
    """
    ensure_folder(folder)
    try:
        handle, name = tempfile.mkstemp(prefix=".suivi-essai-", dir=folder)
        os.close(handle)
        os.unlink(name)
    except OSError as error:
        raise SuiviError.of("write-folder", folder=folder, why=os_reason(error), option=_option(folder)) from None


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target` in one rename.

    An interrupted or failed write leaves `target` as it was (the previous report
    stays intact). The new file keeps the mode of the one it replaces, or follows the
    umask like any program's output. A target that cannot be written (read-only folder, file open in
    Excel on Windows) stops the command with a clear message, exit code 2.
    """
    target = Path(target)
    ensure_folder(target.parent)
    try:
        handle, name = tempfile.mkstemp(prefix=_prefix(target), suffix=f".{os.getpid()}.tmp", dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise SuiviError.of("write-folder", folder=target.parent, why=os_reason(error),
                            option=_option(target.parent)) from None
    temporary = Path(name)
    try:
        yield temporary
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
        _remove_orphans(target)
    except Exception as error:  # noqa: BLE001 - writers wrap the system's error in their own types
        cause = _os_error(error)
        if cause is None:
            raise
        failure = _failed_write(target, cause)
        _release(error)
        raise failure from None
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


_FULL = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_BUSY = {errno.EACCES, errno.EPERM, errno.EBUSY, getattr(errno, "ETXTBSY", errno.EBUSY)}
# Windows: the file is open in another program (ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION)
_WINDOWS_BUSY = (32, 33)


def _release(error: BaseException) -> None:
    """Close now, quietly, what the failed writer left open: its zip file, only referenced by the
    error's frames, would otherwise try to write again when collected and print a traceback as the
    program ends."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        for inner in (error, error.__cause__, error.__context__):
            if inner is not None and inner.__traceback__ is not None:
                traceback.clear_frames(inner.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _os_error(error: BaseException) -> OSError | None:
    """The system's error behind a failed write: an OSError, or one a writer wrapped (xlsxwriter's
    FileCreateError is not an OSError, it carries one)."""
    if isinstance(error, OSError):
        return error
    for inner in (*getattr(error, "args", ()), error.__cause__, error.__context__):
        if isinstance(inner, OSError):
            return inner
    return None


def _failed_write(target: Path, error: OSError) -> SuiviError:
    """What went wrong writing `target`, and what to do; the previous file is left whole."""
    if error.errno in _FULL:
        code = "write-disk-full"
    elif isinstance(error, PermissionError) or error.errno in _BUSY or getattr(error, "winerror", None) in _WINDOWS_BUSY:
        code = "write-busy"
    else:
        code = "write-failed"
    return SuiviError.of(code, target=target, why=os_reason(error), option=_option(target.parent))


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
