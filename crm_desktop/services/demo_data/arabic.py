"""Customers in the United Arab Emirates, written in Arabic (right to left)."""

from __future__ import annotations

from random import Random

from crm_desktop.services.demo_data.model import City, Country, Language, Mobile, Person, pick

ARABIC = Language(
    code="ar",
    positions=(
        ("المدير العام", "المديرة العامة"),
        ("المالك", "المالكة"),
        ("الشريك المدير", "الشريكة المديرة"),
        ("مدير المشتريات", "مديرة المشتريات"),
        ("مدير المبيعات", "مديرة المبيعات"),
        ("المدير المالي", "المديرة المالية"),
        ("محاسب", "محاسبة"),
        ("مدير المكتب", "مديرة المكتب"),
        ("مدير العمليات", "مديرة العمليات"),
        ("مسؤول تقنية المعلومات", "مسؤولة تقنية المعلومات"),
        ("مدير المستودع", "مديرة المستودع"),
        ("سكرتير تنفيذي", "سكرتيرة تنفيذية"),
        ("مدير الموارد البشرية", "مديرة الموارد البشرية"),
    ),
    leading_positions=3,
    task_titles=(
        "إرسال عرض السعر",
        "معاودة الاتصال بشأن الطلب",
        "إعداد العقد",
        "إرسال العينات",
        "إصدار الفاتورة",
        "التحقق من الدفع",
        "تحديد موعد للعرض التوضيحي",
        "المتابعة بعد الاجتماع",
        "تأكيد موعد التسليم",
        "تجديد عقد الصيانة",
        "طلب رأي العميل",
        "إرسال قائمة الأسعار الجديدة",
        "ترتيب التركيب",
        "إعداد عرض",
    ),
    interaction_subjects={
        "call": (
            "مكالمة متابعة",
            "استفسار عن موعد التسليم",
            "استفسار عن الأسعار",
            "مناقشة تجديد العقد",
            "اتصال بشأن فاتورة متأخرة",
            "تأكيد الطلب هاتفياً",
        ),
        "meeting": (
            "مراجعة ربع سنوية",
            "عرض توضيحي للمنتجات",
            "اجتماع في مكتب العميل",
            "التفاوض على العقد",
            "التخطيط لنقل المكتب",
        ),
        "email": (
            "إرسال عرض السعر",
            "إرسال الفاتورة",
            "الرد على أسئلة الضمان",
            "إرسال قائمة الأسعار الجديدة",
            "تأكيد الطلب",
        ),
        "note": (
            "يفضل الاتصال صباحاً",
            "تمت الموافقة على ميزانية الربع القادم",
            "المدير في إجازة حتى نهاية الشهر",
            "يطلب خصم كمية",
        ),
        "visit": (
            "زيارة مستودع العميل",
            "تسليم العينات",
            "قياس المكتب للمكاتب الجديدة",
            "فحص بعد التركيب",
        ),
    },
    deal_titles=(
        ("كراسي مكتبية للمكتب الجديد", "chairs"),
        ("مكاتب قابلة لتعديل الارتفاع للفريق", "desks"),
        ("خزائن للأرشيف", "storage"),
        ("تجهيز مكاتب الموظفين الجدد", "tech"),
        ("استبدال الطابعات", "printers"),
        ("توريد سنوي للورق والأحبار", "supplies"),
        ("ماكينة قهوة للمكتب", "coffee"),
        ("تحديث الإضاءة إلى LED", "lighting"),
        ("رفوف للمستودع", "warehouse"),
        ("عقد صيانة", "services"),
    ),
    lost_reasons=(
        "السعر مرتفع",
        "اختار منافساً",
        "تخفيض الميزانية",
        "لا يوجد رد",
        "تأجيل المشروع",
        "مدة التسليم طويلة",
    ),
    case_subjects=(
        ("مكبس الكرسي ينخفض", "repair", "chairs"),
        ("محرك المكتب يصدر صوتاً", "repair", "desks"),
        ("تأخر التسليم", "complaint", None),
        ("تم تسليم لون خاطئ", "return", "chairs"),
        ("خرطوشة الحبر تسرب", "warranty", "printers"),
        ("ماكينة القهوة تطلب إزالة الترسبات", "repair", "coffee"),
        ("كيف أضبط ارتفاع المكتب؟", "question", "desks"),
        ("إرجاع منتجات غير مستخدمة", "return", "supplies"),
        ("ذراع الشاشة لا يثبت الشاشة", "warranty", "tech"),
        ("لوحة LED تومض", "warranty", "lighting"),
        ("عنوان خاطئ في الفاتورة", "question", None),
    ),
    resolutions=(
        "تم الاستبدال ضمن الضمان.",
        "تم الإصلاح في الموقع.",
        "تم إصدار إشعار دائن.",
        "تم الشرح هاتفياً.",
        "تم إرسال قطعة بديلة.",
        "تم الاستلام ورد المبلغ.",
    ),
    customer_notes=(
        "يدفع في الموعد.",
        "يفضل البريد الإلكتروني.",
        "يجب ذكر رقم أمر الشراء في كل فاتورة.",
        "التسليم صباحاً فقط.",
        "مغلق خلال عطلة العيد.",
    ),
    mailboxes=("info", "sales", "admin", "accounts"),
    sources=(
        "الموقع الإلكتروني",
        "الموقع الإلكتروني",
        "توصية",
        "توصية",
        "معرض تجاري",
        "اتصال مباشر",
        "إعلانات جوجل",
        "لينكدإن",
        "عميل حالي",
        "شريك",
    ),
)

MEN = (
    ("محمد", "mohammed"), ("أحمد", "ahmed"), ("علي", "ali"), ("خالد", "khalid"),
    ("سعيد", "saeed"), ("عبدالله", "abdullah"), ("راشد", "rashid"), ("سالم", "salem"),
    ("حمد", "hamad"), ("سلطان", "sultan"), ("ماجد", "majid"), ("يوسف", "yousef"),
    ("عمر", "omar"), ("حسن", "hassan"), ("إبراهيم", "ibrahim"), ("فيصل", "faisal"),
    ("طارق", "tariq"), ("منصور", "mansour"), ("ناصر", "nasser"), ("عادل", "adel"),
    ("كريم", "karim"), ("مروان", "marwan"), ("جاسم", "jassim"), ("عيسى", "eissa"),
    ("مبارك", "mubarak"), ("وليد", "waleed"), ("سيف", "saif"), ("فهد", "fahad"),
    ("حمدان", "hamdan"), ("مطر", "matar"), ("عبدالرحمن", "abdulrahman"), ("هاني", "hani"),
)  # fmt: skip
WOMEN = (
    ("فاطمة", "fatima"), ("مريم", "mariam"), ("عائشة", "aisha"), ("ليلى", "layla"),
    ("نورة", "noura"), ("سارة", "sara"), ("هند", "hind"), ("شيخة", "shaikha"),
    ("موزة", "moza"), ("حصة", "hessa"), ("آمنة", "amna"), ("خلود", "kholoud"), ("ريم", "reem"),
    ("لطيفة", "latifa"), ("علياء", "alyaa"), ("منى", "mona"), ("هدى", "huda"), ("دانة", "dana"),
    ("نادية", "nadia"), ("رنا", "rana"), ("سلمى", "salma"), ("ياسمين", "yasmin"),
    ("لينا", "lina"), ("جميلة", "jamila"), ("أسماء", "asmaa"), ("نوال", "nawal"),
)  # fmt: skip
FAMILIES = (
    ("الحسن", "alhassan"), ("المنصوري", "almansoori"), ("العلي", "alali"),
    ("الخطيب", "alkhatib"), ("النجار", "alnajjar"), ("الشامسي", "alshamsi"),
    ("الكعبي", "alkaabi"), ("المزروعي", "almazrouei"), ("الظاهري", "aldhaheri"),
    ("النعيمي", "alnuaimi"), ("السويدي", "alsuwaidi"), ("الهاشمي", "alhashimi"),
    ("الفلاسي", "alfalasi"), ("المهيري", "almheiri"), ("البلوشي", "albalushi"),
    ("الرميثي", "alrumaithi"), ("الزعابي", "alzaabi"), ("الحمادي", "alhammadi"),
    ("الكتبي", "alketbi"), ("المطوع", "almutawa"), ("الشحي", "alshehhi"), ("الحوسني", "alhosani"),
    ("العامري", "alameri"), ("الجابري", "aljaberi"), ("الدرمكي", "aldarmaki"),
    ("الأنصاري", "alansari"), ("البستكي", "albastaki"), ("حداد", "haddad"), ("خوري", "khoury"),
    ("نصر", "nasr"), ("سليمان", "suleiman"), ("الخياط", "alkhayat"), ("القرشي", "alqurashi"),
)  # fmt: skip


def _person(rng: Random, female: bool) -> Person:
    """Given name, often the father's name, family name: مريم سعيد المنصوري."""
    given, given_latin = pick(rng, WOMEN if female else MEN)
    family, family_latin = pick(rng, FAMILIES)
    if rng.random() < 0.5:
        father = pick(rng, MEN)[0]
        return Person(f"{given} {father} {family}", given_latin, family_latin, female)
    return Person(f"{given} {family}", given_latin, family_latin, female)


_BRANDS = (
    ("النور", "alnoor"), ("الأمل", "alamal"), ("الريادة", "alriyada"), ("الصحراء", "alsahraa"),
    ("الواحة", "alwaha"), ("اللؤلؤة", "alluluah"), ("النخلة", "alnakhla"), ("الفجر", "alfajr"),
    ("السلام", "alsalam"), ("الأفق", "alofoq"), ("الشروق", "alshorouq"), ("الرؤية", "alruya"),
    ("الهلال", "alhilal"), ("الصقر", "alsaqr"), ("الجوهرة", "aljawhara"),
    ("المستقبل", "almustaqbal"), ("الإتقان", "aletqan"), ("الدانة", "aldana"),
    ("المرجان", "almarjan"), ("القمة", "alqimma"), ("البركة", "albaraka"), ("الخليج", "alkhaleej"),
)  # fmt: skip
_TRADES = (
    ("للتجارة", "trading"), ("للتجارة العامة", "gt"), ("للمقاولات", "contracting"),
    ("للخدمات الفنية", "techservices"), ("للأثاث", "furniture"), ("للإلكترونيات", "electronics"),
    ("للشحن", "shipping"), ("للاستشارات", "consulting"), ("للمواد الغذائية", "foodstuff"),
    ("لتقنية المعلومات", "it"), ("للديكور", "decor"), ("للنقل", "transport"),
    ("لمواد البناء", "buildingmaterials"), ("للسفر والسياحة", "travel"),
)  # fmt: skip


def company(rng: Random, city: City) -> tuple[str, str]:
    """شركة النور للتجارة ذ.م.م, مؤسسة الكعبي للمقاولات."""
    trade, trade_latin = pick(rng, _TRADES)
    if rng.random() < 0.3:  # a sole establishment carries the owner's family name
        family, family_latin = pick(rng, FAMILIES)
        return f"مؤسسة {family} {trade}", family_latin + trade_latin
    brand, brand_latin = pick(rng, _BRANDS)
    return f"شركة {brand} {trade} ذ.م.م", brand_latin + trade_latin


_STREETS = (
    "شارع الشيخ زايد", "شارع بني ياس", "شارع الرقة", "شارع المطينة", "شارع الوصل",
    "شارع حمدان", "شارع الكورنيش", "شارع الاتحاد", "شارع الخليج العربي", "شارع المنخول",
    "شارع الجامعة", "شارع الميناء",
)  # fmt: skip


def address(rng: Random, city: City, company_: bool) -> str:
    """ديرة، شارع بني ياس، مبنى 12، مكتب 305."""
    place = f"{pick(rng, city.districts)}، {pick(rng, _STREETS)}، مبنى {int(rng.random() * 90) + 1}"
    if company_:
        return f"{place}، مكتب {int(rng.random() * 20) + 1}{int(rng.random() * 20) + 1:02d}"
    return f"{place}، شقة {int(rng.random() * 40) + 1}"


UNITED_ARAB_EMIRATES = Country(
    region="AE",
    name="الإمارات",
    weight=2,
    language=ARABIC,
    calling_code="971",
    cities=(
        City("دبي", ("4",), 7, "2345678", ("ديرة", "بر دبي", "القوز", "الكرامة", "البرشاء")),
        City("أبوظبي", ("2",), 7, "2345678", ("الخالدية", "المرور", "مصفح", "الزاهية")),
        City("الشارقة", ("6",), 7, "2345678", ("النهدة", "القاسمية", "المجاز", "الصناعية")),
        City("العين", ("3",), 7, "2345678", ("الجيمي", "المطوع", "الهيلي")),
        City("عجمان", ("6",), 7, "2345678", ("النعيمية", "الراشدية", "الجرف")),
    ),
    mobile=Mobile(("50", "52", "54", "55", "56", "58"), 9),
    person=_person,
    contact=_person,
    company=company,
    address=address,
    web_suffixes=("ae", "ae", "com"),
    free_mail=("gmail.com", "hotmail.com", "outlook.com", "yahoo.com", "emirates.net.ae"),
)

COUNTRIES = (UNITED_ARAB_EMIRATES,)
