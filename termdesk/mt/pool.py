"""Run calls with N threads in flight; results handed back in the order asked for.

Worker threads are daemons, so Ctrl-C (``KeyboardInterrupt`` in the calling
thread) returns at once instead of waiting for requests in flight; the first
error stops the pool and is raised in the calling thread. ``on_done`` is called in
the calling thread (safe for a progress bar), once per finished call, in the order
the calls finish.

:class:`JobPool` keeps one set of workers across batches, so the LLM backend can
have the next article's requests in flight while it waits for this one's;
:func:`map_ordered` is the one-batch shortcut.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class JobPool:
    """``submit`` calls, ``wait`` for the ones you need; ``close`` when done."""

    def __init__(self, jobs: int, *, on_done: Callable[[int], None] | None = None) -> None:
        self.jobs = max(1, jobs)
        self.on_done = on_done
        self._todo: queue.SimpleQueue[tuple[int, Callable[[], Any]] | None] = queue.SimpleQueue()
        self._done: queue.SimpleQueue[tuple[int, Any, BaseException | None]] = queue.SimpleQueue()
        self._results: dict[int, Any] = {}
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._next = 0
        self._errors: dict[int, BaseException] = {}
        self._lock = threading.Lock()
        self._finished = 0

    @property
    def busy(self) -> int:
        """Calls submitted and not finished yet (running or queued)."""
        with self._lock:
            return self._next - self._finished

    def _work(self) -> None:
        while not self._stop.is_set():
            item = self._todo.get()
            if item is None or self._stop.is_set():
                return
            ticket, call = item
            try:
                self._done.put((ticket, call(), None))
            except BaseException as exc:  # handed to the calling thread
                self._done.put((ticket, None, exc))
            with self._lock:
                self._finished += 1

    def submit(self, call: Callable[[], Any]) -> int:
        """Queue ``call``; returns its ticket."""
        ticket = self._next
        self._next += 1
        if len(self._threads) < self.jobs:
            t = threading.Thread(target=self._work, daemon=True, name=f"termdesk-job-{len(self._threads)}")
            self._threads.append(t)
            t.start()
        self._todo.put((ticket, call))
        return ticket

    def wait(self, tickets: Sequence[int]) -> list[Any]:
        """The results of ``tickets``, in that order. Calls outside ``tickets`` that finish meanwhile
        are kept, their errors too: an error is raised by the ``wait`` that asks for that call."""
        wanted = set(tickets)
        try:
            while True:
                failed = [t for t in tickets if t in self._errors]
                if failed:
                    raise self._errors[failed[0]]
                if all(t in self._results for t in wanted):
                    break
                ticket, value, error = self._done.get()
                if error is not None:
                    self._errors[ticket] = error
                    continue
                self._results[ticket] = value
                if self.on_done:
                    self.on_done(ticket)
        except BaseException:
            self.close()
            raise
        return [self._results.pop(t) for t in tickets]

    def close(self) -> None:
        """Stop handing out calls; workers finish the call they are in (they are daemons: nobody waits)."""
        self._stop.set()
        for _ in self._threads:
            self._todo.put(None)


def map_ordered(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    on_done: Callable[[int], None] | None = None,
) -> list[R]:
    """``[fn(x) for x in items]`` with up to ``jobs`` calls running at once."""
    if not items:
        return []
    if jobs <= 1 or len(items) == 1:
        out = []
        for i, item in enumerate(items):
            out.append(fn(item))
            if on_done:
                on_done(i)
        return out
    pool = JobPool(min(jobs, len(items)), on_done=on_done)
    try:
        tickets = [pool.submit(lambda item=item: fn(item)) for item in items]  # type: ignore[misc]
        return pool.wait(tickets)
    finally:
        pool.close()
