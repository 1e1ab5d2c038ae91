"""The admission gate of the patient page: a few answers at a time, a bounded wait, busy beyond it."""

import asyncio
import threading

import pytest

from faqbot.patient.admission import Admission, Busy


def test_no_more_than_the_running_limit_run_at_once_and_the_rest_wait_their_turn():
    gate = Admission(running=2, waiting=10)
    lock = threading.Lock()
    now = [0]
    most = [0]

    def work(n: int) -> int:
        with lock:
            now[0] += 1
            most[0] = max(most[0], now[0])
        threading.Event().wait(0.02)
        with lock:
            now[0] -= 1
        return n

    async def main():
        return await asyncio.gather(*(gate.run(work, n) for n in range(8)))

    assert asyncio.run(main()) == list(range(8))
    assert most[0] == 2 and gate.inside == 0


def test_a_question_beyond_running_plus_waiting_is_refused_at_once_and_the_others_are_answered():
    gate = Admission(running=1, waiting=1)
    release = threading.Event()

    async def main():
        first = asyncio.ensure_future(gate.run(release.wait, 5))
        second = asyncio.ensure_future(gate.run(lambda: "second"))
        while gate.inside < 2:
            await asyncio.sleep(0.005)
        with pytest.raises(Busy):
            await gate.run(lambda: "third")
        release.set()
        return await first, await second

    assert asyncio.run(main()) == (True, "second")
    assert gate.inside == 0


def test_a_failing_answer_frees_its_place():
    gate = Admission(running=1, waiting=0)

    def fail():
        raise RuntimeError("boom")

    async def main():
        with pytest.raises(RuntimeError):
            await gate.run(fail)
        return await gate.run(lambda: "next")

    assert asyncio.run(main()) == "next"


def test_limits_must_make_sense():
    with pytest.raises(ValueError, match="running must be >= 1"):
        Admission(running=0, waiting=5)
