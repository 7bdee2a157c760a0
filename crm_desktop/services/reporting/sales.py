"""Sales figures for reports: by period, by customer and by product, summed by SQLite.

Revenue is the brief's: the line totals (:func:`money.line_total_sql`) of
orders whose status is confirmed, paid or shipped
(:data:`figures.REVENUE_STATUSES_SQL`), dated by ``order_date``; customers
in the trash still count, so every total here equals
:func:`figures.revenue_cents` for the same period.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from crm_desktop.models import database
from crm_desktop.services.figures import REVENUE_STATUSES_SQL
from crm_desktop.services.reporting.periods import Bucket, Period, bucket_before, buckets
from crm_desktop.services.taxes import line_net_sql
from crm_desktop.services.text import sort_key

# Revenue is net of tax: a gross-entered line counts without its tax.
_LINE = line_net_sql("l")
_ORDER_TOTAL = f"(SELECT coalesce(sum({_LINE}), 0) FROM order_line l WHERE l.order_id = o.id)"
_REVENUE_ORDERS = f"o.status IN ({REVENUE_STATUSES_SQL}) AND o.order_date BETWEEN ? AND ?"


def ratio(part: int, whole: int) -> Decimal | None:
    """``part / whole`` as a Decimal fraction (0.25 is 25 %), None when ``whole`` is 0."""
    return Decimal(part) / Decimal(whole) if whole else None


def change(current: int, previous: int) -> Decimal | None:
    """Relative change from ``previous`` to ``current`` (None when there was nothing before)."""
    return Decimal(current - previous) / Decimal(previous) if previous else None


def average(total_cents: int, count: int) -> int | None:
    """``total / count`` rounded half up to a whole cent."""
    return (2 * total_cents + count) // (2 * count) if count else None


# --- by period ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodSales:
    """One bucket (day, week, month, quarter) of the sales-by-period report."""

    bucket: Bucket
    order_count: int
    revenue_cents: int
    average_cents: int | None
    previous_revenue_cents: int  # the bucket before (for the first one: before the period)
    change: Decimal | None  # fraction; None when the bucket before had no revenue


@dataclass(frozen=True)
class SalesByPeriod:
    """Revenue, orders, average order and change for each bucket of a period."""

    period: Period
    grouping: str
    rows: list[PeriodSales]
    order_count: int
    revenue_cents: int
    average_cents: int | None
    previous_period: Period
    previous_revenue_cents: int
    change: Decimal | None

    @property
    def is_empty(self) -> bool:
        return self.order_count == 0


class _Daily:
    """Orders and revenue of each day with sales, summed over any span in O(log n)."""

    def __init__(self, start: date, end: date):
        rows = database.execute_sql(
            f"SELECT o.order_date, count(*), sum({_ORDER_TOTAL}) FROM sales_order o "
            f"WHERE {_REVENUE_ORDERS} GROUP BY o.order_date ORDER BY o.order_date",
            (start.isoformat(), end.isoformat()),
        ).fetchall()
        self.days = [date.fromisoformat(row[0]) for row in rows]
        self.counts = [0]
        self.revenue = [0]
        for _, count, total in rows:
            self.counts.append(self.counts[-1] + int(count))
            self.revenue.append(self.revenue[-1] + int(total))

    def span(self, first: date, last: date) -> tuple[int, int]:
        """(orders, revenue) from ``first`` to ``last``, both included."""
        lo = bisect_left(self.days, first)
        hi = bisect_right(self.days, last)
        return self.counts[hi] - self.counts[lo], self.revenue[hi] - self.revenue[lo]


def sales_by_period(period: Period, grouping: str) -> SalesByPeriod:
    """The sales-by-period report: SQL sums each day, days are added up into buckets."""
    groups = buckets(period, grouping)
    before = bucket_before(groups[0])
    previous_period = period.previous()
    first_day = min(before.first, previous_period.start)
    daily = _Daily(first_day, period.end)
    rows = []
    previous_revenue = daily.span(before.first, before.last)[1]
    for bucket in groups:
        count, revenue = daily.span(bucket.first, bucket.last)
        rows.append(
            PeriodSales(
                bucket=bucket,
                order_count=count,
                revenue_cents=revenue,
                average_cents=average(revenue, count),
                previous_revenue_cents=previous_revenue,
                change=change(revenue, previous_revenue),
            )
        )
        previous_revenue = revenue
    total_count = sum(row.order_count for row in rows)
    total_revenue = sum(row.revenue_cents for row in rows)
    previous_total = daily.span(previous_period.start, previous_period.end)[1]
    return SalesByPeriod(
        period=period,
        grouping=grouping,
        rows=rows,
        order_count=total_count,
        revenue_cents=total_revenue,
        average_cents=average(total_revenue, total_count),
        previous_period=previous_period,
        previous_revenue_cents=previous_total,
        change=change(total_revenue, previous_total),
    )


# --- by customer ---------------------------------------------------------------------------

# ABC analysis: the customers that make the first 80 % of revenue are A, the next 15 % B.
ABC_LIMITS = ((80, "A"), (95, "B"), (100, "C"))


@dataclass(frozen=True)
class CustomerSales:
    """One customer's line in the ranking."""

    rank: int
    customer_id: int | None  # None: the orders whose customer another tool deleted
    name: str
    in_trash: bool
    order_count: int
    revenue_cents: int
    share: Decimal | None  # fraction of the period's revenue
    cumulative_share: Decimal | None
    abc_class: str


@dataclass
class SalesByCustomer:
    """Customers ranked by revenue in a period, with share, cumulative share and ABC class.

    The figures are summed at once; the rows are read from the database as
    :meth:`rows` is iterated (a million customers never sit in memory as rows:
    only three integers each, their id, orders and revenue, in rank order).
    """

    period: Period
    customer_count: int  # customers who bought (the orders of no customer are not one)
    order_count: int
    revenue_cents: int
    class_counts: dict[str, int] = field(default_factory=dict)
    class_revenue_cents: dict[str, int] = field(default_factory=dict)
    _ranking: _Ranking | None = field(default=None, repr=False)

    @property
    def row_count(self) -> int:
        """The ranking's rows: each customer, and one for the orders of no customer."""
        return len(self._ranking.ids) if self._ranking is not None else 0

    @property
    def is_empty(self) -> bool:
        return self.row_count == 0

    def rows(self) -> Iterator[CustomerSales]:
        """Every customer with revenue orders in the period, the biggest first."""
        if self._ranking is not None:
            yield from self._ranking.rows(self.revenue_cents)


def abc_class(cumulative_before_cents: int, total_cents: int) -> str:
    """A while the customers before this one make less than 80 % of revenue, then B to 95 %."""
    for limit, name in ABC_LIMITS:
        if cumulative_before_cents * 100 < limit * total_cents:
            return name
    return ABC_LIMITS[-1][1]


_NAMES_BATCH = 2000
# The ranking's id of the orders whose customer another SQLite tool deleted (foreign keys off):
# one row of their own, so that the report's total is the board's and the orders list's.
NO_CUSTOMER = 0


@dataclass
class _Ranking:
    """Customer ids, order counts and revenue, biggest revenue first (then by id), compactly."""

    ids: array[int] = field(default_factory=lambda: array("q"))
    counts: array[int] = field(default_factory=lambda: array("q"))
    revenue: array[int] = field(default_factory=lambda: array("q"))

    def rows(self, total: int) -> Iterator[CustomerSales]:
        """The rows in rank order: equal revenue by name (folded, any script), then by id."""
        cumulative = 0
        rank = 0
        tie: list[tuple[int, str, bool, int, int]] = []
        for row in self._named():
            if tie and row[4] != tie[0][4]:
                yield from self._ranked(tie, rank, cumulative, total)
                rank += len(tie)
                cumulative += sum(r[4] for r in tie)
                tie = []
            tie.append(row)
        if tie:
            yield from self._ranked(tie, rank, cumulative, total)

    def _named(self) -> Iterator[tuple[int, str, bool, int, int]]:
        """(id, name, in the trash, orders, revenue) by revenue then id; names read in batches."""
        for start in range(0, len(self.ids), _NAMES_BATCH):
            chunk = self.ids[start : start + _NAMES_BATCH].tolist()
            marks = ", ".join("?" for _ in chunk)
            names = {
                customer_id: (name, bool(in_trash))
                for customer_id, name, in_trash in database.execute_sql(
                    f"SELECT id, name, deleted_at IS NOT NULL FROM customer WHERE id IN ({marks})",
                    chunk,
                )
            }
            for offset, customer_id in enumerate(chunk, start=start):
                # Purged by another program since the ranking was read: still counted.
                name, in_trash = names.get(customer_id, (f"#{customer_id}", True))
                if customer_id == NO_CUSTOMER:
                    name, in_trash = "", False
                yield customer_id, name, in_trash, self.counts[offset], self.revenue[offset]

    @staticmethod
    def _ranked(
        tie: list[tuple[int, str, bool, int, int]], rank: int, cumulative: int, total: int
    ) -> Iterator[CustomerSales]:
        # Names are folded only where revenue ties: a million sort keys cost more than the query.
        if len(tie) > 1:  # the orders of no customer after the customers of their revenue
            tie.sort(key=lambda row: (row[0] == NO_CUSTOMER, sort_key(row[1]), row[0]))
        for customer_id, name, in_trash, count, revenue in tie:
            rank += 1
            klass = abc_class(cumulative, total)
            cumulative += revenue
            yield CustomerSales(
                rank=rank,
                customer_id=None if customer_id == NO_CUSTOMER else customer_id,
                name=name,
                in_trash=in_trash,
                order_count=count,
                revenue_cents=revenue,
                share=ratio(revenue, total),
                cumulative_share=ratio(cumulative, total),
                abc_class=klass,
            )


def sales_by_customer(period: Period) -> SalesByCustomer:
    """Every customer with revenue orders in the period, the biggest first (rows read lazily)."""
    # Whether each customer is still there: one look-up a customer, not one an order.
    cursor = database.execute_sql(
        f"SELECT x.customer_id, count(*), sum(x.total), "
        f"EXISTS (SELECT 1 FROM customer c WHERE c.id = x.customer_id) "
        f"FROM (SELECT o.customer_id, {_ORDER_TOTAL} AS total FROM sales_order o "
        f"      WHERE {_REVENUE_ORDERS}) x "
        f"GROUP BY x.customer_id ORDER BY sum(x.total) DESC, x.customer_id",
        (period.start.isoformat(), period.end.isoformat()),
    )
    ranking = _Ranking()
    gone_count = gone_revenue = 0
    while chunk := cursor.fetchmany(5000):
        for customer_id, count, revenue, exists in chunk:
            if not exists:  # another tool deleted the customer: the orders of no customer
                gone_count += int(count)
                gone_revenue += int(revenue)
                continue
            ranking.ids.append(customer_id)
            ranking.counts.append(int(count))
            ranking.revenue.append(int(revenue))
    customer_count = len(ranking.ids)
    if gone_count:  # in its place by revenue, after the customers of the same revenue
        at = next((i for i, r in enumerate(ranking.revenue) if r < gone_revenue), customer_count)
        ranking.ids.insert(at, NO_CUSTOMER)
        ranking.counts.insert(at, gone_count)
        ranking.revenue.insert(at, gone_revenue)
    total = sum(ranking.revenue)
    # The classes depend only on the revenue in rank order, which ties do not change.
    class_counts = {name: 0 for _, name in ABC_LIMITS}
    class_revenue = {name: 0 for _, name in ABC_LIMITS}
    cumulative = 0
    for customer_id, revenue in zip(ranking.ids, ranking.revenue, strict=True):
        klass = abc_class(cumulative, total)
        cumulative += revenue
        class_counts[klass] += customer_id != NO_CUSTOMER
        class_revenue[klass] += revenue
    return SalesByCustomer(
        period=period,
        customer_count=customer_count,
        order_count=sum(ranking.counts),
        revenue_cents=total,
        class_counts=class_counts,
        class_revenue_cents=class_revenue,
        _ranking=ranking,
    )


# --- by product ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProductSales:
    """One product's sales in the period; ``product_id`` None gathers lines without a product."""

    product_id: int | None
    sku: str | None
    name: str | None
    quantity: Decimal
    order_count: int
    revenue_cents: int
    share: Decimal | None


@dataclass(frozen=True)
class SalesByProduct:
    """Products ranked by revenue in a period, with quantity and share."""

    period: Period
    rows: list[ProductSales]
    quantity: Decimal
    revenue_cents: int

    @property
    def is_empty(self) -> bool:
        return not self.rows


def sales_by_product(period: Period) -> SalesByProduct:
    """Quantity and revenue of each product (quantities summed exactly, in thousandths)."""
    rows = database.execute_sql(
        f"SELECT l.product_id, p.sku, p.name, "
        f"sum(CAST(round(l.quantity * 1000) AS INTEGER)), count(DISTINCT o.id), sum({_LINE}) "
        f"FROM sales_order o JOIN order_line l ON l.order_id = o.id "
        f"LEFT JOIN product p ON p.id = l.product_id "
        f"WHERE {_REVENUE_ORDERS} "
        f"GROUP BY l.product_id ORDER BY sum({_LINE}) DESC, l.product_id IS NULL, "
        f"crm_sort_key(p.name), l.product_id",
        (period.start.isoformat(), period.end.isoformat()),
    ).fetchall()
    total = sum(int(row[5]) for row in rows)
    result = [
        ProductSales(
            product_id=product_id,
            sku=sku,
            name=name,
            quantity=Decimal(int(thousandths)).scaleb(-3).normalize() + Decimal(0),
            order_count=int(orders),
            revenue_cents=int(revenue),
            share=ratio(int(revenue), total),
        )
        for product_id, sku, name, thousandths, orders, revenue in rows
    ]
    return SalesByProduct(
        period=period,
        rows=result,
        quantity=sum((row.quantity for row in result), Decimal(0)),
        revenue_cents=total,
    )
