"""The sample business itself: its price list, its tags and campaigns.

The sample company sells office furniture, equipment, supplies and coffee,
and services (consulting, assembly, delivery, maintenance). Its price list,
tags and campaigns are written here in English, in US cents, and reach the
file in the owner's language and currency (:func:`owners_catalogue`); what
it writes about a customer (job titles, how the customer found it, tasks,
calls, deals, cases) is in the customer's language (see the country modules).

Prices are fixed, not drawn: a "Lite" costs less than its "Standard", which
costs less than its "Pro"; a pack costs less than its pieces bought one by
one. Only goods have stock and colours; services are sold by the hour, the
day, the year or the visit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from crm_desktop.i18n import N_
from crm_desktop.services.demo_data.prices import local_price


@dataclass(frozen=True, slots=True)
class Product:
    """One line of the price list."""

    sku: str
    name: str
    description: str
    price_cents: int
    family: str  # which deals, orders and service cases it belongs to (model.FAMILIES)
    unit: str  # how it is counted: piece, pack, hour, day, metre, year, visit, delivery
    active: bool = True

    @property
    def is_service(self) -> bool:
        return self.family == "services"


# fmt: off
PRODUCTS = (
    Product("FUR-1001", N_("Office chair Lite, black"),
            N_("Mesh back, fixed armrests, 3-year warranty."), 14900, "chairs", "piece"),
    Product("FUR-1002", N_("Office chair Standard, black"),
            N_("Synchronous mechanism, adjustable armrests, 5-year warranty."), 22900, "chairs",
            "piece"),
    Product("FUR-1003", N_("Office chair Standard, grey"),
            N_("Synchronous mechanism, adjustable armrests, 5-year warranty."), 22900, "chairs",
            "piece"),
    Product("FUR-1004", N_("Office chair Pro, black"),
            N_("Adjustable lumbar support, 4D armrests, headrest, 10-year warranty."), 38900,
            "chairs", "piece"),
    Product("FUR-1005", N_("Office chair Pro, grey"),
            N_("Adjustable lumbar support, 4D armrests, headrest, 10-year warranty."), 38900,
            "chairs", "piece"),
    Product("FUR-1006", N_("Conference chair, stackable"),
            N_("Chrome frame, polypropylene shell, stacks 8 high."), 8900, "chairs", "piece"),
    Product("FUR-1007", N_("Office chair Classic, black"), N_("Replaced by the Standard model."),
            19900, "chairs", "piece", active=False),
    Product("FUR-1101", N_("Desk 160×80, white"), N_("Fixed height, cable tray."), 22900, "desks",
            "piece"),
    Product("FUR-1102", N_("Standing desk 140×70, white"),
            N_("Electric height adjustment 65–125 cm."), 44900, "desks", "piece"),
    Product("FUR-1103", N_("Standing desk 160×80, oak"),
            N_("Electric height adjustment 65–125 cm, oak veneer top."), 54900, "desks", "piece"),
    Product("FUR-1104", N_("Standing desk Pro 180×80, oak"),
            N_("Two motors, four memory positions, collision stop."), 79900, "desks", "piece"),
    Product("FUR-1105", N_("Meeting table 240×120"), N_("Seats eight, cable box in the middle."),
            69000, "desks", "piece"),
    Product("FUR-1201", N_("Mobile pedestal, 3 drawers"),
            N_("Central lock, fits under every desk of the range."), 15900, "storage", "piece"),
    Product("FUR-1202", N_("Filing cabinet, 4 drawers"), N_("For A4 hanging files, central lock."),
            29900, "storage", "piece"),
    Product("FUR-1203", N_("Bookcase 80×200"), N_("Five shelves, white."), 18900, "storage",
            "piece"),
    Product("FUR-1204", N_("Locker, 6 compartments"), N_("Steel, a lock for each compartment."),
            34900, "storage", "piece"),
    Product("FUR-1205", N_("Acoustic desk screen 140 cm, grey"),
            N_("Clamps onto the desk, absorbs speech noise."), 11900, "storage", "piece"),
    Product("TEC-2001", N_('Monitor 24", Full HD'), N_("IPS panel, HDMI and DisplayPort."), 16900,
            "tech", "piece"),
    Product("TEC-2002", N_('Monitor 27", 4K'), N_("IPS panel, USB-C with 65 W charging."), 38900,
            "tech", "piece"),
    Product("TEC-2003", N_("Monitor arm, single"),
            N_('Gas spring, for screens up to 32" and 9 kg.'), 8900, "tech", "piece"),
    Product("TEC-2004", N_("Monitor arm, dual"), N_('Gas springs, two screens up to 27".'), 14900,
            "tech", "piece"),
    Product("TEC-2005", N_("USB-C docking station"),
            N_("Two screens, network, four USB ports, 90 W charging."), 19900, "tech", "piece"),
    Product("TEC-2006", N_("Wireless keyboard and mouse set"),
            N_("Quiet keys, one receiver for both."), 5990, "tech", "piece"),
    Product("TEC-2007", N_("Laptop stand, aluminium"), N_("Six heights, folds flat."), 3990, "tech",
            "piece"),
    Product("TEC-2008", N_("Headset Lite, USB"), N_("One ear, noise-cancelling microphone."), 4900,
            "tech", "piece"),
    Product("TEC-2009", N_("Headset Pro, wireless"),
            N_("Both ears, active noise cancelling, 30 h battery."), 17900, "tech", "piece"),
    Product("TEC-2010", N_("Webcam Full HD"), N_("Autofocus, privacy shutter."), 7900, "tech",
            "piece"),
    Product("TEC-2011", N_("Conference speakerphone"), N_("For rooms of up to ten people."), 24900,
            "tech", "piece"),
    Product("TEC-2012", N_('Monitor 22", HD'), N_('Replaced by the 24" model.'), 11900, "tech",
            "piece", active=False),
    Product("PRT-3001", N_("Laser printer A4, mono"), N_("40 pages a minute, duplex, network."),
            21900, "printers", "piece"),
    Product("PRT-3002", N_("Multifunction printer A4, colour"),
            N_("Print, copy, scan to email; 30 pages a minute."), 54900, "printers", "piece"),
    Product("PRT-3003", N_("Toner cartridge, black"), N_("About 6,000 pages."), 6450, "printers",
            "piece"),
    Product("PRT-3004", N_("Toner cartridge, cyan"), N_("About 4,000 pages."), 7900, "printers",
            "piece"),
    Product("PRT-3005", N_("Toner cartridge, magenta"), N_("About 4,000 pages."), 7900, "printers",
            "piece"),
    Product("PRT-3006", N_("Toner cartridge, yellow"), N_("About 4,000 pages."), 7900, "printers",
            "piece"),
    Product("PRT-3007", N_("Drum unit"), N_("About 50,000 pages."), 11900, "printers", "piece"),
    Product("SUP-4001", N_("Printer paper A4, 80 g, box of 5 reams"), N_("2,500 sheets."), 2990,
            "supplies", "pack"),
    Product("SUP-4002", N_("Printer paper A3, 80 g, box of 5 reams"), N_("2,500 sheets."), 5490,
            "supplies", "pack"),
    Product("SUP-4003", N_("Ballpoint pens, blue, pack of 50"), N_("Retractable."), 1250,
            "supplies", "pack"),
    Product("SUP-4004", N_("Sticky notes 76×76, pack of 12"), N_("Yellow, 100 sheets each."), 990,
            "supplies", "pack"),
    Product("SUP-4005", N_("Lever arch files A4, pack of 10"), N_("80 mm spine, assorted colours."),
            2490, "supplies", "pack"),
    Product("SUP-4006", N_("Whiteboard markers, set of 4"), N_("Black, blue, red, green."), 690,
            "supplies", "pack"),
    Product("SUP-4007", N_("Whiteboard 120×90"), N_("Magnetic, with pen tray."), 11900, "supplies",
            "piece"),
    Product("SUP-4008", N_("Whiteboard 180×120"), N_("Magnetic, with pen tray."), 18900, "supplies",
            "piece"),
    Product("SUP-4009", N_("Paper towels, case of 24 rolls"), N_("Two-ply."), 3490, "supplies",
            "pack"),
    Product("COF-5001", N_("Coffee beans, house blend, 1 kg"),
            N_("Medium roast, for filter and bean-to-cup machines."), 2400, "coffee", "pack"),
    Product("COF-5002", N_("Coffee beans, espresso, 1 kg"), N_("Dark roast."), 2750, "coffee",
            "pack"),
    Product("COF-5003", N_("Bean-to-cup coffee machine Lite"), N_("For up to 30 cups a day."),
            89900, "coffee", "piece"),
    Product("COF-5004", N_("Bean-to-cup coffee machine Pro"),
            N_("For up to 150 cups a day, fresh milk, two grinders."), 249000, "coffee", "piece"),
    Product("COF-5005", N_("Milk cooler, 4 l"), N_("For the coffee machines of the range."), 24900,
            "coffee", "piece"),
    Product("COF-5006", N_("Water filter cartridges, pack of 3"), N_("One every two months."), 3900,
            "coffee", "pack"),
    Product("COF-5007", N_("Descaler, 1 l"), N_("Five descaling cycles."), 1490, "coffee", "piece"),
    Product("LGT-6001", N_("LED panel 60×60, 40 W"), N_("4,000 K, fits suspended ceilings."), 4350,
            "lighting", "piece"),
    Product("LGT-6002", N_("LED tube 120 cm, 18 W"), N_("Replaces 36 W fluorescent tubes."), 890,
            "lighting", "piece"),
    Product("LGT-6003", N_("Desk lamp LED, dimmable"), N_("Warm to cool white, USB charging port."),
            5900, "lighting", "piece"),
    Product("LGT-6004", N_("Power cable 3×2.5 mm², per metre"), N_("Copper, PVC sheath."), 145,
            "lighting", "metre"),
    Product("WHS-7001", N_("Metal shelving unit 180×90×40"), N_("Five shelves, 150 kg each."),
            12990, "warehouse", "piece"),
    Product("WHS-7002", N_("Pallet rack bay 270×250"), N_("Three levels, 2,000 kg a level."), 42000,
            "warehouse", "piece"),
    Product("WHS-7003", N_("Pallet wrap film 500 mm × 300 m"), N_("23 µm, clear."), 1890,
            "warehouse", "piece"),
    Product("WHS-7004", N_("Cardboard boxes 40×30×30, bundle of 25"), N_("Double wall."), 3250,
            "warehouse", "pack"),
    Product("WHS-7005", N_("Safety gloves, pair"), N_("Nitrile-coated, size 9."), 450, "warehouse",
            "piece"),
    Product("WHS-7006", N_("Safety gloves, box of 12 pairs"), N_("Nitrile-coated, size 9."), 4500,
            "warehouse", "pack"),
    Product("WHS-7007", N_("Hand pallet truck, 2,500 kg"), N_("Forks 1,150 mm."), 38900,
            "warehouse", "piece"),
    Product("SRV-9001", N_("Consulting, per hour"), N_("Workplace and ergonomics advice."), 12000,
            "services", "hour"),
    Product("SRV-9002", N_("Office planning, per day"),
            N_("Floor plan, furniture layout, lighting plan."), 89000, "services", "day"),
    Product("SRV-9003", N_("Assembly and installation, per hour"),
            N_("One fitter, tools included."), 6500, "services", "hour"),
    Product("SRV-9004", N_("Delivery, flat rate"), N_("Within three working days."), 1500,
            "services", "delivery"),
    Product("SRV-9005", N_("Express delivery, next day"), N_("Ordered before 2 pm."), 4500,
            "services", "delivery"),
    Product("SRV-9006", N_("Maintenance plan Basic, per year"),
            N_("One visit a year, parts extra."), 49000, "services", "year"),
    Product("SRV-9007", N_("Maintenance plan Premium, per year"),
            N_("Two visits a year, parts and call-outs included."), 99000, "services", "year"),
    Product("SRV-9008", N_("Coffee machine service visit"),
            N_("Cleaning, descaling, grinder check."), 14900, "services", "visit"),
    Product("SRV-9009", N_("Training session, half day"), N_("Up to twelve people."), 45000,
            "services", "piece"),
    Product("SRV-9010", N_("Office move coordination, per day"),
            N_("Planning and supervising the move."), 72000, "services", "day"),
)
# fmt: on

# How many of a unit an order line takes (the quantity is exact: 1.5 hours, 0.5 days).
QUANTITIES = {
    "piece": (1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 20),
    "pack": (1, 1, 2, 2, 3, 5, 10, 20),
    "hour": (1, 1.5, 2, 2, 3, 4, 6, 8),
    "day": (0.5, 1, 1, 2, 3),
    "metre": (10, 25, 50, 50, 100, 150, 250),
    "year": (1,),
    "visit": (1, 1, 2),
    "delivery": (1,),
}
# What else goes into an order about a family (besides its own products).
COMPANIONS = {
    "chairs": ("desks", "storage", "tech"),
    "desks": ("chairs", "storage", "tech", "lighting"),
    "storage": ("desks", "supplies"),
    "tech": ("desks", "supplies"),
    "printers": ("supplies",),
    "supplies": ("printers", "coffee"),
    "coffee": ("supplies",),
    "lighting": ("lighting",),
    "warehouse": ("warehouse",),
    "services": ("coffee", "printers"),
}

# Tag names, written in the owner's language when the sample data is made (demo_rows.tag_names).
TAGS = (
    N_("VIP"),
    N_("Key account"),
    N_("Newsletter"),
    N_("Wholesale"),
    N_("Retail"),
    N_("Partner"),
    N_("Reseller"),
    N_("Late payer"),
    N_("Repeat customer"),
    N_("Referral"),
    N_("Public sector"),
    N_("Trade show"),
)


@dataclass(frozen=True, slots=True)
class Campaign:
    """A campaign of the sample business: when (days from today), where, for whom."""

    name: str
    kind: str
    start: int  # days from today (negative: in the past)
    days: int
    location: str | None
    budget_cents: int
    region: str | None  # only customers of this country take part; None: everyone
    share: float  # of those customers, how many are members


CAMPAIGNS = (
    Campaign(N_("Spring newsletter"), "email", -250, 0, None, 40000, None, 0.03),
    Campaign(N_("Orgatec trade fair"), "event", -190, 4, "Koelnmesse, Köln", 1850000, "DE", 0.15),
    Campaign(N_("Google Ads: standing desks"), "advertising", -150, 60, None, 600000, None, 0.01),
    Campaign("Выставка «Офис-Экспо»", "event", -110, 3, "Экспоцентр, Москва", 1200000, "RU", 0.08),
    Campaign(N_("Webinar: the new catalogue"), "webinar", -45, 0, None, 25000, None, 0.02),
    Campaign(N_("LinkedIn outreach"), "social", -20, 30, None, 150000, "GB", 0.05),
    Campaign("上海国际办公家具展", "event", 24, 3, "上海新国际博览中心", 1500000, "CN", 0.08),
    Campaign(N_("Autumn price mailing"), "mailing", 12, 0, None, 90000, None, 0.025),
)


@dataclass(frozen=True)
class OwnersCatalogue:
    """The sample business as its owner reads it: tags, price list and campaigns in the
    owner's language, prices and budgets in the owner's currency (minor units).

    Made once in the loading process (:func:`owners_catalogue`) and handed to the helper
    processes, whose language may not be the window's."""

    tags: tuple[str, ...]
    names: tuple[str, ...]  # product names, by product id - 1
    descriptions: tuple[str, ...]
    prices: tuple[int, ...]
    campaigns: tuple[str, ...]
    budgets: tuple[int, ...]
    exponent: int = 2
    currency: str = "USD"

    def price(self, us_cents: int) -> int:
        """A price of the list's (in US cents) in the owner's currency, as its list prices are."""
        return local_price(us_cents, self.currency, self.exponent)


def owners_catalogue(
    currency: str = "USD", exponent: int = 2, translate: Callable[[str], str] = str
) -> OwnersCatalogue:
    """The sample catalogue in ``currency`` (``exponent`` decimals), its words through
    ``translate`` (``i18n.gettext`` for the owner's language; ``str``: as written)."""
    return OwnersCatalogue(
        tags=tuple(translate(name) for name in TAGS),
        names=tuple(translate(p.name) for p in PRODUCTS),
        descriptions=tuple(translate(p.description) for p in PRODUCTS),
        prices=tuple(local_price(p.price_cents, currency, exponent) for p in PRODUCTS),
        campaigns=tuple(translate(c.name) for c in CAMPAIGNS),
        budgets=tuple(local_price(c.budget_cents, currency, exponent) for c in CAMPAIGNS),
        exponent=exponent,
        currency=currency,
    )


AS_WRITTEN = owners_catalogue()  # English, US dollars: the tests' and the bench's default
