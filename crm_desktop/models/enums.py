"""The enumerations of the documented schema, in the order people expect to see them.

The database enforces each one with a CHECK constraint; the services, forms
and filters read the same tuples so that nothing drifts apart.
"""

CUSTOMER_KINDS = ("company", "person")
CUSTOMER_STATUSES = ("lead", "prospect", "active", "inactive")
ORDER_STATUSES = ("draft", "confirmed", "paid", "shipped", "cancelled")
REVENUE_ORDER_STATUSES = ("confirmed", "paid", "shipped")
DEAL_STAGES = ("new", "qualified", "proposal", "negotiation", "won", "lost")
OPEN_DEAL_STAGES = ("new", "qualified", "proposal", "negotiation")
CLOSED_DEAL_STAGES = ("won", "lost")
# The probability a deal gets when it enters a stage, unless the user set one.
DEAL_STAGE_PROBABILITY = {
    "new": 10,
    "qualified": 25,
    "proposal": 50,
    "negotiation": 75,
    "won": 100,
    "lost": 0,
}
TASK_STATUSES = ("open", "done", "cancelled")
PRIORITIES = ("low", "normal", "high", "urgent")
INTERACTION_KINDS = ("call", "meeting", "email", "note", "visit")
CAMPAIGN_KINDS = ("email", "event", "advertising", "social", "mailing", "webinar", "other")
CAMPAIGN_MEMBER_STATUSES = ("planned", "invited", "responded", "attended", "converted", "declined")
SERVICE_CASE_KINDS = ("question", "complaint", "repair", "warranty", "return")
SERVICE_CASE_STATUSES = ("open", "in_progress", "resolved", "closed")
AUDIT_ACTIONS = ("create", "update", "delete", "restore")
# Selling (schema 4): quotes, invoices, payments, taxes.
QUOTE_STATUSES = ("draft", "sent", "accepted", "declined", "expired")
# The quotes whose total counts toward their deal's amount (when the deal has none of its own).
ACTIVE_QUOTE_STATUSES = ("draft", "sent", "accepted")
INVOICE_KINDS = ("invoice", "credit_note")
# What an invoice is, derived from its payments, its due date and its credit note (not stored).
INVOICE_STATES = ("open", "partly_paid", "overdue", "paid", "cancelled")
PAYMENT_METHODS = ("bank_transfer", "cash", "card", "other")
TAX_ROUNDINGS = ("line", "document")
