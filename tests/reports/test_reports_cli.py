"""``crm-desktop report`` and ``invoice``: exit status, one clear line, never a partial file."""

from __future__ import annotations

from pathlib import Path

import pytest

from crm_desktop.cli import main
from crm_desktop.errors import CancelledError, CrmError
from crm_desktop.reports import xlsx
from crm_desktop.reports.generate import generate_report


def run(db: Path, *args: str) -> int:
    """The exit status, as the shell sees it (argparse exits with 2 on usage errors)."""
    try:
        return main(["--db", str(db), *args])
    except SystemExit as exc:
        return int(exc.code or 0)


def one_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert err, "expected a message on stderr"
    assert "Traceback" not in "\n".join(err)
    return err[-1]


def test_report_writes_each_format(known, db_path, tmp_path, capsys):
    for name in ("r.pdf", "r.xlsx", "r.csv"):
        assert run(db_path, "report", "sales", "--from", "2026-03-01", "--to", "2026-03-31",
                   "--by", "week", "-o", str(tmp_path / name)) == 0  # fmt: skip
        assert (tmp_path / name).stat().st_size > 0
    assert "Wrote" in capsys.readouterr().out
    assert run(db_path, "invoice", "T-mar15", "-o", str(tmp_path / "i.pdf")) == 0
    assert (tmp_path / "i.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "status", "message"),
    [
        (["report", "sales", "--from", "2026-02-30", "-o", "{out}/x.pdf"], 2, "not a date"),
        (["report", "sales", "--from", "yesterday", "-o", "{out}/x.pdf"], 2, "not a date"),
        (["report", "sales", "--from", "2026-04-01", "--to", "2026-03-01", "-o", "{out}/x.pdf"],
         1, "--from 2026-04-01 is after --to 2026-03-01"),
        (["report", "sales", "-o", "{out}/x.docx"], 1, "end the file name with .pdf, .xlsx or .csv"),
        (["report", "sales", "-o", "{out}/missing/x.pdf"], 1, "does not exist"),
        (["report", "sales", "-o", "{out}/afile/x.pdf"], 1, "does not exist"),
        (["report", "sales", "-o", "{out}"], 1, "is a folder"),
        (["report", "everything", "-o", "{out}/x.pdf"], 2, "invalid choice"),
        (["report", "sales", "--by", "year", "-o", "{out}/x.pdf"], 2, "invalid choice"),
        (["invoice", "NO-SUCH", "-o", "{out}/i.pdf"], 1, "no invoice or order number 'NO-SUCH'"),
        (["invoice", "T-mar01", "-o", "{out}/i.xlsx"], 1, "an invoice is a PDF"),
        (["report", "sales"], 2, "required"),
    ],
)  # fmt: skip
def test_mistakes_get_one_clear_line_and_leave_no_file(
    known, db_path, tmp_path, capsys, args, status, message
):
    out = tmp_path / "out"
    out.mkdir()
    (out / "afile").write_text("a file, not a folder")
    before = set(out.iterdir())
    assert run(db_path, *[a.replace("{out}", str(out)) for a in args]) == status
    line = one_line(capsys)
    assert message in line
    assert set(out.iterdir()) == before


def test_a_missing_database_is_not_created_by_a_report(tmp_path, capsys):
    missing = tmp_path / "nothing.sqlite3"
    assert main(["--db", str(missing), "report", "sales", "-o", str(tmp_path / "r.pdf")]) == 1
    assert not missing.exists() and not (tmp_path / "r.pdf").exists()
    one_line(capsys)


def test_a_cancelled_report_leaves_no_file(known, tmp_path):
    from crm_desktop.services import customers

    for index in range(30):
        customers.create_customer({"name": f"Extra {index}"})
    out = tmp_path / "out"
    out.mkdir()
    target = out / "list.xlsx"
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(CancelledError):
        generate_report("customer_list", target, cancelled=cancelled)
    assert list(out.iterdir()) == []


def test_a_failing_renderer_leaves_no_file_and_keeps_the_old_one(known, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "sales.xlsx"
    target.write_bytes(b"last month's report")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(xlsx, "write_table", broken)
    with pytest.raises(CrmError, match=r"The disk is full .*free some space"):
        generate_report("sales", target)
    assert target.read_bytes() == b"last month's report"
    assert [p.name for p in out.iterdir()] == ["sales.xlsx"]
