"""Finding the records an import row is a duplicate of, with dictionaries, not per-row SQL.

Keys (the same on both sides):

* email: the address as the email parser writes it, case-folded;
* phone: the E.164 form the phone parser writes (``+74951234567``);
* name: customers — the folded name (:func:`~crm_desktop.services.text.sort_key`)
  in the same city (or where one of the two has no city), so two "John Smith"
  in two cities stay two;
  contacts — the folded name together with their customer ("name + company");
  products — the SKU (case-folded), or the folded name for a product without one.

A row that carries one of our ids (the "ID" column of our exports) is
matched to that record first, when the record's name is the row's: an
export imported back finds its records even when several share a name.
A customer is matched by its own email or phone, or by those of its
contacts, then by name. Customers in the trash are not matched: an import
creates a new record beside them. For a real import the indexes are loaded
whole (a few hundred milliseconds at 100,000 customers); for the wizard's
preview only the rows that can match the previewed rows are loaded.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from crm_desktop.i18n import _
from crm_desktop.models import database
from crm_desktop.services.importing.rows import Prepared
from crm_desktop.services.text import fold, sort_key

WEBMAIL_DOMAINS = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "yahoo.co.uk",
        "ymail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "aol.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "mail.ru",
        "bk.ru",
        "inbox.ru",
        "list.ru",
        "yandex.ru",
        "ya.ru",
        "rambler.ru",
        "protonmail.com",
        "proton.me",
        "qq.com",
        "163.com",
        "126.com",
    ]
)


def email_key(email: str | None) -> str | None:
    return email.casefold() if email else None


def name_key(name: str | None, city: str | None = None) -> str:
    return f"{sort_key(name)}\x1f{fold(city)}"


def _marks(values: Iterable[object]) -> tuple[str, list[object]]:
    items = list(values)
    return ", ".join("?" for _ in items) or "NULL", items


@dataclass
class ContactEntry:
    """What matching needs of one contact."""

    id: int
    customer_id: int
    email: str | None
    phone: str | None
    name: str
    is_primary: int


@dataclass
class CustomerIndex:
    """Live customers by email, phone and name (with their contacts' emails and phones)."""

    by_email: dict[str, int] = field(default_factory=dict)
    by_phone: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    contacts: dict[int, list[ContactEntry]] = field(default_factory=lambda: defaultdict(list))
    has_primary: set[int] = field(default_factory=set)
    by_id: dict[int, str] = field(default_factory=dict)  # customer id → its name's sort key

    @classmethod
    def load(cls, only: list[Prepared] | None = None) -> CustomerIndex:
        index = cls()
        if only is None:
            customers = database.execute_sql(
                "SELECT c.id, c.email, c.phone, s.name_key, c.city FROM customer c "
                "JOIN customer_search s ON s.id = c.id WHERE c.deleted_at IS NULL"
            ).fetchall()
            contacts = database.execute_sql(
                "SELECT ct.id, ct.customer_id, ct.email, ct.phone, ct.name, ct.is_primary "
                "FROM contact ct JOIN customer c ON c.id = ct.customer_id "
                "WHERE c.deleted_at IS NULL"
            ).fetchall()
        else:
            customers, contacts = cls._targeted(only)
        for contact in contacts:
            index.add_contact(ContactEntry(*contact))
        for customer_id, email, phone, key, city in customers:
            index.add_customer(customer_id, email, phone, None, city, name_sort_key=key)
        return index

    @staticmethod
    def _targeted(rows: list[Prepared]) -> tuple[list[tuple], list[tuple]]:
        emails, phones, names = set(), set(), set()
        for row in rows:
            for values in (row.values, row.contact or {}):
                if values.get("email"):
                    emails.add(values["email"].lower())
                if values.get("phone"):
                    phones.add(values["phone"])
            names.add(sort_key(row.values.get("name")))
        e_sql, e_args = _marks(emails)
        p_sql, p_args = _marks(phones)
        n_sql, n_args = _marks(names)
        i_sql, i_args = _marks({row.record_id for row in rows if row.record_id})
        contacts = database.execute_sql(
            "SELECT ct.id, ct.customer_id, ct.email, ct.phone, ct.name, ct.is_primary "
            "FROM contact ct JOIN customer c ON c.id = ct.customer_id WHERE c.deleted_at IS NULL "
            f"AND (lower(ct.email) IN ({e_sql}) OR ct.phone IN ({p_sql}))",
            [*e_args, *p_args],
        ).fetchall()
        via_contacts = {row[1] for row in contacts}
        c_sql, c_args = _marks(via_contacts)
        customers = database.execute_sql(
            "SELECT c.id, c.email, c.phone, s.name_key, c.city FROM customer c "
            "JOIN customer_search s ON s.id = c.id WHERE c.deleted_at IS NULL AND "
            f"(lower(c.email) IN ({e_sql}) OR c.phone IN ({p_sql}) OR s.name_key IN ({n_sql}) "
            f"OR c.id IN ({c_sql}) OR c.id IN ({i_sql}))",
            [*e_args, *p_args, *n_args, *c_args, *i_args],
        ).fetchall()
        ids = {row[0] for row in customers} - via_contacts
        i_sql, i_args = _marks(ids)
        contacts += database.execute_sql(
            "SELECT id, customer_id, email, phone, name, is_primary FROM contact "
            f"WHERE customer_id IN ({i_sql})",
            i_args,
        ).fetchall()
        return customers, contacts

    def add_customer(
        self,
        customer_id: int,
        email: str | None,
        phone: str | None,
        name: str | None,
        city: str | None,
        *,
        name_sort_key: str | None = None,
        city_key: str | None = None,
    ) -> None:
        if email:
            self.by_email[email.casefold()] = customer_id
        if phone:
            self.by_phone[phone] = customer_id
        key = name_sort_key if name_sort_key is not None else sort_key(name)
        self.by_name[key].append((city_key if city_key is not None else fold(city), customer_id))
        self.by_id[customer_id] = key

    def add_contact(self, entry: ContactEntry) -> None:
        self.contacts[entry.customer_id].append(entry)
        if entry.is_primary:
            self.has_primary.add(entry.customer_id)
        if entry.email:
            self.by_email.setdefault(entry.email.casefold(), entry.customer_id)
        if entry.phone:
            self.by_phone.setdefault(entry.phone, entry.customer_id)

    def find(self, row: Prepared) -> tuple[int, str] | None:
        """The customer a row is a duplicate of, and why; None when it is new."""
        values = row.values
        contact = row.contact or {}
        if row.record_id is not None and self.by_id.get(row.record_id) == (
            row.name_key if row.name_key is not None else sort_key(values.get("name"))
        ):
            return row.record_id, _("same record (id {id})").format(id=row.record_id)
        by_email = self.by_email
        for email in (values.get("email"), contact.get("email")):
            if email:
                found = by_email.get(email.casefold())  # one folding and one lookup a row
                if found is not None:
                    return found, _("same email {email}").format(email=email)
        by_phone = self.by_phone
        for phone in (values.get("phone"), contact.get("phone")):
            if phone:
                found = by_phone.get(phone)
                if found is not None:
                    return found, _("same phone {phone}").format(phone=phone)
        if row.name_key is None:
            row.name_key = sort_key(values.get("name"))
            row.city_key = fold(values.get("city"))
        candidates = self.by_name.get(row.name_key)
        if candidates:
            city = row.city_key
            # The same city; or one of the two does not say.
            same = [i for c, i in candidates if c == city] or [
                i for c, i in candidates if not c or not city
            ]
            if same:
                if values.get("city"):
                    return same[0], _("same name in {city}").format(city=values["city"])
                return same[0], _("same name")
        return None

    def find_contact(self, customer_id: int, contact: dict) -> ContactEntry | None:
        """The customer's contact that ``contact`` is (same email, phone or name)."""
        email = email_key(contact.get("email"))
        phone = contact.get("phone")
        name = sort_key(contact.get("name"))
        for entry in self.contacts.get(customer_id, ()):
            if email and email_key(entry.email) == email:
                return entry
            if phone and entry.phone == phone:
                return entry
        for entry in self.contacts.get(customer_id, ()):
            if name and sort_key(entry.name) == name:
                return entry
        return None


@dataclass
class ContactIndex:
    """For a contacts import: customers by name, email and domain; contacts by their keys."""

    customers_by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    customers_by_email: dict[str, int] = field(default_factory=dict)
    customers_by_domain: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    by_email: dict[str, int] = field(default_factory=dict)
    by_phone: dict[str, int] = field(default_factory=dict)
    by_name: dict[tuple[int, str], int] = field(default_factory=dict)
    customer_of: dict[int, int] = field(default_factory=dict)
    primary_of: dict[int, int] = field(default_factory=dict)  # customer → its primary contact
    customer_key_of: dict[int, str] = field(default_factory=dict)  # customer → name sort key
    contact_key_of: dict[int, str] = field(default_factory=dict)  # contact → name sort key

    @classmethod
    def load(cls, only: list[Prepared] | None = None) -> ContactIndex:
        index = cls()
        where = ""
        args: list[object] = []
        if only is not None:
            names = {sort_key(r.customer_name) for r in only if r.customer_name}
            emails = {r.customer_email.lower() for r in only if r.customer_email}
            domains = {
                "%@" + r.values["email"].split("@")[1].lower()
                for r in only
                if r.values.get("email")
            }
            n_sql, n_args = _marks(names)
            e_sql, e_args = _marks(emails)
            i_sql, i_args = _marks({r.customer_id for r in only if r.customer_id})
            like = " OR ".join("lower(c.email) LIKE ?" for _ in domains) or "0"
            where = (
                f" AND (s.name_key IN ({n_sql}) OR lower(c.email) IN ({e_sql}) OR {like} "
                f"OR c.id IN ({i_sql}))"
            )
            args = [*n_args, *e_args, *domains, *i_args]
        for customer_id, email, key in database.execute_sql(
            "SELECT c.id, c.email, s.name_key FROM customer c JOIN customer_search s "
            f"ON s.id = c.id WHERE c.deleted_at IS NULL{where}",
            args,
        ).fetchall():
            index.add_customer(customer_id, key, email)
        contact_where = ""
        contact_args: list[object] = []
        if only is not None:
            emails = {r.values["email"].lower() for r in only if r.values.get("email")}
            phones = {r.values["phone"] for r in only if r.values.get("phone")}
            e_sql, e_args = _marks(emails)
            p_sql, p_args = _marks(phones)
            c_sql, c_args = _marks(
                {i for ids in index.customers_by_name.values() for i in ids}
                | set(index.customers_by_email.values())
            )
            r_sql, r_args = _marks({r.record_id for r in only if r.record_id})
            contact_where = (
                f" AND (lower(ct.email) IN ({e_sql}) OR ct.phone IN ({p_sql}) "
                f"OR ct.customer_id IN ({c_sql}) OR ct.id IN ({r_sql}))"
            )
            contact_args = [*e_args, *p_args, *c_args, *r_args]
        for row in database.execute_sql(
            "SELECT ct.id, ct.customer_id, ct.email, ct.phone, ct.name, ct.is_primary "
            "FROM contact ct JOIN customer c ON c.id = ct.customer_id "
            f"WHERE c.deleted_at IS NULL{contact_where}",
            contact_args,
        ).fetchall():
            index.add_contact(ContactEntry(*row))
        return index

    def add_customer(self, customer_id: int, key: str, email: str | None) -> None:
        self.customers_by_name[key].append(customer_id)
        self.customer_key_of[customer_id] = key
        if email:
            self.customers_by_email.setdefault(email.casefold(), customer_id)
            domain = email.rsplit("@", 1)[-1].casefold()
            if domain not in WEBMAIL_DOMAINS:
                self.customers_by_domain[domain].add(customer_id)

    def add_contact(self, entry: ContactEntry) -> None:
        self.customer_of[entry.id] = entry.customer_id
        self.contact_key_of[entry.id] = sort_key(entry.name)
        if entry.is_primary:
            self.primary_of[entry.customer_id] = entry.id
        if entry.email:
            self.by_email.setdefault(entry.email.casefold(), entry.id)
        if entry.phone:
            self.by_phone.setdefault(entry.phone, entry.id)
        self.by_name.setdefault((entry.customer_id, sort_key(entry.name)), entry.id)

    def customer_for(self, row: Prepared) -> tuple[int | None, str | None]:
        """(the customer the row belongs to, or None; a problem message, or None)."""
        if row.customer_id is not None and row.customer_id in self.customer_key_of:
            key = self.customer_key_of[row.customer_id]
            if not row.customer_name or key == sort_key(row.customer_name):
                return row.customer_id, None
        if row.customer_email:
            found = self.customers_by_email.get(row.customer_email.casefold())
            if found:
                return found, None
        if row.customer_name:
            ids = self.customers_by_name.get(sort_key(row.customer_name), [])
            if len(ids) == 1:
                return ids[0], None
            if len(ids) > 1:
                email = row.values.get("email")
                domain = email.rsplit("@", 1)[-1].casefold() if email else None
                matching = [i for i in ids if i in self.customers_by_domain.get(domain or "", ())]
                if len(matching) == 1:
                    return matching[0], None
                return None, (
                    f"{len(ids)} customers are called “{row.customer_name}”; add a column "
                    "with the customer's email to tell them apart."
                )
        email = row.values.get("email")
        if email:
            domain = email.rsplit("@", 1)[-1].casefold()
            owners = self.customers_by_domain.get(domain, set())
            if len(owners) == 1:
                return next(iter(owners)), None
        return None, None

    def find(
        self, customer_id: int, values: dict, record_id: int | None = None
    ) -> tuple[int, str] | None:
        if (
            record_id is not None
            and self.customer_of.get(record_id) == customer_id
            and self.contact_key_of.get(record_id) == sort_key(values.get("name"))
        ):
            return record_id, _("same record (id {id})").format(id=record_id)
        email = values.get("email")
        if email and email.casefold() in self.by_email:
            return self.by_email[email.casefold()], _("same email {email}").format(email=email)
        phone = values.get("phone")
        if phone and phone in self.by_phone:
            return self.by_phone[phone], _("same phone {phone}").format(phone=phone)
        key = (customer_id, sort_key(values.get("name")))
        if key in self.by_name:
            return self.by_name[key], _("same name at the same customer")
        return None


@dataclass
class ProductIndex:
    """Products by SKU and by name."""

    by_sku: dict[str, int] = field(default_factory=dict)
    by_name: dict[str, int] = field(default_factory=dict)
    has_sku: set[int] = field(default_factory=set)
    by_id: dict[int, str] = field(default_factory=dict)  # product id → its name's sort key

    @classmethod
    def load(cls, only: list[Prepared] | None = None) -> ProductIndex:
        index = cls()
        for product_id, sku, name in database.execute_sql(
            "SELECT id, sku, name FROM product"
        ).fetchall():
            index.add(product_id, sku, name)
        return index

    def add(self, product_id: int, sku: str | None, name: str | None) -> None:
        if sku:
            self.by_sku[sku.casefold()] = product_id
            self.has_sku.add(product_id)
        self.by_name.setdefault(sort_key(name), product_id)
        self.by_id[product_id] = sort_key(name)

    def find(self, values: dict, record_id: int | None = None) -> tuple[int, str] | None:
        if record_id is not None and self.by_id.get(record_id) == sort_key(values.get("name")):
            return record_id, _("same record (id {id})").format(id=record_id)
        sku = values.get("sku")
        if sku and sku.casefold() in self.by_sku:
            return self.by_sku[sku.casefold()], _("same SKU {sku}").format(sku=sku)
        found = self.by_name.get(sort_key(values.get("name")))
        if found is not None and not (sku and found in self.has_sku):
            return found, _("same name")
        return None
