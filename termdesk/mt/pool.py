"""Run a function over items with N threads in flight; results in input order.

Worker threads are daemons, so Ctrl-C (``KeyboardInterrupt`` in the calling
thread) returns at once instead of waiting for requests in flight; the first
error stops handing out new items and is raised in the calling thread.
``on_done`` is called in the calling thread (safe for a progress bar).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_ordered(
    fn: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    on_done: Callable[[int], None] | None = None,
) -> list[R]:
    """``[fn(x) for x in items]`` with up to ``jobs`` calls running at once."""
    n = len(items)
    if n == 0:
        return []
    if jobs <= 1 or n == 1:
        out = []
        for i, item in enumerate(items):
            out.append(fn(item))
            if on_done:
                on_done(i)
        return out
    todo: queue.SimpleQueue[int] = queue.SimpleQueue()
    for i in range(n):
        todo.put(i)
    done: queue.SimpleQueue[tuple[int, object, BaseException | None]] = queue.SimpleQueue()
    stop = threading.Event()

    def work() -> None:
        while not stop.is_set():
            try:
                i = todo.get_nowait()
            except queue.Empty:
                return
            try:
                done.put((i, fn(items[i]), None))
            except BaseException as exc:  # handed to the calling thread
                done.put((i, None, exc))

    threads = [threading.Thread(target=work, daemon=True, name=f"termdesk-job-{k}") for k in range(min(jobs, n))]
    for t in threads:
        t.start()
    results: list[object] = [None] * n
    try:
        for _ in range(n):
            i, value, error = done.get()
            if error is not None:
                raise error
            results[i] = value
            if on_done:
                on_done(i)
    finally:
        stop.set()
    return results  # type: ignore[return-value]
