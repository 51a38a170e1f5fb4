"""The data-safety tests kill every named mutation of the code they guard (tests/mutations.py).

Slow: each mutation runs its tests on a mutated copy of the tree (about ten seconds each).
"""

import pytest

from tests import mutations


@pytest.mark.slow
@pytest.mark.parametrize("mutation", mutations.MUTATIONS, ids=lambda m: m.name)
def test_the_tests_kill_the_mutation(mutation):
    dead, output = mutations.killed(mutation)
    assert dead, f"the tests pass with '{mutation.name}':\n{output}"


def test_every_mutation_still_applies_to_the_code(tmp_path):
    """Each names text that is in its file exactly once (the code moved: update it)."""
    for mutation in mutations.MUTATIONS:
        target = tmp_path / mutation.file
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text((mutations.ROOT / mutation.file).read_text(encoding="utf-8"))
        mutations.apply(mutation, tmp_path)
        assert mutation.find not in target.read_text(encoding="utf-8"), mutation.name
