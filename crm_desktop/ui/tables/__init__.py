"""Lazy tables over the services' lists: the model, the view, the search and filter bar, the page.

Every list of the window (customers, deals, tasks… and the trash) is a
:class:`~crm_desktop.ui.tables.page.ListPage` built from a section
declaration (:mod:`crm_desktop.ui.sections`).
"""
