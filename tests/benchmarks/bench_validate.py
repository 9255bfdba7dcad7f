"""Validation of a full report must take well under a millisecond."""

from measure import Measurement, median, percentile, timings_ms

from govform.domain.rules import validate
from govform.io.project import load_project
from govform.resources import sample_project


def run() -> list[Measurement]:
    report = load_project(sample_project())
    samples = timings_ms(lambda: validate(report), repeat=2000)
    return [
        Measurement("validate(sample) median", median(samples), "ms", 1.0, "< 1 ms"),
        Measurement("validate(sample) p99", percentile(samples, 0.99), "ms", 1.0, "< 1 ms"),
    ]
