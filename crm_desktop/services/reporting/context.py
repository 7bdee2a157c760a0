"""What every report prints besides its figures: the company, the currency, the paper."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from crm_desktop.services import settings
from crm_desktop.services.money import currency_exponent


@dataclass(frozen=True)
class ReportContext:
    """Settings a report needs, read once when the report is made."""

    company_name: str
    company_address: str
    company_email: str
    company_phone: str
    company_tax_id: str
    company_logo: str  # base64 PNG/JPEG, or ""
    currency: str
    locale: str
    page_size: str
    generated_at: datetime  # local, aware

    @property
    def currency_exponent(self) -> int:
        return currency_exponent(self.currency)


def report_context() -> ReportContext:
    values = settings.get_all()
    return ReportContext(
        company_name=values["company_name"],
        company_address=values["company_address"],
        company_email=values["company_email"],
        company_phone=values["company_phone"],
        company_tax_id=values["company_tax_id"],
        company_logo=values["company_logo"],
        currency=values["currency"] or "USD",
        locale=values["locale"] or "en_US",
        page_size=values["page_size"] or "A4",
        generated_at=datetime.now().astimezone().replace(microsecond=0),
    )
