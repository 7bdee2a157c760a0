"""``crm-desktop import``, ``imports`` and ``export``: what they print, store and refuse."""

from __future__ import annotations

import sqlite3

import pytest

from crm_desktop.cli import main
from crm_desktop.models import close_database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    close_database()
    out, err = capsys.readouterr()
    return code, out, err


def stored(db: str, sql: str) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_import_prints_counts_and_saves_refused_rows_in_the_data_folder(tmp_path, home, capsys):
    db = str(tmp_path / "crm.sqlite3")
    source = tmp_path / "people.csv"
    source.write_text("Name,Email\nAnn,ann@example.com\nBob,not-an-email\n,x@example.com\n")
    code, out, err = run(capsys, "--db", db, "import", "customers", str(source))
    assert code == 0, err
    # Bob's bad email does not refuse him: it is kept as written in his notes.
    assert "2 customers created, 0 updated, 0 skipped, 1 refused." in out
    assert "1 value could not go into its field and was kept as written" in out
    assert stored(db, "SELECT name, email, notes FROM customer ORDER BY name") == [
        ("Ann", "ann@example.com", None),
        ("Bob", None, "⚠ Email: not-an-email — not a valid email address"),
    ]
    # Refused rows go to the app's data folder, never beside the input, and the path is said.
    saved = [p for p in (home / "data" / "refused").iterdir()]
    assert len(saved) == 1 and f"saved to {saved[0]}" in out
    assert saved[0].read_text(encoding="utf-8-sig").startswith("Import problem,Name,Email")
    assert "line 4: Name is required" in out
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".csv") == ["people.csv"]
    assert "crm-desktop imports undo 1" in out


def test_map_encoding_region_refused_and_dry_run(tmp_path, capsys):
    db = str(tmp_path / "crm.sqlite3")
    source = tmp_path / "kunden.csv"
    source.write_bytes(
        "Firma;Nummer;Stadt;Kundennummer\r\nMüller GmbH;0171 1234567;Köln;K-17\r\n"
        ";030 1234567;Berlin;K-18\r\n".encode("cp1252")
    )
    refused = tmp_path / "fix-me.csv"
    argv = ["--db", db, "import", "customers", str(source), "--encoding", "cp1252"]
    argv += ["--map", "Nummer=phone", "--map", "Kundennummer=notes+", "--region", "de"]
    code, out, err = run(capsys, *argv, "--dry-run")
    assert code == 0, err
    assert "Dry run of kunden.csv: nothing was written." in out
    assert "Nummer" in out and "→ Phone [phone]" in out
    assert "line 2 [new] Müller GmbH" in out and "line 3 [refused]" in out
    assert "Would do: 1 customer created" in out
    assert "read in DE (chosen for this import)" in out
    assert stored(db, "SELECT count(*) FROM customer") == [(0,)]
    code, out, err = run(capsys, *argv, "--refused", str(refused))
    assert code == 0, err
    assert stored(db, "SELECT name, phone, city, notes FROM customer") == [
        ("Müller GmbH", "+491711234567", "Köln", "Kundennummer: K-17")
    ]
    assert f"saved to {refused}" in out
    assert refused.read_text(encoding="utf-8-sig").splitlines()[1].startswith("line 3:")


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--map", "Nummer"], "HEADER=FIELD"),
        (["--map", "Nummer=telefonbuch"], "not a field of customers"),
        (["--encoding", "klingon"], "unknown encoding"),
        (["--region", "XX"], "unknown region"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path, capsys, extra, message):
    source = tmp_path / "a.csv"
    source.write_text("Name\nAcme\n")
    code, _, err = run(
        capsys, "--db", str(tmp_path / "c.sqlite3"), "import", "customers", str(source), *extra
    )
    assert code == 2 and message in err and err.count("\n") == 1


def test_a_map_of_a_missing_column_says_which_columns_there_are(tmp_path, capsys):
    source = tmp_path / "a.csv"
    source.write_text("Name,City\nAcme,Oslo\n")
    code, _, err = run(
        capsys, "--db", str(tmp_path / "c.sqlite3"), "import", "customers", str(source),
        "--map", "Phone=phone",
    )  # fmt: skip
    assert code == 1 and "no column “Phone”" in err and "Name, City" in err


def test_imports_lists_and_undoes(tmp_path, capsys):
    db = str(tmp_path / "crm.sqlite3")
    source = tmp_path / "a.csv"
    source.write_text("Name\nAcme\nBeta\n")
    assert run(capsys, "--db", db, "import", "customers", str(source))[0] == 0
    code, out, _ = run(capsys, "--db", db, "imports")
    assert code == 0 and "Import of customers from a.csv" in out and "1 " in out
    code, out, err = run(capsys, "--db", db, "imports", "undo", "1")
    assert code == 0, err
    assert "2 records moved to the trash" in out
    assert stored(db, "SELECT count(*) FROM customer WHERE deleted_at IS NULL") == [(0,)]
    code, out, _ = run(capsys, "--db", db, "imports")
    assert "(undone " in out
    code, _, err = run(capsys, "--db", db, "imports", "undo", "1")
    assert code == 1 and "already undone" in err
    code, _, err = run(capsys, "--db", db, "imports", "undo", "99")
    assert code == 1 and "not in the history" in err
    code, _, err = run(capsys, "--db", db, "imports", "undo")
    assert code == 2 and "needs the ID" in err


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

    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "import", "orders", str(tmp_path / "x.csv")])
    assert usage.value.code == 2 and "invalid choice" in capsys.readouterr().err
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04garbage")
    code, _, err = run(capsys, "--db", db, "import", "products", str(bad))
    assert code == 1 and err.count("\n") == 1 and "Excel" in err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix in (".csv", ".vcf", ".pdf")) == []
