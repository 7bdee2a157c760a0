"""Icons, fonts and desktop files shipped with CRM Desktop (installed as crm_desktop.resources)."""
