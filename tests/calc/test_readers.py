"""The readers: CSV and XML give the same tables; years, absent sources, provenance."""

import shutil
from pathlib import Path

import duckdb
import pytest

from boardpack.calc import LoadReport, load
from boardpack.calc.synth import write_synthetic
from boardpack.calc.tables import CIN, SSDA903, ddl

SIZE = {"children": 40, "years": 3, "seed": 7}


@pytest.fixture(scope="module")
def forms(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("forms")
    write_synthetic(root / "csv", **SIZE, ssda903_form="csv", cin_form="csv")
    write_synthetic(root / "xml", **SIZE, ssda903_form="xml", cin_form="xml")
    return root / "csv", root / "xml"


def loaded(root: Path, **given: Path | None) -> tuple[duckdb.DuckDBPyConnection, LoadReport]:
    """Load the synthetic set under ``root``; a source given instead, or as None, replaces it."""
    con = duckdb.connect()
    report = load(
        con,
        ssda903=given.get("ssda903", root / "ssda903"),
        cin=given.get("cin", root / "cin"),
        population=given.get("population", root / "population.csv"),
    )
    return con, report


def rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    return con.sql(f"SELECT * FROM {table} ORDER BY ALL").fetchall()


def test_csv_and_xml_give_the_same_tables(forms: tuple[Path, Path]) -> None:
    (csv_con, csv_report), (xml_con, xml_report) = loaded(forms[0]), loaded(forms[1])
    assert csv_report.rows == xml_report.rows
    for table in (*SSDA903, *CIN):
        assert rows(csv_con, table.name) == rows(xml_con, table.name), table.name
    assert csv_report.rows["episodes"] > 100
    assert csv_report.rows["cin_cpp_reviews"] > 0


def test_the_tables_have_the_schema_of_tables_py(forms: tuple[Path, Path]) -> None:
    con, report = loaded(forms[0])
    for table in (*SSDA903, *CIN):
        expected = duckdb.connect()
        expected.execute(ddl(table))
        described = con.sql(f"DESCRIBE {table.name}").fetchall()
        assert [(c[0], c[1]) for c in described] == [
            (c[0], c[1]) for c in expected.sql(f"DESCRIBE {table.name}").fetchall()
        ]
    assert report.years["episodes"] == (2022, 2023, 2024)
    assert report.sources == ("ssda903", "cin", "population")


def test_a_source_not_given_leaves_its_tables_absent(forms: tuple[Path, Path]) -> None:
    con, report = loaded(forms[0], cin=None, population=None)
    names = {r[0] for r in con.sql("SELECT table_name FROM duckdb_tables()").fetchall()}
    assert names == {t.name for t in SSDA903}
    assert report.sources == ("ssda903",)
    assert "cin_referrals" not in report.rows


def test_a_table_without_its_file_is_absent(forms: tuple[Path, Path], tmp_path: Path) -> None:
    shutil.copytree(forms[0] / "ssda903", tmp_path / "903")
    for year in ("2022", "2023", "2024"):
        (tmp_path / "903" / year / "oc3.csv").unlink()
    con, report = loaded(forms[0], ssda903=tmp_path / "903")
    assert "oc3" not in report.rows
    assert con.sql("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'oc3'").fetchall() == [
        (0,)
    ]


def test_the_year_of_a_folder_not_named_after_it_comes_from_its_dates(
    forms: tuple[Path, Path], tmp_path: Path
) -> None:
    shutil.copytree(forms[0] / "ssda903" / "2023", tmp_path / "latest")
    _con, report = loaded(forms[0], ssda903=tmp_path / "latest", cin=None)
    assert report.years["episodes"] == (2023,)
    assert {f.year for f in report.files if f.source == "ssda903"} == {2023}
    con = duckdb.connect()
    told = load(con, ssda903=tmp_path / "latest", cin=None, population=None, year=2022)
    assert told.years["episodes"] == (2022,)


def test_the_cin_xml_gives_its_year_from_its_header(
    forms: tuple[Path, Path], tmp_path: Path
) -> None:
    shutil.copy(forms[1] / "cin" / "2023" / "cin.xml", tmp_path / "census.xml")
    _con, report = loaded(forms[1], ssda903=None, cin=tmp_path / "census.xml")
    assert report.years["cin_referrals"] == (2023,)


def test_headers_are_matched_whatever_their_case_order_or_bom(
    forms: tuple[Path, Path], tmp_path: Path
) -> None:
    shutil.copytree(forms[0] / "ssda903", tmp_path / "903")
    path = tmp_path / "903" / "2024" / "header.csv"
    lines = [line.split(",") for line in path.read_text().splitlines()]
    moved = [",".join([*cells[3:], *cells[:3]]) for cells in lines]
    moved[0] = moved[0].lower()
    path.write_text("\ufeff" + "\n".join(moved) + "\n", encoding="utf-8")
    con, _ = loaded(forms[0], ssda903=tmp_path / "903", cin=None)
    original, _ = loaded(forms[0], cin=None)
    assert rows(con, "header") == rows(original, "header")


def test_codes_are_read_in_upper_case(forms: tuple[Path, Path], tmp_path: Path) -> None:
    shutil.copytree(forms[0] / "ssda903", tmp_path / "903")
    path = tmp_path / "903" / "2024" / "episodes.csv"
    path.write_text(path.read_text().replace(",X1,", ",x1,"))
    con, _ = loaded(forms[0], ssda903=tmp_path / "903", cin=None)
    assert con.sql("SELECT count(*) FROM episodes WHERE rec = 'x1'").fetchall() == [(0,)]


def test_the_report_hashes_every_input_file(forms: tuple[Path, Path]) -> None:
    _con, report = loaded(forms[1])
    hashes = report.hashes()
    assert set(hashes) == {f.label for f in report.files}
    assert "ssda903/2024/ssda903.xml" in hashes
    assert all(len(h) == 64 for h in hashes.values())
    assert report.hashes() == hashes


def test_it_reads_the_sector_validators_xml_layout(tmp_path: Path) -> None:
    """Dates as dd/mm/yyyy, a UASC flag and OC2 under HEADER, empty elements, PL for PLACE."""
    folder = tmp_path / "903" / "2017"
    folder.mkdir(parents=True)
    (folder / "export.xml").write_text(
        "<?xml version='1.0' encoding='us-ascii'?>\n"
        "<EXPSSDA903><CHILD><HEADER><CHILDID>97318</CHILDID>"
        "<UPN>Q055076133116</UPN><SEX>2</SEX><DOB>19/12/2001</DOB><ETHNIC>APKN</ETHNIC>"
        "<UASC>1</UASC><DUC>19/12/2019</DUC><AREVIEW><REVIEW>10/01/2017</REVIEW>"
        "<REVIEW_CODE>PN3</REVIEW_CODE></AREVIEW><MOTHER /><MC_DOB /><OC2><SDQ_SCORE>18</SDQ_SCORE>"
        "<CONVICTED>0</CONVICTED></OC2></HEADER>\n<EPISODE><DECOM>20/01/2016</DECOM><RNE>P</RNE>"
        "<LS>V2</LS><CIN>N7</CIN><PL>U2</PL><PLACE_PROVIDER>PR0</PLACE_PROVIDER><DEC>10/07/2016</DEC>"
        "<REC>X1</REC><REASON_PLACE_CHANGE>STAND</REASON_PLACE_CHANGE></EPISODE>\n<EPISODE>"
        "<DECOM>10/07/2016</DECOM><RNE>T</RNE><LS>V2</LS><CIN>N7</CIN><PL>K2</PL><DEC /><REC />"
        "</EPISODE></CHILD></EXPSSDA903>\n"
    )
    con = duckdb.connect()
    report = load(con, ssda903=tmp_path / "903", cin=None, population=None)
    assert report.rows["episodes"] == 2
    assert con.sql("SELECT place, dec, rec FROM episodes ORDER BY decom").fetchall()[1] == (
        "K2",
        None,
        None,
    )
    assert con.sql("SELECT child, sex, duc FROM uasc").fetchall()[0][:2] == ("97318", "2")
    assert con.sql("SELECT child, sdq_score, year FROM oc2").fetchall() == [("97318", 18, 2017)]
    assert con.sql("SELECT review_code FROM reviews").fetchall() == [("PN3",)]
