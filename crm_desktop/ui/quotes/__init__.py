"""Quotes in the window: the list, the form, "Accept quote" and "Print quote"."""
