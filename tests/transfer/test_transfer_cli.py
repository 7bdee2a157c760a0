"""``crm-desktop import`` and ``export``: counts, where refused rows went, errors in one line."""

from __future__ import annotations

from crm_desktop.cli import main
from crm_desktop.models import close_database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    close_database()
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_counts_and_saves_refused_rows(tmp_path, capsys):
    db = str(tmp_path / "crm.sqlite3")
    source = tmp_path / "people.csv"
    source.write_text("Name,Email\nAnn,ann@example.com\nBob,not-an-email\n,x@example.com\n")
    code, out, err = run(capsys, "--db", db, "import", "customers", str(source))
    assert code == 0, err
    assert "1 customers created, 0 updated, 0 skipped, 2 refused" in out
    refused = tmp_path / "people-refused.csv"
    assert f"saved to {refused}" in out
    assert "line 3: Email" in out
    assert refused.read_text(encoding="utf-8-sig").startswith("Import problem,Name,Email")
    code, out, _ = run(
        capsys, "--db", db, "import", "customers", str(source), "--on-duplicate", "update"
    )
    assert code == 0 and "0 customers created" in out
    assert (tmp_path / "people-refused-2.csv").exists()


def test_export_every_table_and_format(demo_db, tmp_path, capsys):
    close_database()
    for table in ("customers", "contacts", "products", "orders", "deals", "tasks", "interactions"):
        for suffix in (".csv", ".xlsx"):
            out = tmp_path / f"{table}{suffix}"
            code, text, err = run(capsys, "--db", str(demo_db), "export", table, "-o", str(out))
            assert code == 0, err
            assert text.startswith("Exported ") and out.stat().st_size > 0
    code, _, _ = run(
        capsys, "--db", str(demo_db), "export", "customers", "-o", str(tmp_path / "c.vcf")
    )
    assert code == 0


def test_errors_are_one_line_with_the_right_status_and_no_file(demo_db, tmp_path, capsys):
    close_database()
    db = str(demo_db)
    code, _, err = run(capsys, "--db", db, "export", "deals", "-o", str(tmp_path / "d.vcf"))
    assert code == 2 and err.count("\n") == 1 and "vCard" in err
    code, _, err = run(capsys, "--db", db, "export", "deals", "-o", str(tmp_path / "d.pdf"))
    assert code == 2 and ".csv, .xlsx or .vcf" in err
    code, _, err = run(capsys, "--db", db, "export", "deals", "-o", str(tmp_path / "no" / "d.csv"))
    assert code == 1 and err.count("\n") == 1 and "does not exist" in err
    code, _, err = run(capsys, "--db", db, "import", "customers", str(tmp_path / "missing.csv"))
    assert code == 1 and "does not exist" in err
    import pytest

    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "import", "orders", str(tmp_path / "x.csv")])
    assert usage.value.code == 2 and "invalid choice" in capsys.readouterr().err
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    code, _, err = run(capsys, "--db", db, "import", "products", str(bad))
    assert code == 1 and err.count("\n") == 1 and "Excel" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".vcf", ".pdf")) == []
