"""Which form class edits which entity (imported only when a form is opened)."""

from __future__ import annotations

import importlib

from crm_desktop.ui.forms.base import RecordForm

_FORMS = {
    "customer": "crm_desktop.ui.forms.customer:CustomerForm",
    "contact": "crm_desktop.ui.forms.contact:ContactForm",
    "product": "crm_desktop.ui.forms.product:ProductForm",
    "deal": "crm_desktop.ui.forms.deal:DealForm",
    "sales_order": "crm_desktop.ui.forms.sales_order:OrderForm",
    "task": "crm_desktop.ui.forms.task:TaskForm",
    "interaction": "crm_desktop.ui.forms.interaction:InteractionForm",
    "campaign": "crm_desktop.ui.forms.campaign:CampaignForm",
    "service_case": "crm_desktop.ui.forms.service_case:ServiceCaseForm",
    "quote": "crm_desktop.ui.quotes.form:QuoteForm",
    "invoice": "crm_desktop.ui.invoices.dialog:InvoiceDialog",
    "payment": "crm_desktop.ui.invoices.payment_form:PaymentForm",
}


def form_class(entity: str) -> type[RecordForm]:
    """The form dialog class of ``entity``; KeyError for an entity without a form."""
    module_name, class_name = _FORMS[entity].split(":")
    return getattr(importlib.import_module(module_name), class_name)
