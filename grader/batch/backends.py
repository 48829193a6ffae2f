"""Where the job processes run: a local process pool (the default), a Dask cluster or a Ray cluster.

Each backend takes the tasks and yields graded cells as they finish, in any order.
The local pool starts ``jobs`` long-lived processes (``spawn``: nothing of the batch's
memory is inherited) that import the grader and torch once each; if the batch stops
early, the pool's processes are terminated, which ends their workers. Dask and Ray
are optional (``pip install 'dl-exam[dask]'`` or ``'dl-exam[ray]'``): without
``--cluster`` they start a local cluster of ``jobs`` single-threaded worker processes;
with it they use a running one, whose machines must have dl-exam installed.
"""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from grader.batch import jobs
from grader.batch.cells import Graded

BACKENDS = ("local", "dask", "ray")


class BackendProblem(Exception):
    """The backend cannot be used, or broke down; one line."""


def check(backend: str) -> None:
    """BackendProblem unless ``backend`` can be used here (its library is installed)."""
    if backend not in BACKENDS:
        raise BackendProblem(f"unknown backend '{backend}' (choose from {', '.join(BACKENDS)})")
    module = {"dask": "dask.distributed", "ray": "ray"}.get(backend)
    if module and importlib.util.find_spec(module.split(".")[0]) is None:
        raise BackendProblem(f"--backend {backend} needs {backend.capitalize()}: pip install 'dl-exam[{backend}]'")


def run(tasks: list[jobs.Task], backend: str, workers: int, cluster: str | None = None) -> Iterator[Graded]:
    """Grade ``tasks`` on ``backend`` with ``workers`` processes; yields each cell as it finishes."""
    check(backend)
    if backend == "local":
        return _local(tasks, workers)
    if backend == "dask":
        return _dask(tasks, workers, cluster)
    return _ray(tasks, workers, cluster)


def _local(tasks: list[jobs.Task], workers: int) -> Iterator[Graded]:
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=jobs.start_local, initargs=(os.getpid(),))
    finished = False
    try:
        futures = [executor.submit(jobs.grade_task, task) for task in tasks]
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                raise BackendProblem("a job process died; the results so far are kept: "
                                     "run the same command again to go on") from None
        finished = True
    finally:
        if not finished:  # interrupted: stop the jobs now rather than after their current task
            for child in multiprocessing.active_children():
                child.terminate()
        executor.shutdown(wait=True, cancel_futures=True)


def _dask(tasks: list[jobs.Task], workers: int, cluster: str | None) -> Iterator[Graded]:
    from dask.distributed import Client, LocalCluster, as_completed

    local = None if cluster else LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                              dashboard_address=None)
    client = Client(cluster or local)
    try:
        futures = [client.submit(jobs.grade_task, task, pure=False) for task in tasks]
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if local is not None:
            local.close()


def _ray(tasks: list[jobs.Task], workers: int, cluster: str | None) -> Iterator[Graded]:
    import ray

    if cluster:
        ray.init(address=cluster)
    else:
        ray.init(num_cpus=workers, include_dashboard=False)
    try:
        grade = ray.remote(num_cpus=1, max_retries=0)(jobs.grade_task)
        pending = [grade.remote(task) for task in tasks]
        while pending:
            done, pending = ray.wait(pending, num_returns=1)
            yield ray.get(done[0])
    finally:
        ray.shutdown()
