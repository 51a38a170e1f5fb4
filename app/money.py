"""Money is kept in integer fen (分); these helpers are the only way in and out of yuan.
Rates (completion, conversion, close rate) are shown by `format_percent`."""

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction

FEN_PER_YUAN = 100


def yuan_to_fen(yuan: Decimal | int | str) -> int:
    """Exact conversion of a yuan amount with at most two decimals to fen."""
    try:
        value = Decimal(str(yuan))
    except InvalidOperation as exc:
        raise ValueError(f"not an amount: {yuan!r}") from exc
    fen = value * FEN_PER_YUAN
    if fen != fen.to_integral_value():
        raise ValueError(f"more than two decimals: {yuan!r}")
    return int(fen)


def fen_to_yuan(fen: int) -> Decimal:
    """Fen as an exact Decimal of yuan (84000.5 yuan for 8400050 fen)."""
    return Decimal(fen) / FEN_PER_YUAN


def fen_to_json(fen: int) -> float:
    """Fen as a JSON number of yuan; exact to the fen for any realistic amount."""
    return float(fen_to_yuan(fen))


def format_yuan(fen: int) -> str:
    """¥84,000.50 — the display form used in tables and reports."""
    sign = "-" if fen < 0 else ""
    return f"{sign}¥{abs(fen_to_yuan(fen)):,.2f}"


def round_fen(amount: Fraction | int) -> int:
    """An exact amount of fen (a ratio such as an average order) to the nearest fen, halves
    up."""
    return math.floor(Fraction(amount) + Fraction(1, 2))


def format_fen(amount: Fraction | int | None) -> str:
    """An exact amount of fen shown to the fen (`—` for none): ¥33,115.39."""
    return "—" if amount is None else format_yuan(round_fen(amount))


def format_percent(rate) -> str:
    """A rate (Fraction, Decimal or float) as shown in tables, cards and reports: 12.5%
    (`—` for none, e.g. a rate with a zero denominator)."""
    return "—" if rate is None else f"{float(rate) * 100:.1f}%"
