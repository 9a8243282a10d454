"""The cycle collector paused while a build makes its records, and always put back as it was."""
from __future__ import annotations

import gc

import pytest

from gpukg.memory import collector_paused


def test_the_collector_is_off_inside_and_on_again_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_error_inside_puts_the_collector_back():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a bad report")
    assert gc.isenabled()


def test_a_collector_paused_outside_stays_paused_after_an_inner_pause():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # the caller's pause is the caller's to end
    finally:
        gc.enable()
