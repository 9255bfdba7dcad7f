import pytest

from govform.io.files import write_atomically


def test_replaces_in_one_step_and_keeps_a_backup(tmp_path):
    path, backup = tmp_path / "a.txt", tmp_path / "a.txt.bak"
    write_atomically(path, lambda out: out.write(b"first"), backup=backup)
    assert path.read_bytes() == b"first" and not backup.exists()
    write_atomically(path, lambda out: out.write(b"second"), backup=backup)
    assert path.read_bytes() == b"second" and backup.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "a.txt.bak"]


def test_a_failing_writer_leaves_the_file_and_no_temporary(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"kept")

    def half_then_fail(out):
        out.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        write_atomically(path, half_then_fail)
    assert path.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]
