"""Korean numbers, dates, ordinals and measures: every example of ``termdesk.ko.numbers`` is a test case."""

from __future__ import annotations

import pytest

from termdesk.ko.numbers import NUMBER_EXAMPLES, format_date, korean_amount, korean_number, measure, ordinal


def _run(func: str, given: str) -> str | None:
    if func == "korean_number":
        return korean_number(int(given))
    if func == "korean_amount":
        return korean_amount(given)
    if func == "format_date":
        if given.startswith("---"):
            return format_date(None, None, int(given[3:]))
        if given.startswith("--"):
            month, day = given[2:].split("-")
            return format_date(None, int(month), int(day))
        parts = given.split("-")
        return format_date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else None)
    if func == "ordinal":
        n, kind = given.split()
        return ordinal(int(n), meeting=kind == "meeting")
    if func == "measure":
        value, unit = given.split(maxsplit=1)
        return measure(value, unit)
    raise AssertionError(func)


@pytest.mark.parametrize(("func", "example"), NUMBER_EXAMPLES, ids=[f"{f}:{e.given}" for f, e in NUMBER_EXAMPLES])
def test_number_examples(func: str, example) -> None:  # type: ignore[no-untyped-def]
    assert _run(func, example.given) == example.korean


@pytest.mark.parametrize(
    "given",
    [
        pytest.param("1.25 thousand people", id="three-words"),
        pytest.param("about", id="not-a-number"),
        pytest.param("1.5", id="fraction-without-scale"),
        pytest.param("2 zillion", id="unknown-scale"),
    ],
)
def test_amount_refuses(given: str) -> None:
    assert korean_amount(given) is None


def test_measure_unknown_unit() -> None:
    assert measure("10", "furlongs") is None
