"""Preferences: the settings that travel with the data (company, currency, locale, phones)."""
