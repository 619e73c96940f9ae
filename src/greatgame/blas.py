"""The spaCy models' dense layers multiplied by numpy's BLAS (OpenBLAS) instead of thinc's blis.

Nearly half of the models' time is matrix products (tok2vec's maxout layers, the parser's and the entity
recogniser's input layers). thinc hands them to blis; the OpenBLAS that numpy ships picks kernels for
the CPU it runs on (AVX-512 where there is one) and multiplies the same float32 matrices about a
third faster. Each product is still one call on one thread: `one_thread()` keeps OpenBLAS from
spreading a product over threads that would compete with the pool's other workers (and spin, adding
CPU time). The transition loops of the parser and the recogniser keep thinc's own BLAS.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

import numpy
from spacy.language import Language
from thinc.api import Model, NumpyOps
from threadpoolctl import ThreadpoolController

__all__ = ["BlasOps", "one_thread", "use_blas"]


class BlasOps(NumpyOps):
    """thinc's CPU operations, with matrix products by numpy.matmul."""

    def gemm(self, x, y, out=None, trans1: bool = False, trans2: bool = False):  # noqa: ANN001, ANN201
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


def use_blas(nlp: Language) -> Language:
    """Give every model of the pipeline's components BlasOps (where they run on thinc's numpy ops)."""
    ops = BlasOps()
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return nlp


@lru_cache(maxsize=1)
def _controller() -> ThreadpoolController:
    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """numpy's BLAS on one thread, for the time of the block."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
