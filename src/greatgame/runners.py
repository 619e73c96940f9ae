"""Where partitions are coded: this process (inline), a local process pool, or a Dask cluster.

A pool is started only when there is work for it: `run_partitions` codes inline when fewer than
MIN_PARTITIONS_FOR_WORKERS tasks (chunks of partitions, see runs.py) are to be run, since a worker
pays for loading the NLP pipeline (1-2 s) before its first document.
Every runner is a `concurrent.futures` executor underneath (Dask's through `Client.get_executor`),
so one loop (`run_tasks`) drives them all: a bounded number of tasks in flight while the input is
still being read, results handled in the order they finish, every failure handed back.
"""

from __future__ import annotations

import concurrent.futures as cf
import itertools
import logging
import multiprocessing as mp
import os
import re
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

__all__ = ["MIN_PARTITIONS_FOR_WORKERS", "RETRIES", "Runner", "SchedulerError", "inline_runner", "local_runner",
           "open_runner", "quiet_worker", "run_partitions", "run_tasks", "task_results"]

# A failed task runs again this many times before its documents are recorded as errors.
RETRIES = 2
# Fewer partitions to code than this, and a local pool is not started: the work runs inline.
MIN_PARTITIONS_FOR_WORKERS = 2
_ADDRESS = re.compile(r"^[a-z][a-z0-9+]*://\S+$")
T = TypeVar("T")


class SchedulerError(Exception):
    """A scheduler that cannot be reached or was lost; the message is one line for the user."""


class InlineExecutor(cf.Executor):
    """Runs each task in this process when it is submitted (one worker, no pool to start)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> cf.Future:
        future: cf.Future = cf.Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # handed back through the future, as a pool would
            future.set_exception(exc)
        return future


@dataclass
class Runner:
    """An executor and what the user should know about it."""

    executor: cf.Executor
    workers: int
    where: str
    kind: str = "inline"  # inline, pool or dask
    dashboard: str | None = None
    retries: int = RETRIES  # retries done by run_tasks; 0 where Dask retries the task itself
    client: Any = None
    _make: Callable[[], cf.Executor] | None = field(default=None, repr=False)

    @property
    def window(self) -> int:
        """Tasks to keep in flight: enough to keep every worker busy, few enough to bound memory."""
        if self.kind == "inline":
            return 1  # a task runs when submitted: hand each back (to be committed) before coding the next
        workers = self.workers
        if self.client is not None:
            self.check()
            try:  # workers come and go: ask the scheduler how many threads there are now
                workers = max(1, sum(self.client.nthreads().values()))
            except (OSError, TimeoutError):
                pass
        return 2 * workers + 2

    def submit(self, fn: Callable[..., Any], *args: Any) -> cf.Future:
        try:
            return self.executor.submit(fn, *args)
        except BrokenProcessPool:
            # A pool process died (out of memory, killed): start a fresh pool for what is left.
            assert self._make is not None
            self.executor.shutdown(wait=False, cancel_futures=True)
            self.executor = self._make()
            return self.executor.submit(fn, *args)
        except RuntimeError as exc:
            self.check()
            raise SchedulerError(str(exc)) from exc

    def check(self) -> None:
        """SchedulerError if the Dask client has lost its scheduler."""
        if self.client is not None and self.client.status not in ("running", "connecting", "newly-created"):
            raise SchedulerError(f"lost the Dask scheduler at {self.client.scheduler.address} "
                                 f"({self.client.status})")


def quiet_worker(parent: int) -> None:
    """Pool initializer: a worker whose parent process is gone (killed) exits at once, quietly.

    A watcher thread looks for the parent every second and ends the process without a word; a result
    written to the parent's closed pipe before then ends it by SystemExit (no traceback is printed
    for that) rather than by a BrokenPipeError traceback.
    """
    signal.signal(signal.SIGPIPE, _parent_gone)
    threading.Thread(target=_watch_parent, args=(parent,), name="greatgame-parent-watch", daemon=True).start()


def _parent_gone(signum: int, frame: object) -> None:
    raise SystemExit(1)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(1.0)
        if not _alive(parent):
            os._exit(1)


def _alive(pid: int) -> bool:
    """Whether the process runs: a killed parent that its own parent has not reaped yet is a zombie,
    which signal 0 still finds; and the pool's forkserver stays until every worker is gone."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # the pid is in use by a process of another user: not our parent, but not gone either
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except (OSError, IndexError):
        return True  # no /proc (macOS): signal 0 is all there is


def _pool(workers: int) -> cf.Executor:
    # The coder is not fork-safe once loaded; fresh processes load it once each.
    method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    return cf.ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method), initializer=quiet_worker,
                                  initargs=(os.getpid(),))


def inline_runner() -> Runner:
    """Code in this process, each task as it is submitted."""
    return Runner(InlineExecutor(), 1, "this process")


@contextmanager
def local_runner(workers: int) -> Iterator[Runner]:
    """A pool of `workers` processes (this process for one) that starts afresh when a process dies."""
    if workers <= 1:
        yield inline_runner()
        return
    runner = Runner(_pool(workers), workers, f"{workers} local processes", "pool", _make=lambda: _pool(workers))
    try:
        yield runner
    finally:
        runner.executor.shutdown(wait=True, cancel_futures=True)


def _dashboard(client: Any) -> str | None:
    try:
        return client.dashboard_link
    except (KeyError, AttributeError, TypeError):  # a scheduler started without a dashboard
        return None


@contextmanager
def _dask(scheduler: str, workers: int, wait: float) -> Iterator[Runner]:
    from distributed import Client, LocalCluster  # lazily: Dask loads only when asked for


    cluster = client = None
    try:
        if scheduler == "local":
            with warnings.catch_warnings():
                # Another cluster has port 8787: Dask takes another, and the user is told which.
                warnings.filterwarnings("ignore", message="Port .* is already in use")
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, set_as_default=False)
            if workers > 0:
                client.wait_for_workers(workers, timeout=wait)
    except (OSError, TimeoutError, ValueError) as exc:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
        what = "start a local Dask cluster" if scheduler == "local" else f"reach the Dask scheduler at {scheduler}"
        detail = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise SchedulerError(f"cannot {what}: {detail}") from None
    try:
        count = len(client.nthreads())
        where = f"Dask scheduler at {client.scheduler.address}, {count} worker{'s' if count != 1 else ''}"
        # Dask retries a failed task itself, and reschedules one whose worker died.
        yield Runner(client.get_executor(retries=RETRIES, pure=False), max(count, 1), where, "dask",
                     _dashboard(client), retries=0, client=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextmanager
def open_runner(scheduler: str | None, workers: int, wait: float = 120.0) -> Iterator[Runner]:
    """A runner: None codes in this process or a local pool of `workers`; 'local' starts a Dask cluster
    of `workers` processes; an address (tcp://HOST:PORT) connects to a running one (waiting up to
    `wait` seconds for `workers` workers when that is more than 0). SchedulerError if it cannot."""
    if scheduler is None:
        with local_runner(workers) as runner:
            yield runner
        return
    if scheduler != "local" and not _ADDRESS.match(scheduler):
        raise SchedulerError(f"{scheduler!r} is not a scheduler address: expected local or tcp://HOST:PORT")
    with _dask(scheduler, workers, wait) as runner:
        yield runner


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def task_results(
    runner: Runner, fn: Callable[..., T], jobs: Iterable[tuple[Any, tuple[Any, ...]]],
) -> Iterator[tuple[Any, T | None, str | None]]:
    """Run fn(*args) for each (tag, args) of `jobs` on the runner; yield (tag, result, None) for each
    task done and (tag, None, reason) for each that failed for good, in the order they finish.

    `jobs` is consumed lazily, a few tasks ahead of the workers, so the input need not fit in memory.
    A failed task is retried `runner.retries` times here (Dask retries on its own): a pool process
    that dies (killed, out of memory) fails every task it held with BrokenProcessPool, the pool
    starts afresh, and those tasks run again; a task that still fails is yielded with its reason.
    """
    pending: dict[cf.Future, tuple[Any, tuple[Any, ...], int]] = {}
    order: dict[cf.Future, int] = {}  # futures finished together are handled in the order submitted
    counter = itertools.count()
    todo = iter(jobs)
    more = True

    def submit(tag: Any, args: tuple[Any, ...], attempt: int) -> None:
        future = runner.submit(fn, *args)
        pending[future] = (tag, args, attempt)
        order[future] = next(counter)

    try:
        while True:
            while more and len(pending) < runner.window:
                job = next(todo, None)
                if job is None:
                    more = False
                    break
                submit(*job, 0)
            if not pending:
                return
            done, _ = cf.wait(list(pending), timeout=5.0, return_when=cf.FIRST_COMPLETED)
            if not done:
                runner.check()
            for future in sorted(done, key=order.__getitem__):
                tag, args, attempt = pending.pop(future)
                del order[future]
                try:
                    result = future.result()
                except cf.CancelledError as exc:
                    runner.check()
                    yield tag, None, _one_line(exc) or "cancelled"
                except Exception as exc:
                    if attempt < runner.retries:
                        time.sleep(0.1 * (attempt + 1))
                        submit(tag, args, attempt + 1)
                    else:
                        runner.check()
                        yield tag, None, _reason(exc, attempt)
                else:
                    yield tag, result, None
    finally:
        for future in pending:
            future.cancel()


def _reason(exc: BaseException, attempt: int) -> str:
    if isinstance(exc, BrokenProcessPool):
        tries = f" ({attempt + 1} attempts)" if attempt else ""
        return f"the worker process running it died (killed, or out of memory){tries}"
    return _one_line(exc)


def run_tasks(
    runner: Runner,
    fn: Callable[..., T],
    jobs: Iterable[tuple[Any, tuple[Any, ...]]],
    on_done: Callable[[Any, T], None],
    on_failed: Callable[[Any, str], None],
) -> None:
    """`task_results` with callbacks: every result to `on_done`, every failure (with its reason) to `on_failed`."""
    for tag, result, error in task_results(runner, fn, jobs):
        if error is None:
            on_done(tag, result)  # type: ignore[arg-type]
        else:
            on_failed(tag, error)


def run_partitions(
    runner: Runner | int | None,
    fn: Callable[..., T],
    jobs: Iterable[tuple[Any, tuple[Any, ...]]],
    on_done: Callable[[Any, T], None],
    on_failed: Callable[[Any, str], None],
) -> Runner:
    """run_tasks on `runner`: an open Runner, or a number of local processes (None: this process).

    A local pool is started only if at least MIN_PARTITIONS_FOR_WORKERS jobs come; otherwise the jobs
    run inline. Returns the runner that ran them (its `kind` says which).
    """
    if isinstance(runner, Runner):
        run_tasks(runner, fn, jobs, on_done, on_failed)
        return runner
    todo = iter(jobs)
    head = list(itertools.islice(todo, MIN_PARTITIONS_FOR_WORKERS))
    workers = (runner or 1) if len(head) >= MIN_PARTITIONS_FOR_WORKERS else 1
    with local_runner(workers) as chosen:
        run_tasks(chosen, fn, itertools.chain(head, todo), on_done, on_failed)
    return chosen
