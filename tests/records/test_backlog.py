"""Questions the patient page could not store yet reach staff through a small file each process rewrites in place."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from faqbot.records.backlog import SIZE, BacklogFile, banner, waiting
from tests.conftest import ROOT

DEAD_PID = 2**22 + 12345  # above Linux's pid_max: never a running process


def test_a_process_s_count_and_error_are_read_back_and_cleared_once_stored(tmp_path):
    backlog = BacklogFile(tmp_path)
    assert waiting(tmp_path) == [] and banner(tmp_path) == ""
    backlog.report(3, "The database could not be used (database or disk is full)")
    [held] = waiting(tmp_path)
    assert (held.pid, held.unsaved) == (os.getpid(), 3) and "disk is full" in held.error
    text = banner(tmp_path)
    assert text.startswith("**3 patient questions could not be stored yet**") and "disk is full" in text
    assert "MB free" in text and str(tmp_path.resolve()) in text
    backlog.report(0)
    assert waiting(tmp_path) == [] and banner(tmp_path) == ""
    backlog.close()
    assert not backlog.path.exists()


def test_the_file_is_rewritten_in_place_so_saying_so_needs_no_new_space_on_a_full_disk(tmp_path):
    backlog = BacklogFile(tmp_path)
    backlog.report(7, "x" * 5000)  # a long error is cut, never a bigger file
    assert backlog.path.stat().st_size == SIZE
    # a process that may not make any file bigger than SIZE bytes (as on a full disk) still reports
    script = textwrap.dedent(f"""
        import resource, signal
        from pathlib import Path
        from faqbot.records.backlog import BacklogFile
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, ({SIZE}, {SIZE}))
        backlog = BacklogFile.__new__(BacklogFile)
        backlog.path = Path({str(backlog.path)!r})
        backlog.report(12, "disk full")
        try:
            Path({str(tmp_path / "big")!r}).write_bytes(b"x" * {SIZE + 1})
        except OSError:
            print("no room for more")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "no room for more", done.stderr  # the limit holds ...
    assert waiting(tmp_path)[0].unsaved == 12  # ... and the report got through


def test_the_files_of_processes_that_are_gone_are_removed_and_not_shown(tmp_path):
    stale = BacklogFile(tmp_path, pid=DEAD_PID)
    stale.report(40, "disk full")
    assert waiting(tmp_path) == [] and not stale.path.exists()
