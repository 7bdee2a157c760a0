"""Data → documents: PDF (reportlab), xlsx (openpyxl) and CSV. No Qt here."""
