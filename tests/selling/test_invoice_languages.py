"""An invoice in Russian, Chinese and English: every label, the locale's dates and money, words."""

from __future__ import annotations

from selling_helpers import pdf_text

from crm_desktop.reports.generate import generate_invoice
from crm_desktop.services import invoices, orders, payments, settings


def _invoice(shop) -> int:
    order_id = orders.create_order(
        {"customer_id": shop["buyer"], "status": "confirmed"},
        [
            {"product_id": shop["chair"], "quantity": "1234", "discount_pct": "10"},
            {"product_id": shop["book"], "quantity": "2"},
        ],
    )
    invoice_id = invoices.issue_invoice(order_id)
    payments.record_payment({"invoice_id": invoice_id, "amount_cents": "100.00",
                             "paid_on": "2026-03-12", "method": "bank_transfer"})  # fmt: skip
    return invoice_id


def squeezed(path) -> str:
    return " ".join(pdf_text(path).split())


def test_a_russian_invoice_speaks_russian_with_russian_formats_and_the_total_in_words(
    shop, tmp_path, language
):
    language("ru")
    settings.set_many({"currency": "RUB", "locale": "ru_RU"})
    invoice_id = _invoice(shop)
    gross = invoices.get_invoice(invoice_id)["gross_cents"]
    text = squeezed(generate_invoice(tmp_path / "ru.pdf", invoice_id=invoice_id))
    rubles, kopecks = divmod(gross, 100)
    for expected in ("СЧЁТ", "Номер INV-2026-0001", "Дата 10.03.2026", "Срок оплаты 24.03.2026",
                     "Плательщик", "Поставщик", "Описание", "Количество", "Скидка",
                     "Сумма без налога", "Итого", "Оплачено 12.03.2026 (банковский перевод)",
                     "К оплате", "Просим оплатить до 24.03.2026.", "Сумма прописью:",
                     f"{rubles // 1000} {rubles % 1000:03d},{kopecks:02d} ₽"):  # fmt: skip
        assert expected in text, expected
    words = text.split("Сумма прописью:")[1]
    assert "рубл" in words and "копе" in words and "сто" in words  # «…сто… рублей, … копеек»
    for english in ("INVOICE", "Total", "Due date", "Bill to", "Payment", "Amount", "Tax id"):
        assert english not in text, english


def test_a_chinese_invoice_speaks_chinese_with_yuan(shop, tmp_path, language):
    language("zh_CN")
    settings.set_many({"currency": "CNY", "locale": "zh_CN"})
    invoice_id = _invoice(shop)
    text = squeezed(generate_invoice(tmp_path / "zh.pdf", invoice_id=invoice_id))
    for expected in ("发票", "编号 INV-2026-0001", "日期 2026/3/10", "到期日 2026/3/24",
                     "账单寄至", "卖方", "描述", "数量", "不含税金额", "合计", "应付余额",
                     "¥", "已付（银行转账）"):  # fmt: skip
        assert expected in text, expected
    assert "Сумма прописью" not in text and "金额大写" not in text  # no words in Chinese practice
    for english in ("INVOICE", "Total", "Due date", "Bill to", "Payment", "Amount"):
        assert english not in text, english


def test_an_english_invoice_in_dollars_and_a_yen_invoice_without_minor_units(
    shop, tmp_path, language
):
    language("en")
    settings.set_many({"currency": "USD", "locale": "en_US"})
    text = squeezed(generate_invoice(tmp_path / "en.pdf", invoice_id=_invoice(shop)))
    for expected in ("INVOICE", "Date 3/10/2026", "Total $", "Balance due $", "bank transfer"):
        assert expected in text, expected
    assert "Total in words" not in text
    settings.set_many({"currency": "JPY", "locale": "ja_JP"})
    order_id = orders.create_order(
        {"customer_id": shop["buyer"], "status": "confirmed"},
        [{"product_id": shop["service"], "quantity": "3"}],
    )  # the price stays 12000 minor units: ¥12,000 each now, never rescaled by the currency
    invoice_id = invoices.issue_invoice(order_id)
    text = squeezed(generate_invoice(tmp_path / "jp.pdf", invoice_id=invoice_id))
    text = text.replace(" ", "")  # ￥ is drawn in the fallback font: its own text run
    assert "Total￥36,000" in text and "3￥12,000" in text and "36,000.00" not in text


def test_korean_buyer_and_chinese_bold_in_a_chinese_invoice(shop, tmp_path, language):
    from pypdf import PdfReader

    from crm_desktop.services import customers

    language("zh_CN")
    buyer = customers.create_customer({"name": "주식회사 한빛", "country": "대한민국"})
    order_id = orders.create_order(
        {"customer_id": buyer, "status": "confirmed"},
        [{"product_id": shop["service"], "quantity": "1"}],
    )
    path = generate_invoice(tmp_path / "ko.pdf", invoice_id=invoices.issue_invoice(order_id))
    text = squeezed(path)
    assert "주식회사 한빛" in text and "发票" in text  # Hangul drawn, not boxes or blanks
    page = PdfReader(str(path)).pages[0]
    fonts = {str(font.get_object()["/BaseFont"]) for font in page["/Resources"]["/Font"].values()}
    assert any("Nanum" in name for name in fonts), fonts  # the Hangul font is embedded
    content = page.get_contents().get_data()
    # Chinese bold (the title 发票, 合计): the CJK font has no bold face, so it is filled and
    # stroked (text render mode 2), which is what makes it print bold.
    assert b" 2 Tr" in content or b"\n2 Tr" in content
