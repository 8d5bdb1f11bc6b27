"""Small hand-made benchmarks files with known answers, laid out as the published ones.

Five authorities in two regions. RATE (no published polarity) in 2023 and 2024; PCT (High)
in 2022/23 and 2023/24, where Blackpool's 2023/24 figure is a real zero and Lincolnshire's is
suppressed ('x'). Lancashire's neighbours are Blackburn, Blackpool and Lincolnshire.
"""

from __future__ import annotations

import csv
from pathlib import Path

from openpyxl import Workbook

AUTHORITIES = [
    ("LA Number", "LA Name", "Region", "Type"),
    (888, "Lancashire", "North West", "SC"),
    (889, "Blackburn with Darwen", "North West", "UA"),
    (890, "Blackpool", "North West", "UA"),
    (925, "Lincolnshire", "East Midlands", "SC"),
    (891, "Nottinghamshire", "East Midlands", "SC"),
    (970, "England", "NA", "NA"),
    (981, "North West", "NA", "NA"),
    (983, "East Midlands", "NA", "NA"),
    (1000, "England (discontinued)", "NA", "NA"),
]
DICTIONARY_HEADER = (
    "Measure_code",
    "Topic",
    "Measure",
    "Chart_title",
    "Measure_short",
    "Polarity",
    "y_axis_name",
    "Description",
    "dps",
    "Year_Type",
    "No_Quartile",
)
DICTIONARY = [
    ("1", "Children Looked After", "Children looked after rate per 10,000", "CLA rate", "RATE",
     "-", "Rate per 10,000", "Rate of children looked after.", "NA", "Annual", "NA"),
    ("2", "Care leavers", "Care leavers in EET (%)", "Care leavers EET", "PCT",
     "High", "% of leavers", "Care leavers in education.", "1", "Financial Year", "NA"),
    ("2", "Outcomes", "Care leavers in EET (%)", "Care leavers EET", "PCT",
     "High", "% of leavers", "Care leavers in education.", "1", "Financial Year", "NA"),
    ("3", "Child Protection", "Repeat plans (%)", "Repeat plans", "LOWP",
     "Low", "% of plans", "Second plans.", "NA", "Financial Year", "NA"),
]  # fmt: skip
FIGURES = {
    # (code, year): {authority number: value as published}
    ("RATE", "2023"): {888: "74", 889: "88", 890: "c", 925: "60", 891: "70", 970: "70", 981: "96"},
    ("RATE", "2024"): {888: "68", 889: "90", 890: "c", 925: "51", 891: "68", 970: "69", 981: "94"}
    | {983: "64"},
    ("PCT", "2022/23"): {888: "41", 889: "50", 890: "45", 925: "47", 891: "52", 970: "48"},
    ("PCT", "2023/24"): {888: "40.0", 889: "55.5", 890: "0", 925: "x", 891: "55.5", 970: "50"}
    | {981: "49.9"},
    ("LOWP", "2024"): {888: "19.3", 889: "24.5", 890: "-", 925: "23.1", 891: "20", 970: "22"},
}
NAMES = {row[0]: row[1] for row in AUTHORITIES[1:]}
REGIONS = {row[0]: row[2] for row in AUTHORITIES[1:]}
LONG_HEADER = (
    "Short Desc",
    "Data item",
    "Years",
    "LA and Regions",
    "Values",
    "LA Number",
    "Region",
)
NEIGHBOURS_2020 = {888: [889, 890, 925], 889: [888, 890], 890: [888, 889], 925: [891], 891: [925]}


def write_authorities(path: Path) -> Path:
    book = Workbook()
    for row in AUTHORITIES:
        book.active.append(row)
    book.save(path)
    return path


def write_dictionary(path: Path, rows: list[tuple[str, ...]] | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_ALL)
        writer.writerow(DICTIONARY_HEADER)
        writer.writerows(DICTIONARY if rows is None else rows)
    return path


def long_rows(figures: dict[tuple[str, str], dict[int, str]]) -> list[tuple[object, ...]]:
    return [
        (code, "", year, NAMES[number], value, float(number), REGIONS[number])
        for (code, year), values in figures.items()
        for number, value in values.items()
    ]


def write_figures(path: Path, rows: list[tuple[object, ...]] | None = None) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(LONG_HEADER)
        writer.writerows(long_rows(FIGURES) if rows is None else rows)
    return path


def write_neighbours(path: Path, groups: dict[int, list[int]] | None = None) -> Path:
    """Laid out as sn_may_2025.xlsx: two rows above the header, SNP closeness after each SN."""
    book = Workbook()
    sheet = book.active
    sheet.title = "LA SN Groups"
    sheet.append(["A", "B", "C"])
    sheet.append([1, 2, 3])
    header = ["LA num", "LA Name", "LA number", "GOInd", "GOReg"]
    for n in range(1, 11):
        header += [f"SN{n}", "SNP"]
    sheet.append(header)
    for number, members in (NEIGHBOURS_2020 if groups is None else groups).items():
        row: list[object] = [number, NAMES[number], number, 5, REGIONS[number]]
        for member in members:
            row += [member, "Close"]
        sheet.append(row)
    book.save(path)
    return path


def write_all(directory: Path) -> Path:
    """The four files, named as published, in one directory."""
    directory.mkdir(exist_ok=True)
    write_authorities(directory / "la_code_list.xlsx")
    write_dictionary(directory / "lait_data_dictionary.csv")
    write_neighbours(directory / "sn_may_2020.xlsx")
    write_figures(directory / "bds_long.csv")
    (directory / "README.md").write_text("About these files.\n")
    return directory
