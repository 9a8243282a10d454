"""Work done in a forked copy of this process, on the second core.

For work that reads a large part of this process's memory (a resolved graph) and returns bytes:
a forked child sees that memory as it is, where a worker process would need it pickled over,
which costs more than the work. Only on Linux (macOS forbids forking once some of its system
libraries are loaded; Windows has no fork), and only while no other thread runs (a lock another
thread held when the process was copied stays held in the child). Elsewhere, and when the child
cannot be started or fails, the work is done here.
"""
from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable


def available() -> bool:
    """Whether work can be forked here and now (Linux, two cores or more, no other thread running)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and (os.cpu_count() or 1) > 1 \
        and threading.active_count() == 1


def forked(make: Callable[[], bytes]) -> Callable[[], bytes]:
    """Start ``make`` in a forked child now; the function returned waits for its bytes.

    If the child fails (killed for memory, or an error it prints), ``make`` runs here instead,
    so the result never depends on how it was made."""
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or no process left for a copy
        os.close(reader)
        os.close(writer)
        return make
    if pid == 0:  # the child: write the bytes, and leave without running this process's exit handlers
        status = 1
        try:
            # Ctrl-C is the parent's to report; a child left behind ends when it finds the pipe closed
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            os.close(reader)
            with os.fdopen(writer, "wb") as pipe:
                pipe.write(make())
            status = 0
        except BrokenPipeError:
            pass
        except BaseException:
            traceback.print_exc()
        finally:
            os._exit(status)
    os.close(writer)

    def result() -> bytes:
        with os.fdopen(reader, "rb") as pipe:
            data = pipe.read()  # read before waiting: the child blocks until its bytes are taken
        _, status = os.waitpid(pid, 0)
        return data if status == 0 else make()

    return result
