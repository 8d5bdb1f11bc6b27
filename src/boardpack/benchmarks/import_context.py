"""What the files of one benchmarks import know about each other while they are checked."""

from __future__ import annotations

from dataclasses import dataclass, field

from boardpack.benchmarks.models import Area, BenchmarkImport, Measure


@dataclass
class ImportContext:
    """Areas (number → kind) and measure codes known from the database and from the files read
    so far, so a later file may use what an earlier one of the same import defines."""

    areas: dict[int, str] = field(default_factory=dict)
    area_names: dict[int, str] = field(default_factory=dict)
    measures: dict[str, object] = field(default_factory=dict)
    neighbour_years: dict[int, str] = field(default_factory=dict)
    """The year of each neighbours file read so far → the file."""
    record: BenchmarkImport | None = None

    @classmethod
    def from_database(cls) -> ImportContext:
        return cls(
            areas=dict(Area.objects.values_list("number", "kind")),
            area_names=dict(Area.objects.values_list("number", "name")),
            measures=dict.fromkeys(Measure.objects.values_list("code", flat=True)),
        )
