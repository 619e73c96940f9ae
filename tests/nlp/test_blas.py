"""The models' matrix products by numpy's BLAS (blas.py): the same products as thinc's, on one thread."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from greatgame.blas import BlasOps, one_thread, use_blas


@pytest.mark.parametrize("trans1,trans2", [(False, False), (True, False), (False, True), (True, True)])
def test_blas_gemm_gives_thincs_product(trans1: bool, trans2: bool) -> None:
    rng = numpy.random.default_rng(0)
    x = rng.standard_normal((7, 5) if not trans1 else (5, 7), dtype=numpy.float32)
    y = rng.standard_normal((5, 3) if not trans2 else (3, 5), dtype=numpy.float32)
    want = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    out = numpy.zeros((7, 3), dtype=numpy.float32)
    into = BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    assert got.shape == want.shape == (7, 3) and got.dtype == numpy.float32
    assert numpy.allclose(got, want, atol=1e-5) and into is out and numpy.allclose(out, want, atol=1e-5)


def test_blas_use_blas_swaps_every_models_ops(coder) -> None:
    models = [proc.model for _, proc in coder.nlp.pipeline if hasattr(proc, "model") and proc.model is not None]
    assert {"tok2vec", "parser", "ner"} <= set(coder.nlp.pipe_names)
    assert all(isinstance(node.ops, BlasOps) for model in models for node in model.walk())
    assert use_blas(coder.nlp) is coder.nlp


def test_blas_one_thread_limits_numpys_blas_inside_the_block_only() -> None:
    def threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}

    before = threads()
    with one_thread():
        assert threads() <= {1}
    assert threads() == before
