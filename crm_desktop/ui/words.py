"""The words the window puts on stored values: enumerations, record kinds, counts of records.

A stored value (``in_progress``, ``sales_order``) is shown as a word of the
current language (``In progress``, ``В работе``, ``处理中``). Counts of records
go through Qt's plural forms (``1 клиент``, ``2 клиента``, ``5 клиентов``), with
the number written by the default QLocale (``5 477``); English takes its
``(s)`` forms from :func:`english_plural` when no translator is installed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from crm_desktop.ui.noop import QT_TRANSLATE_NOOP

CONTEXT = "Words"


def escape_markup(text: str) -> str:
    """``text`` safe inside a label's rich text, exactly as :func:`html.escape` writes it.

    Its own copy: importing :mod:`html` imports its table of entities too (~1.5 ms of the
    first screen, which shows a file's name and the overdue line this way).
    """
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;").replace("'", "&#x27;")


# Every enumeration value of the schema, and the record kinds, as people read them.
_WORDS = {
    # customers
    "company": QT_TRANSLATE_NOOP("Words", "Company"),
    "person": QT_TRANSLATE_NOOP("Words", "Person"),
    "lead": QT_TRANSLATE_NOOP("Words", "Lead"),
    "prospect": QT_TRANSLATE_NOOP("Words", "Prospect"),
    "active": QT_TRANSLATE_NOOP("Words", "Active"),
    "inactive": QT_TRANSLATE_NOOP("Words", "Inactive"),
    # orders, quotes, invoices
    "draft": QT_TRANSLATE_NOOP("Words", "Draft"),
    "confirmed": QT_TRANSLATE_NOOP("Words", "Confirmed"),
    "paid": QT_TRANSLATE_NOOP("Words", "Paid"),
    "shipped": QT_TRANSLATE_NOOP("Words", "Shipped"),
    "cancelled": QT_TRANSLATE_NOOP("Words", "Cancelled"),
    "sent": QT_TRANSLATE_NOOP("Words", "Sent"),
    "accepted": QT_TRANSLATE_NOOP("Words", "Accepted"),
    "declined": QT_TRANSLATE_NOOP("Words", "Declined"),
    "expired": QT_TRANSLATE_NOOP("Words", "Expired"),
    "invoice": QT_TRANSLATE_NOOP("Words", "Invoice"),
    "credit_note": QT_TRANSLATE_NOOP("Words", "Credit note"),
    "partly_paid": QT_TRANSLATE_NOOP("Words", "Partly paid"),
    "overdue": QT_TRANSLATE_NOOP("Words", "Overdue"),
    "bank_transfer": QT_TRANSLATE_NOOP("Words", "Bank transfer"),
    "cash": QT_TRANSLATE_NOOP("Words", "Cash"),
    "card": QT_TRANSLATE_NOOP("Words", "Card"),
    "line": QT_TRANSLATE_NOOP("Words", "Per line"),
    "document": QT_TRANSLATE_NOOP("Words", "Per document"),
    # deals
    "new": QT_TRANSLATE_NOOP("Words", "New"),
    "qualified": QT_TRANSLATE_NOOP("Words", "Qualified"),
    "proposal": QT_TRANSLATE_NOOP("Words", "Proposal"),
    "negotiation": QT_TRANSLATE_NOOP("Words", "Negotiation"),
    "won": QT_TRANSLATE_NOOP("Words", "Won"),
    "lost": QT_TRANSLATE_NOOP("Words", "Lost"),
    # tasks, service cases
    "open": QT_TRANSLATE_NOOP("Words", "Open"),
    "done": QT_TRANSLATE_NOOP("Words", "Done"),
    "in_progress": QT_TRANSLATE_NOOP("Words", "In progress"),
    "resolved": QT_TRANSLATE_NOOP("Words", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("Words", "Closed"),
    "low": QT_TRANSLATE_NOOP("Words", "Low"),
    "normal": QT_TRANSLATE_NOOP("Words", "Normal"),
    "high": QT_TRANSLATE_NOOP("Words", "High"),
    "urgent": QT_TRANSLATE_NOOP("Words", "Urgent"),
    "question": QT_TRANSLATE_NOOP("Words", "Question"),
    "complaint": QT_TRANSLATE_NOOP("Words", "Complaint"),
    "repair": QT_TRANSLATE_NOOP("Words", "Repair"),
    "warranty": QT_TRANSLATE_NOOP("Words", "Warranty"),
    "return": QT_TRANSLATE_NOOP("Words", "Return"),
    # interactions, campaigns
    "call": QT_TRANSLATE_NOOP("Words", "Call"),
    "meeting": QT_TRANSLATE_NOOP("Words", "Meeting"),
    "email": QT_TRANSLATE_NOOP("Words", "Email"),
    "note": QT_TRANSLATE_NOOP("Words", "Note"),
    "visit": QT_TRANSLATE_NOOP("Words", "Visit"),
    "event": QT_TRANSLATE_NOOP("Words", "Event"),
    "advertising": QT_TRANSLATE_NOOP("Words", "Advertising"),
    "social": QT_TRANSLATE_NOOP("Words", "Social"),
    "mailing": QT_TRANSLATE_NOOP("Words", "Mailing"),
    "webinar": QT_TRANSLATE_NOOP("Words", "Webinar"),
    "other": QT_TRANSLATE_NOOP("Words", "Other"),
    "planned": QT_TRANSLATE_NOOP("Words", "Planned"),
    "invited": QT_TRANSLATE_NOOP("Words", "Invited"),
    "responded": QT_TRANSLATE_NOOP("Words", "Responded"),
    "attended": QT_TRANSLATE_NOOP("Words", "Attended"),
    "converted": QT_TRANSLATE_NOOP("Words", "Converted"),
    # the audit log
    "create": QT_TRANSLATE_NOOP("Words", "Created"),
    "update": QT_TRANSLATE_NOOP("Words", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Words", "Deleted"),
    "restore": QT_TRANSLATE_NOOP("Words", "Restored"),
    # record kinds
    "customer": QT_TRANSLATE_NOOP("Words", "Customer"),
    "contact": QT_TRANSLATE_NOOP("Words", "Contact"),
    "deal": QT_TRANSLATE_NOOP("Words", "Deal"),
    "sales_order": QT_TRANSLATE_NOOP("Words", "Order"),
    "order_line": QT_TRANSLATE_NOOP("Words", "Order line"),
    "product": QT_TRANSLATE_NOOP("Words", "Product"),
    "task": QT_TRANSLATE_NOOP("Words", "Task"),
    "interaction": QT_TRANSLATE_NOOP("Words", "Interaction"),
    "campaign": QT_TRANSLATE_NOOP("Words", "Campaign"),
    "campaign_member": QT_TRANSLATE_NOOP("Words", "Campaign member"),
    "service_case": QT_TRANSLATE_NOOP("Words", "Service case"),
    "quote": QT_TRANSLATE_NOOP("Words", "Quote"),
    "payment": QT_TRANSLATE_NOOP("Words", "Payment"),
    "tag": QT_TRANSLATE_NOOP("Words", "Tag"),
    "setting": QT_TRANSLATE_NOOP("Words", "Setting"),
    "trash_item": QT_TRANSLATE_NOOP("Words", "Trash"),
}


def english_word(value: str) -> str:
    """The English word of a stored value, untranslated (for declarations)."""
    return _WORDS.get(value) or value.replace("_", " ").capitalize()


def word(value: str | None) -> str:
    """A stored value as a word of the current language: ``in_progress`` → ``In progress``."""
    if not value:
        return ""
    english = _WORDS.get(value)
    if english is None:
        return value.replace("_", " ").capitalize()
    return QCoreApplication.translate(CONTEXT, english)


def english_plural(text: str, count: int) -> str:
    """``1 customer(s)`` → ``1 customer``, ``2 customer(s)`` → ``2 customers`` (English only:
    a translation has its own forms and no ``(s)``)."""
    return text.replace("(s)", "" if count == 1 else "s")


class Words(QObject):
    """The sentences with a number or a noun in them (Qt's plural forms need ``self.tr``:
    lupdate reads the plural of ``tr(text, "", n)`` only)."""

    def count_text(self, entity: str, n: int) -> str:
        texts = {
            "customer": lambda: self.tr("%Ln customer(s)", "", n),
            "contact": lambda: self.tr("%Ln contact(s)", "", n),
            "deal": lambda: self.tr("%Ln deal(s)", "", n),
            "sales_order": lambda: self.tr("%Ln order(s)", "", n),
            "product": lambda: self.tr("%Ln product(s)", "", n),
            "task": lambda: self.tr("%Ln task(s)", "", n),
            "interaction": lambda: self.tr("%Ln interaction(s)", "", n),
            "campaign": lambda: self.tr("%Ln campaign(s)", "", n),
            "service_case": lambda: self.tr("%Ln service case(s)", "", n),
            "quote": lambda: self.tr("%Ln quote(s)", "", n),
            "invoice": lambda: self.tr("%Ln invoice(s)", "", n),
            "payment": lambda: self.tr("%Ln payment(s)", "", n),
            "trash_item": lambda: self.tr("%Ln record(s) in the trash", "", n),
        }
        return english_plural(texts.get(entity, lambda: self.tr("%Ln record(s)", "", n))(), n)

    def new_record_text(self, entity: str) -> str:
        texts = {
            "customer": lambda: self.tr("New customer"),
            "contact": lambda: self.tr("New contact"),
            "deal": lambda: self.tr("New deal"),
            "sales_order": lambda: self.tr("New order"),
            "product": lambda: self.tr("New product"),
            "task": lambda: self.tr("New task"),
            "interaction": lambda: self.tr("New interaction"),
            "campaign": lambda: self.tr("New campaign"),
            "service_case": lambda: self.tr("New service case"),
            "quote": lambda: self.tr("New quote"),
            "invoice": lambda: self.tr("New invoice"),
            "payment": lambda: self.tr("New payment"),
        }
        return texts.get(entity, lambda: self.tr("New record"))()

    def lines(self, n: int) -> str:
        return english_plural(self.tr("%Ln line(s)", "", n), n)

    def show_all(self, n: int) -> str:
        return self.tr("Show all %Ln", "", n)

    def show_last(self, n: int) -> str:
        return self.tr("Show the last %Ln", "", n)

    def invoices_issued(self, n: int) -> str:
        return english_plural(self.tr("%Ln invoice(s) issued ({first} to {last}).", "", n), n)

    def audit_entries(self, n: int) -> str:
        return self.tr(
            "Their values are replaced by “[erased]” in the audit log (entries: %Ln).", "", n
        )


_words: Words | None = None


def words() -> Words:
    """The one :class:`Words` (made on first use, after the QApplication)."""
    global _words
    if _words is None:
        _words = Words()
    return _words


def count_text(entity: str, count: int) -> str:
    """``5 477 customers`` / ``5 477 клиентов`` / ``5,477 个客户``."""
    return words().count_text(entity, int(count))


def new_record_text(entity: str) -> str:
    """The name of the command that makes a record of ``entity`` (``New customer``)."""
    return words().new_record_text(entity)


def yes_no(value: object) -> str:
    return QCoreApplication.translate("Words", "Yes" if value else "No")


_YES_NO = (QT_TRANSLATE_NOOP("Words", "Yes"), QT_TRANSLATE_NOOP("Words", "No"))
