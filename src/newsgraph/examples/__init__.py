"""The bundled example articles (see SOURCE.md)."""

from pathlib import Path

EXAMPLES_DIR = Path(__file__).parent


def example_paths() -> list[Path]:
    return sorted(EXAMPLES_DIR.glob("*.txt"))
