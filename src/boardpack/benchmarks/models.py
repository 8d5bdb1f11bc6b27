"""Published comparator data: measures, areas, figures per year, statistical neighbours, and the
link from a scorecard indicator to the published measure it is compared with."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.status import Polarity
from boardpack.scorecard.models import VALUE_DIGITS, Indicator

POLARITY_CHOICES = [
    (Polarity.BIGGER.value, "Bigger is better"),
    (Polarity.SMALLER.value, "Smaller is better"),
    (Polarity.NONE.value, "None (context only)"),
]


class BenchmarkImport(models.Model):
    """One run of `boardpack import benchmarks`: who loaded which files, when, with what result."""

    at = models.DateTimeField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    files = models.TextField()
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M}: {self.files}"


class Area(models.Model):
    """An authority, a region or England, by the Department's number (888 Lancashire, 970
    England, 981 North West)."""

    class Kind(models.TextChoices):
        AUTHORITY = "authority", "Local authority"
        REGION = "region", "Region"
        ENGLAND = "england", "England"
        OTHER = "other", "Other aggregate"

    number = models.PositiveIntegerField(unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    region_name = models.CharField(max_length=100, blank=True, help_text="As published.")
    authority_type = models.CharField(max_length=20, blank=True, help_text="UA, MD, SC, OLB, ILB")
    region = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="authorities"
    )
    source_ref = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} {self.name}"


class Measure(models.Model):
    """A published measure, as the data dictionary defines it."""

    code = models.CharField(max_length=100, unique=True, help_text="The dictionary's short code.")
    number = models.CharField(max_length=20, blank=True, help_text="The dictionary's number.")
    name = models.CharField(max_length=300)
    chart_title = models.CharField(max_length=300, blank=True)
    topic = models.CharField(max_length=300, blank=True, help_text="Several separated by '; '.")
    polarity = models.CharField(max_length=10, choices=POLARITY_CHOICES)
    published_polarity = models.CharField(max_length=20, blank=True, help_text="As published.")
    unit = models.CharField(max_length=200, blank=True)
    decimals = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.TextField(blank=True)
    methodology = models.TextField(blank=True)
    source = models.TextField(blank=True, help_text="The data owner or supplier.")
    links = models.TextField(blank=True)
    year_type = models.CharField(max_length=100, blank=True)
    banded = models.BooleanField(default=True, help_text="False where no quartiles are given.")
    state_funded = models.CharField(max_length=50, blank=True)
    table_status = models.CharField(max_length=300, blank=True)
    last_update = models.CharField(max_length=100, blank=True)
    next_update = models.CharField(max_length=100, blank=True)
    source_ref = models.CharField(max_length=300, blank=True)
    first_year = models.CharField(max_length=40, blank=True)
    latest_year = models.CharField(max_length=40, blank=True)
    """The first and latest published year labels: set by each import that writes the measure's
    figures, from all its stored figures."""

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"

    @property
    def polarity_rule(self) -> Polarity:
        return Polarity(self.polarity)


class PublishedValue(models.Model):
    """One area's published figure for a measure and year: a number, or a marker such as 'c'
    (suppressed) or '-' (missing), never both. The year is the label as published.

    Only the importer writes these rows, with ids it has just read in the same transaction.
    The links to the area and the import are not database constraints: on PostgreSQL each
    costs about 2.7 s per 641,070 rows at commit (measured), and Django still protects an
    area from deletion. The unique (measure, year, area) index serves every read.
    """

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, db_index=False)
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, db_index=False, db_constraint=False, related_name="+"
    )
    year = models.CharField(max_length=40)
    year_start = models.PositiveSmallIntegerField()
    year_end = models.PositiveSmallIntegerField()
    value = models.DecimalField(null=True, blank=True, **VALUE_DIGITS)
    marker = models.CharField(max_length=10, blank=True)
    imported = models.ForeignKey(
        BenchmarkImport,
        on_delete=models.PROTECT,
        db_index=False,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "year", "area"], name="published_value_once"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True, marker__gt="")
                | models.Q(value__isnull=False, marker=""),
                name="published_value_number_or_marker",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure_id} {self.area_id} {self.year}: {self.value or self.marker}"


class NeighbourSet(models.Model):
    """An authority's statistical neighbours as one file gives them, used from `year` on."""

    authority = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="neighbour_sets")
    year = models.PositiveSmallIntegerField(help_text="The year the groups apply from.")
    source_ref = models.CharField(max_length=300)
    imported = models.ForeignKey(BenchmarkImport, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["authority", "year"]
        constraints = [
            models.UniqueConstraint(fields=["authority", "year"], name="neighbour_set_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.authority} from {self.year}"


class Neighbour(models.Model):
    set = models.ForeignKey(NeighbourSet, on_delete=models.CASCADE, related_name="neighbours")
    position = models.PositiveSmallIntegerField()
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="+")
    closeness = models.CharField(max_length=50, blank=True)

    class Meta:
        ordering = ["set", "position"]
        constraints = [
            models.UniqueConstraint(fields=["set", "position"], name="neighbour_position_once")
        ]

    def __str__(self) -> str:
        return f"{self.set}: {self.position}. {self.area}"


class IndicatorLink(models.Model):
    """A scorecard indicator compared with a published measure (2042SC ↔ LAC).

    `polarity` blank: the measure's polarity, or the indicator's where the measure has none.
    """

    indicator = models.OneToOneField(
        Indicator, on_delete=models.CASCADE, related_name="benchmark_link"
    )
    measure = models.ForeignKey(Measure, on_delete=models.PROTECT, related_name="indicator_links")
    polarity = models.CharField(max_length=10, choices=POLARITY_CHOICES, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__code"]

    def __str__(self) -> str:
        return f"{self.indicator.code} ↔ {self.measure.code}"

    @property
    def polarity_override(self) -> Polarity | None:
        return Polarity(self.polarity) if self.polarity else None
