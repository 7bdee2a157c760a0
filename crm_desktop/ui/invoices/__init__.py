"""Invoices and payments in the window: the lists, the invoice view, the payment form, overdue."""
