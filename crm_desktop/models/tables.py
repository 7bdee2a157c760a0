"""The peewee models of the documented schema (see the README's "Data model").

Each model says, in the database itself, what the brief says in words: NOT
NULL where a value is required, CHECK on every enumeration and on money and
quantities, foreign keys with a deliberate ON DELETE, and an index on every
column the screens search, sort or join on.

ON DELETE, in short: what belongs to a customer (contacts, deals, orders,
tasks, interactions, service cases, campaign memberships, tags) goes with it
when the trash is emptied (CASCADE); a reference that merely points at
something (an order's deal, a task's contact, a line's product) is cleared
(SET NULL) and put back by the trash when that thing is restored.
"""

from __future__ import annotations

from peewee import (
    SQL,
    Check,
    FloatField,
    ForeignKeyField,
    IntegerField,
    TextField,
)

from crm_desktop.models.base import (
    BaseModel,
    date_column,
    db_default,
    decimal_column,
    enum_column,
    flag_column,
    money_column,
    not_blank,
    optional_text,
    timestamp_column,
)
from crm_desktop.models.enums import (
    AUDIT_ACTIONS,
    CAMPAIGN_KINDS,
    CAMPAIGN_MEMBER_STATUSES,
    CUSTOMER_KINDS,
    CUSTOMER_STATUSES,
    DEAL_STAGES,
    INTERACTION_KINDS,
    INVOICE_KINDS,
    ORDER_STATUSES,
    PAYMENT_METHODS,
    PRIORITIES,
    QUOTE_STATUSES,
    SERVICE_CASE_KINDS,
    SERVICE_CASE_STATUSES,
    TASK_STATUSES,
    TAX_ROUNDINGS,
)


def tax_rate_column() -> FloatField:
    """A line's tax rate in percent (20 for 20 %), at most two decimals like a discount."""
    return FloatField(default=0, constraints=[Check("tax_pct BETWEEN 0 AND 100"), db_default(0)])


# Bounds that keep every line total exact in 64-bit SQLite integers
# (quantity in thousandths × unit price stays below 2**63).
MAX_QUANTITY = 1_000_000
MAX_UNIT_PRICE_CENTS = 1_000_000_000


class Customer(BaseModel):
    """A company or a person the business sells to; ``deleted_at`` set means in the trash."""

    kind = enum_column("kind", CUSTOMER_KINDS, "company")
    name = TextField(constraints=[not_blank("name")])
    email = optional_text("email", index=True)
    phone = optional_text("phone", index=True)
    website = optional_text("website")
    address = optional_text("address")
    city = optional_text("city")
    country = optional_text("country", index=True)
    status = enum_column("status", CUSTOMER_STATUSES, "lead")
    source = optional_text("source")
    notes = optional_text("notes")
    created_at = timestamp_column("created_at")
    updated_at = timestamp_column("updated_at")
    deleted_at = timestamp_column("deleted_at", null=True)
    # Schema 4 (selling): the buyer's details an invoice prints.
    legal_name = TextField(null=True)
    tax_id = TextField(null=True)
    kpp = TextField(null=True)

    class Meta:
        indexes = ((("deleted_at", "status"), False), (("created_at",), False))


class Contact(BaseModel):
    """A person at a customer; at most one per customer is the primary contact."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    name = TextField(constraints=[not_blank("name")])
    position = optional_text("position")
    email = optional_text("email", index=True)
    phone = optional_text("phone", index=True)
    notes = optional_text("notes")
    is_primary = flag_column("is_primary", 0)


Contact.add_index(
    Contact.index(Contact.customer, unique=True, name="contact_one_primary_per_customer").where(
        SQL("is_primary = 1")
    )
)


class Tag(BaseModel):
    """A segment label such as "VIP" or "newsletter"."""

    name = TextField(unique=True, constraints=[not_blank("name")])


class CustomerTag(BaseModel):
    """A tag on a customer."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    tag = ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        indexes = ((("customer", "tag"), True),)


class Product(BaseModel):
    """An item of the price list, with its stock."""

    sku = optional_text("sku", unique=True)
    name = TextField(index=True, constraints=[not_blank("name")])
    description = optional_text("description")
    unit_price_cents = money_column("unit_price_cents", maximum=MAX_UNIT_PRICE_CENTS)
    stock_qty = decimal_column("stock_qty", places=3, low=">= 0", default=0)
    active = flag_column("active", 1)
    # Schema 4: the product's tax rate; NULL means the default rate of the settings.
    tax_pct = FloatField(
        null=True, constraints=[Check("tax_pct IS NULL OR tax_pct BETWEEN 0 AND 100")]
    )


class Deal(BaseModel):
    """An opportunity moving through the pipeline's stages."""

    title = TextField(constraints=[not_blank("title")])
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    stage = enum_column("stage", DEAL_STAGES, "new", index=True)
    amount_cents = money_column("amount_cents")
    probability = IntegerField(
        default=10,
        constraints=[
            Check("typeof(probability) = 'integer' AND probability BETWEEN 0 AND 100"),
            db_default(10),
        ],
    )
    expected_close = date_column("expected_close")
    closed_at = date_column("closed_at")
    lost_reason = optional_text("lost_reason")

    class Meta:
        indexes = ((("expected_close",), False),)
        constraints = (Check("closed_at IS NULL OR stage IN ('won', 'lost')"),)


class SalesOrder(BaseModel):
    """An order (``order`` is an SQL keyword); its total is the sum of its lines."""

    number = TextField(unique=True, constraints=[not_blank("number")])
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    deal = ForeignKeyField(Deal, null=True, on_delete="SET NULL")
    order_date = date_column("order_date", null=False)
    status = enum_column("status", ORDER_STATUSES, "draft")
    notes = optional_text("notes")

    class Meta:
        indexes = ((("order_date", "status"), False), (("status",), False))


class OrderLine(BaseModel):
    """One line of an order: quantity × unit price less the discount."""

    order = ForeignKeyField(SalesOrder, on_delete="CASCADE")
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL")
    description = TextField(default="", constraints=[db_default("")])
    quantity = decimal_column("quantity", places=3, low="> 0", high=MAX_QUANTITY)
    unit_price_cents = money_column("unit_price_cents", maximum=MAX_UNIT_PRICE_CENTS)
    discount_pct = decimal_column("discount_pct", places=2, low=">= 0", high=100, default=0)
    # Schema 4: the line's tax rate, and whether its unit price includes that tax.
    tax_pct = tax_rate_column()
    tax_included = flag_column("tax_included", 0)


class Task(BaseModel):
    """Something to do: a call, a meeting, a delivery, a letter."""

    title = TextField(constraints=[not_blank("title")])
    notes = optional_text("notes")
    due_date = date_column("due_date")
    status = enum_column("status", TASK_STATUSES, "open")
    priority = enum_column("priority", PRIORITIES, "normal")
    customer = ForeignKeyField(Customer, null=True, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    deal = ForeignKeyField(Deal, null=True, on_delete="SET NULL")
    done_at = timestamp_column("done_at", null=True)

    class Meta:
        indexes = ((("status", "due_date"), False), (("due_date",), False))


class Interaction(BaseModel):
    """One contact with a customer: a call, a meeting, an email, a note, a visit."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    contact = ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    kind = enum_column("kind", INTERACTION_KINDS, "note")
    occurred_at = timestamp_column("occurred_at")
    subject = TextField(default="", constraints=[db_default("")])
    notes = optional_text("notes")

    class Meta:
        indexes = ((("occurred_at",), False), (("customer", "occurred_at"), False))


class Campaign(BaseModel):
    """A marketing activity: a mailing, a trade show, an advertisement."""

    name = TextField(constraints=[not_blank("name")])
    kind = enum_column("kind", CAMPAIGN_KINDS, "email")
    start_date = date_column("start_date")
    end_date = date_column("end_date")
    location = optional_text("location")
    budget_cents = money_column("budget_cents")
    notes = optional_text("notes")

    class Meta:
        indexes = ((("start_date",), False),)
        constraints = (Check("end_date IS NULL OR start_date IS NULL OR end_date >= start_date"),)


class CampaignMember(BaseModel):
    """A customer taking part in a campaign."""

    campaign = ForeignKeyField(Campaign, on_delete="CASCADE")
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    status = enum_column("status", CAMPAIGN_MEMBER_STATUSES, "planned")

    class Meta:
        indexes = ((("campaign", "customer"), True),)


class ServiceCase(BaseModel):
    """After-sales service: a question, a complaint, a repair, a warranty claim, a return."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL")
    kind = enum_column("kind", SERVICE_CASE_KINDS, "question")
    subject = TextField(constraints=[not_blank("subject")])
    description = optional_text("description")
    status = enum_column("status", SERVICE_CASE_STATUSES, "open", index=True)
    priority = enum_column("priority", PRIORITIES, "normal")
    opened_at = timestamp_column("opened_at")
    resolved_at = timestamp_column("resolved_at", null=True)
    resolution = optional_text("resolution")
    cost_cents = money_column("cost_cents")

    class Meta:
        indexes = ((("opened_at",), False),)


class AuditLog(BaseModel):
    """The history of every change: who changed what, from what, to what (JSON)."""

    at = timestamp_column("at")
    entity = TextField()
    entity_id = IntegerField()
    action = TextField(constraints=[Check(f"action IN {AUDIT_ACTIONS!r}")])
    changes = TextField(default="{}", constraints=[Check("json_valid(changes)"), db_default("{}")])

    class Meta:
        indexes = ((("entity", "entity_id", "at"), False), (("at",), False))


class Setting(BaseModel):
    """A preference that travels with the data: company name, currency, locale…"""

    key = TextField(unique=True, constraints=[not_blank("key")])
    value = TextField(null=True)


# --- The app's own tables (schema version 2): derived or bookkeeping data -----------


class CustomerSearch(BaseModel):
    """Derived: the folded text one search matches and the customer's sort key.

    ``id`` is the customer's id. Rebuilt from the other tables whenever it may
    be stale, so nothing here is ever the only copy of anything.
    """

    id = ForeignKeyField(Customer, primary_key=True, column_name="id", on_delete="CASCADE")
    haystack = TextField()
    name_key = TextField(index=True)
    stamp = TextField(null=True)


class TrashItem(BaseModel):
    """A deleted record, restorable until the trash is emptied.

    A customer stays in its table with ``deleted_at`` set and everything that
    belongs to it stays in place; any other record is removed from its table
    and kept here as JSON (``payload``), with the rows that went with it and
    the references that were cleared, so restoring it puts back exactly what
    was deleted. ``batch`` groups what one action deleted, for one undo.
    """

    batch = IntegerField(index=True)
    deleted_at = timestamp_column("deleted_at", real=False)
    entity = TextField()
    entity_id = IntegerField()
    customer = ForeignKeyField(Customer, null=True, on_delete="CASCADE")
    label = TextField(default="")
    payload = TextField(default="{}")

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


DOCUMENTED_MODELS: tuple[type[BaseModel], ...] = (
    Customer,
    Contact,
    Tag,
    CustomerTag,
    Product,
    Deal,
    SalesOrder,
    OrderLine,
    Task,
    Interaction,
    Campaign,
    CampaignMember,
    ServiceCase,
    AuditLog,
    Setting,
)
INTERNAL_MODELS: tuple[type[BaseModel], ...] = (CustomerSearch, TrashItem)
ALL_MODELS: tuple[type[BaseModel], ...] = DOCUMENTED_MODELS + INTERNAL_MODELS


# --- Schema version 3: imports (and merges) remembered so they can be undone ---------


class ImportBatch(BaseModel):
    """One import of a file (or one merge of duplicate customers), undoable as a whole.

    ``kind`` is ``import`` or ``merge``. The counts are what the summary
    showed; ``trash_batch`` is the trash batch of a merge's merged-away
    customers; ``undone_at`` is set once "Undo" reverted it.
    """

    kind = enum_column("kind", ("import", "merge"), "import")
    entity = TextField()
    source = TextField(default="", constraints=[db_default("")])
    policy = TextField(null=True)
    started_at = timestamp_column("started_at", real=False)
    created_count = IntegerField(default=0, constraints=[db_default(0)])
    updated_count = IntegerField(default=0, constraints=[db_default(0)])
    skipped_count = IntegerField(default=0, constraints=[db_default(0)])
    refused_count = IntegerField(default=0, constraints=[db_default(0)])
    trash_batch = IntegerField(null=True)
    undone_at = timestamp_column("undone_at", null=True, real=False)

    class Meta:
        indexes = ((("started_at",), False),)


class ImportItem(BaseModel):
    """A record an import created, updated or moved, with the old values (JSON) for undo.

    Records created one after another are one item: ``entity_id`` to ``last_id``.
    """

    batch = ForeignKeyField(ImportBatch, on_delete="CASCADE")
    entity = TextField()
    entity_id = IntegerField()
    last_id = IntegerField(null=True)
    action = TextField(constraints=[Check("action IN ('create', 'update', 'move')")])
    changes = TextField(default="{}", constraints=[db_default("{}")])

    class Meta:
        indexes = ((("entity", "entity_id"), False),)


INTERNAL_MODELS = (*INTERNAL_MODELS, ImportBatch, ImportItem)
ALL_MODELS = DOCUMENTED_MODELS + INTERNAL_MODELS


# --- Schema version 5: selling — quotes, invoices with taxes, payments ---------------------
#
# These tables are created by the frozen SQL of migration step 4 → 5 (``create_table``
# below runs it), so a new file and an old file stepped forward hold the same schema.


class _FrozenTable(BaseModel):
    """A table whose CREATE statements (and triggers) are the migration step's frozen SQL."""

    @classmethod
    def create_table(cls, safe: bool = True, **options: object) -> None:
        from crm_desktop.models.migrations import frozen_sql

        for statement in frozen_sql(cls._meta.table_name):
            cls._meta.database.execute_sql(statement)


class Quote(_FrozenTable):
    """An offer to a customer: lines like an order's, valid until a date, maybe on a deal."""

    number = TextField(unique=True, constraints=[not_blank("number")])
    customer = ForeignKeyField(Customer, on_delete="CASCADE")
    deal = ForeignKeyField(Deal, null=True, on_delete="SET NULL")
    quote_date = date_column("quote_date", null=False)
    valid_until = date_column("valid_until")
    status = enum_column("status", QUOTE_STATUSES, "draft")
    order = ForeignKeyField(SalesOrder, null=True, on_delete="SET NULL")
    notes = TextField(null=True)

    class Meta:
        indexes = ((("quote_date", "status"), False),)
        constraints = (Check("valid_until IS NULL OR valid_until >= quote_date"),)


class QuoteLine(_FrozenTable):
    """One line of a quote, exactly like an order line."""

    quote = ForeignKeyField(Quote, on_delete="CASCADE")
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL")
    description = TextField(default="", constraints=[db_default("")])
    quantity = FloatField(
        constraints=[Check(f"quantity > 0 AND quantity <= {MAX_QUANTITY}")],
    )
    unit_price_cents = money_column("unit_price_cents", maximum=MAX_UNIT_PRICE_CENTS)
    discount_pct = FloatField(
        default=0, constraints=[Check("discount_pct BETWEEN 0 AND 100"), db_default(0)]
    )
    tax_pct = tax_rate_column()
    tax_included = flag_column("tax_included", 0)


class Invoice(_FrozenTable):
    """An issued invoice or credit note: numbered without gaps per year, never edited.

    The seller's and the buyer's details, the lines and the totals are copied
    in when it is issued, so it prints the same forever; payments are rows of
    their own and a credit note (``kind`` ``credit_note``) cancels the invoice
    it refers to. Triggers refuse any change of what was issued.
    """

    kind = enum_column("kind", INVOICE_KINDS, "invoice")
    number = TextField(unique=True, constraints=[not_blank("number")])
    year = IntegerField(constraints=[Check("year BETWEEN 1900 AND 2999")])
    sequence = IntegerField(constraints=[Check("sequence > 0")])
    order = ForeignKeyField(SalesOrder, null=True, on_delete="SET NULL")
    customer = ForeignKeyField(Customer, null=True, on_delete="SET NULL")
    credited_invoice = ForeignKeyField("self", null=True, unique=True, on_delete="RESTRICT")
    issue_date = date_column("issue_date", null=False)
    due_date = date_column("due_date")
    currency = TextField(constraints=[Check("length(currency) = 3")])
    tax_rounding = enum_column("tax_rounding", TAX_ROUNDINGS, "line")
    seller_name = TextField(default="", constraints=[db_default("")])
    seller_address = TextField(default="", constraints=[db_default("")])
    seller_tax_id = TextField(default="", constraints=[db_default("")])
    seller_kpp = TextField(default="", constraints=[db_default("")])
    seller_bank = TextField(default="", constraints=[db_default("")])
    payment_terms = TextField(default="", constraints=[db_default("")])
    buyer_name = TextField(default="", constraints=[db_default("")])
    buyer_address = TextField(default="", constraints=[db_default("")])
    buyer_tax_id = TextField(default="", constraints=[db_default("")])
    buyer_kpp = TextField(default="", constraints=[db_default("")])
    net_cents = money_column("net_cents")
    tax_cents = money_column("tax_cents")
    gross_cents = money_column("gross_cents")
    notes = TextField(null=True)
    issued_at = timestamp_column("issued_at")

    class Meta:
        indexes = (
            (("kind", "year", "sequence"), True),
            (("issue_date",), False),
            (("due_date",), False),
        )
        constraints = (
            Check("gross_cents = net_cents + tax_cents"),
            Check("due_date IS NULL OR due_date >= issue_date"),
            Check("(kind = 'credit_note') = (credited_invoice_id IS NOT NULL)"),
        )


class InvoiceLine(_FrozenTable):
    """A line of an issued invoice as printed; ``amount_cents`` = quantity × price − discount."""

    invoice = ForeignKeyField(Invoice, on_delete="CASCADE")
    position = IntegerField(constraints=[Check("position > 0")])
    product = ForeignKeyField(Product, null=True, on_delete="SET NULL")
    sku = TextField(null=True)
    description = TextField(default="", constraints=[db_default("")])
    quantity = FloatField(
        constraints=[Check(f"quantity > 0 AND quantity <= {MAX_QUANTITY}")],
    )
    unit_price_cents = money_column("unit_price_cents", maximum=MAX_UNIT_PRICE_CENTS)
    discount_pct = FloatField(
        default=0, constraints=[Check("discount_pct BETWEEN 0 AND 100"), db_default(0)]
    )
    tax_pct = tax_rate_column()
    tax_included = flag_column("tax_included", 0)
    amount_cents = money_column("amount_cents")


class InvoiceTax(_FrozenTable):
    """An invoice's figures at one tax rate, rounded as printed: the tax report adds these up."""

    invoice = ForeignKeyField(Invoice, on_delete="CASCADE")
    tax_pct = tax_rate_column()
    net_cents = money_column("net_cents")
    tax_cents = money_column("tax_cents")
    gross_cents = money_column("gross_cents")

    class Meta:
        indexes = ((("invoice", "tax_pct"), True),)
        constraints = (Check("gross_cents = net_cents + tax_cents"),)


class Payment(_FrozenTable):
    """Money received against an invoice; several partial payments may settle one."""

    invoice = ForeignKeyField(Invoice, on_delete="CASCADE")
    paid_on = date_column("paid_on", null=False)
    amount_cents = IntegerField(
        constraints=[Check("typeof(amount_cents) = 'integer' AND amount_cents > 0")]
    )
    method = enum_column("method", PAYMENT_METHODS, "bank_transfer")
    note = TextField(null=True)
    created_at = timestamp_column("created_at")

    class Meta:
        indexes = ((("paid_on",), False),)


SELLING_MODELS: tuple[type[BaseModel], ...] = (
    Quote,
    QuoteLine,
    Invoice,
    InvoiceLine,
    InvoiceTax,
    Payment,
)
DOCUMENTED_MODELS = (*DOCUMENTED_MODELS, *SELLING_MODELS)
ALL_MODELS = DOCUMENTED_MODELS + INTERNAL_MODELS
