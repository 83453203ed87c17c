"""peak_rss_mb: one conversion for every report and bench (MB of 10^6 bytes)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quotegraph.memory import peak_rss_mb


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status (Linux)")
def test_peak_rss_is_the_kernels_high_water_mark_in_megabytes():
    status = Path("/proc/self/status").read_text()
    hwm_kib = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")))
    # The kernel's figure is in KiB; MB here are 10^6 bytes, so 1,000 KiB is 1.024 MB, not 1.
    assert peak_rss_mb() == pytest.approx(hwm_kib * 1024 / 1e6, abs=2.0)


def test_peak_rss_is_positive_and_plausible():
    mb = peak_rss_mb()
    assert mb is None or 5 < mb < 100_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="getrusage's children figure (Linux)")
def test_children_is_the_largest_waited_for_child():
    # A fresh process (this one has waited for others) runs a child that touches 300 MB: that
    # child's peak, not its own, is what `children` reports.
    code = ("import subprocess, sys; from quotegraph.memory import peak_rss_mb; "
            "subprocess.run([sys.executable, '-c', 'b = bytearray(300_000_000)'], check=True); "
            "print(peak_rss_mb(children=True))")
    mb = float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
    assert 300 < mb < 300 + 100
