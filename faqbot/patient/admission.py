"""Admission for answers served outside Gradio's queue: a few at a time, a bounded wait, "busy" beyond it.

The patient page answers with one plain HTTP request per question (Gradio's `queue=False` path: measured
~15 ms p50 against ~26 ms through the queue's two-request event stream). That path has no concurrency limit of
its own, so this gate supplies one. Waiting costs no thread: a question waits on an asyncio semaphore in the
server's event loop and only then runs in a worker thread.

Usage (inside the server's event loop)::

    gate = Admission(running=2, waiting=64)
    try:
        reply = await gate.run(chat.reply, message, topic)
    except Busy:
        ...  # tell the patient to try again
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

import anyio.to_thread

T = TypeVar("T")


class Busy(Exception):
    """More questions are running and waiting than the gate admits."""


class Admission:
    def __init__(self, running: int, waiting: int) -> None:
        if running < 1 or waiting < 0:
            raise ValueError(f"running must be >= 1 and waiting >= 0, got {running}, {waiting}")
        self.running = running
        self.waiting = waiting
        self._inside = 0  # running + waiting; only touched from the event loop, so no lock is needed
        self._slots: asyncio.Semaphore | None = None

    @property
    def inside(self) -> int:
        return self._inside

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(*args)` in a worker thread once a slot is free; `Busy` at once if the wait is already full."""
        if self._inside >= self.running + self.waiting:
            raise Busy(f"{self._inside} questions already running or waiting")
        if self._slots is None:  # made in the event loop that uses it
            self._slots = asyncio.Semaphore(self.running)
        self._inside += 1
        try:
            async with self._slots:
                return await anyio.to_thread.run_sync(fn, *args)
        finally:
            self._inside -= 1
