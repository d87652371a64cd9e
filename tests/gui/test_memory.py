"""The kiosk runs for weeks: a finished task, and a finished sale, must leave nothing alive.

PySide6 can keep Python objects alive where Python's garbage collector cannot see them (a
thread pool's references to the runnables it was given, a Qt object's connections to lambdas
that capture it), so these tests check what is still alive after a full collection."""

from __future__ import annotations

import gc
import weakref
from collections import Counter
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent

from kiosk.ui import tasks
from kiosk.ui.main_window import KioskWindow

from .conftest import click, log_in, tile


class Work:
    """A task's work; it, its result and its handlers are objects of their own, so that a
    weak reference tells whether anything still holds them."""

    def __init__(self, fail: bool) -> None:
        self.fail = fail

    def __call__(self) -> Result:
        if self.fail:
            raise Failure()
        return Result()


class Result:
    pass


class Failure(Exception):
    pass


class Handler:
    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, _value: object) -> None:
        self.calls += 1


def collect() -> None:
    """What the event loop would have deleted by now, then a full collection."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_a_finished_task_leaves_its_work_handlers_and_result_to_the_collector(
    qtbot, ctx, monkeypatch
) -> None:
    # The failure's traceback holds the task's frames; pytest's log capture would keep the
    # record (and so the traceback) until the end of the test. The kiosk's log file does not.
    monkeypatch.setattr(tasks.log, "disabled", True)
    runner = ctx.runner
    alive: list[weakref.ref[Any]] = []
    calls: list[tuple[Handler, Handler]] = []

    def watch(thing: Any) -> Any:
        alive.append(weakref.ref(thing))
        return thing

    for fail in (False, True) * 10:  # one after the other, as a sale's tasks mostly run
        done, failed = watch(Handler()), watch(Handler())
        calls.append((done, failed))
        runner.run(
            watch(Work(fail)),
            lambda result, done=done: done(watch(result)),
            lambda error, failed=failed: failed(watch(error)),
        )
        qtbot.waitUntil(lambda: runner.busy == 0)
    del done, failed
    assert [(done.calls, failed.calls) for done, failed in calls] == [(1, 0), (0, 1)] * 10
    del calls
    collect()
    assert len(alive) == 20 * 4  # the work, both handlers, the result or the error
    still = Counter(type(ref()).__name__ for ref in alive if ref() is not None)
    assert not still, f"alive after the tasks finished: {dict(still)}"


def sell_one(qtbot, window: KioskWindow) -> None:
    """A cash sale of the same basket each time, so that each builds the same widgets."""
    if window.current_screen_name() == "idle":
        click(qtbot, window.idle)
    click(qtbot, tile(window, "Bagea kenari 100 g"))
    click(qtbot, window.selling.buyer.public)
    click(qtbot, window.selling.pay)
    quick = window.payment.quick
    exact = f"quick_{window.ctx.session.total}"
    buttons = [quick.itemAt(i).widget() for i in range(quick.count())]
    click(qtbot, next(b for b in buttons if b is not None and b.objectName() == exact))
    with qtbot.waitSignal(window.ctx.session.committed):
        click(qtbot, window.payment.confirm)
    assert window.current_screen_name() == "success"
    click(qtbot, window.success.done)
    qtbot.waitUntil(lambda: window.ctx.runner.busy == 0)  # the receipt's status too


def alive_now() -> tuple[Counter[str], Counter[str]]:
    """After a collection: Qt objects that have a Python side, and the objects the collector
    tracks, by type. Weak references are left out: sqlite3 keeps one to each cursor it made
    and drops the dead ones only every 200 cursors, which makes their count saw up and down."""
    collect()
    wrappers = Counter(type(wrapper).__name__ for wrapper in shiboken6.getAllValidWrappers())
    objects = Counter(
        type(thing).__name__ for thing in gc.get_objects() if type(thing) is not weakref.ref
    )
    return wrappers, objects


@pytest.mark.no_qt_log  # pytest-qt would keep a record of every Qt message
def test_sales_through_the_window_leave_nothing_behind(qtbot, window) -> None:
    log_in(qtbot, window)
    results: list[weakref.ref[Any]] = []
    window.ctx.session.committed.connect(lambda outcome: results.append(weakref.ref(outcome)))
    for _ in range(3):  # the first sales fill caches and build what is built once
        sell_one(qtbot, window)
    wrappers_before, objects_before = alive_now()
    sales = 8
    for _ in range(sales):
        sell_one(qtbot, window)
    wrappers_after, objects_after = alive_now()

    assert wrappers_after == wrappers_before, (
        f"Qt objects left behind by {sales} sales: {dict(wrappers_after - wrappers_before)}"
    )
    # Before the fix each sale left ~40 objects behind (the tasks' closures, cells and
    # QObjects); caches may still take a few, never one a sale.
    grown = objects_after.total() - objects_before.total()
    assert grown < sales, f"{grown} more objects: {(objects_after - objects_before).most_common(8)}"
    # The success screen keeps the last sale's outcome (Cetak ulang), none of the others.
    assert len(results) == 3 + sales
    assert [ref() is None for ref in results[:-1]] == [True] * (len(results) - 1)
