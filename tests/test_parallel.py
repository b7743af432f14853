"""addin.parallel: results in order, and the cycle collector's thresholds raised only while a batch runs."""

import gc
import os

import pytest

from addin.parallel import BATCH_GC_THRESHOLD, fewer_collections, map_in_order


def _seen_by_worker(item: int) -> tuple[int, int, int]:
    return item, os.getpid(), gc.get_threshold()[0]


@pytest.fixture
def default_thresholds():
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_a_batch_raises_the_threshold_in_every_process_and_restores_it(default_thresholds):
    results = list(map_in_order(_seen_by_worker, range(8), jobs=2))
    assert [item for item, _, _ in results] == list(range(8))
    assert {pid for _, pid, _ in results} - {os.getpid()}, "the items ran in forked workers"
    assert {threshold for _, _, threshold in results} == {BATCH_GC_THRESHOLD}
    assert gc.get_threshold() == (700, 10, 10)


def test_one_process_batch_restores_the_threshold_even_when_an_item_fails(default_thresholds):
    def failing(item):
        assert gc.get_threshold()[0] == BATCH_GC_THRESHOLD
        raise ValueError(item)

    with pytest.raises(ValueError):
        list(map_in_order(failing, [1], jobs=1))
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_set_by_the_host_is_kept(default_thresholds):
    gc.set_threshold(BATCH_GC_THRESHOLD * 5, 3, 4)
    with fewer_collections():
        assert gc.get_threshold() == (BATCH_GC_THRESHOLD * 5, 3, 4)
    assert gc.get_threshold() == (BATCH_GC_THRESHOLD * 5, 3, 4)


def test_an_abandoned_batch_restores_the_threshold(default_thresholds):
    batch = map_in_order(_seen_by_worker, range(3), jobs=1)
    next(batch)
    assert gc.get_threshold()[0] == BATCH_GC_THRESHOLD
    batch.close()
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_batches_restore_the_thresholds_from_before_the_first(default_thresholds):
    # The add-in server runs requests on threads: batches may end in any order.
    first, second = fewer_collections(), fewer_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold()[0] == BATCH_GC_THRESHOLD, "the second batch still runs"
    second.__exit__(None, None, None)
    assert gc.get_threshold() == (700, 10, 10)
