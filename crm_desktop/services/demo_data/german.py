"""German customers: GmbH and KG, Straße and Hausnummer, job titles in his and her form."""

from __future__ import annotations

from random import Random

from crm_desktop.services.demo_data.model import (
    City,
    Country,
    Language,
    Mobile,
    Person,
    ascii_slug,
    pick,
)

GERMAN = Language(
    code="de",
    positions=(
        ("Geschäftsführer", "Geschäftsführerin"),
        ("Inhaber", "Inhaberin"),
        ("Prokurist", "Prokuristin"),
        ("Einkaufsleiter", "Einkaufsleiterin"),
        ("Büroleiter", "Büroleiterin"),
        ("Buchhalter", "Buchhalterin"),
        ("Assistent der Geschäftsführung", "Assistentin der Geschäftsführung"),
        ("IT-Leiter", "IT-Leiterin"),
        ("Vertriebsleiter", "Vertriebsleiterin"),
        ("Lagerleiter", "Lagerleiterin"),
        ("Sachbearbeiter Einkauf", "Sachbearbeiterin Einkauf"),
        ("Personalleiter", "Personalleiterin"),
        ("Office-Manager", "Office-Managerin"),
    ),
    leading_positions=2,
    task_titles=(
        "Angebot senden",
        "Wegen der Bestellung zurückrufen",
        "Vertrag vorbereiten",
        "Muster schicken",
        "Rechnung stellen",
        "Zahlungseingang prüfen",
        "Vorführung vereinbaren",
        "Nach dem Termin nachfassen",
        "Liefertermin bestätigen",
        "Wartungsvertrag verlängern",
        "Feedback einholen",
        "Neue Preisliste schicken",
        "Montage planen",
        "Angebot ausarbeiten",
    ),
    interaction_subjects={
        "call": (
            "Nachfassanruf",
            "Frage nach dem Liefertermin",
            "Preisanfrage",
            "Verlängerung besprochen",
            "Wegen offener Rechnung angerufen",
            "Bestellung telefonisch bestätigt",
        ),
        "meeting": (
            "Quartalsgespräch",
            "Produktvorführung",
            "Termin beim Kunden",
            "Vertragsverhandlung",
            "Planung des Büroumzugs",
        ),
        "email": (
            "Angebot geschickt",
            "Rechnung geschickt",
            "Fragen zur Garantie beantwortet",
            "Neue Preisliste geschickt",
            "Auftragsbestätigung",
        ),
        "note": (
            "Am besten vormittags anrufen",
            "Budget fürs nächste Quartal genehmigt",
            "Geschäftsführung bis Monatsende im Urlaub",
            "Wünscht Mengenrabatt",
        ),
        "visit": (
            "Lager besichtigt",
            "Muster vorbeigebracht",
            "Büro für neue Tische ausgemessen",
            "Abnahme nach der Montage",
        ),
    },
    deal_titles=(
        ("Bürostühle für das neue Büro", "chairs"),
        ("Höhenverstellbare Schreibtische fürs Team", "desks"),
        ("Schränke für das Archiv", "storage"),
        ("Arbeitsplätze für neue Mitarbeiter", "tech"),
        ("Austausch der Druckerflotte", "printers"),
        ("Jahresvertrag Papier und Toner", "supplies"),
        ("Kaffeevollautomat fürs Büro", "coffee"),
        ("Umrüstung auf LED-Beleuchtung", "lighting"),
        ("Lagerregale", "warehouse"),
        ("Wartungsvertrag", "services"),
    ),
    lost_reasons=(
        "Preis zu hoch",
        "Für einen Mitbewerber entschieden",
        "Budget gekürzt",
        "Keine Rückmeldung",
        "Projekt verschoben",
        "Lieferzeit zu lang",
    ),
    case_subjects=(
        ("Gasfeder des Stuhls sackt ab", "repair", "chairs"),
        ("Tischmotor macht Geräusche", "repair", "desks"),
        ("Lieferung verspätet", "complaint", None),
        ("Falsche Farbe geliefert", "return", "chairs"),
        ("Tonerkartusche läuft aus", "warranty", "printers"),
        ("Kaffeevollautomat meldet Entkalken", "repair", "coffee"),
        ("Wie stelle ich die Tischhöhe ein?", "question", "desks"),
        ("Rückgabe unbenutzter Artikel", "return", "supplies"),
        ("Monitorarm hält den Bildschirm nicht", "warranty", "tech"),
        ("LED-Panel flackert", "warranty", "lighting"),
        ("Falsche Adresse auf der Rechnung", "question", None),
    ),
    resolutions=(
        "Auf Garantie ersetzt.",
        "Vor Ort repariert.",
        "Gutschrift erstellt.",
        "Telefonisch erklärt.",
        "Ersatz geschickt.",
        "Abgeholt und erstattet.",
    ),
    customer_notes=(
        "Zahlt pünktlich.",
        "Bitte nur per E-Mail.",
        "Bestellnummer auf jeder Rechnung angeben.",
        "Anlieferung nur vormittags, Hintereingang.",
        "-10 % auf alle Stühle, mit der Geschäftsführung vereinbart.",
        "Betriebsferien im August.",
    ),
    mailboxes=("info", "kontakt", "buero", "vertrieb", "service"),
    sources=(
        "Website",
        "Website",
        "Empfehlung",
        "Empfehlung",
        "Messe",
        "Kaltakquise",
        "Google Ads",
        "XING",
        "Bestandskunde",
        "Partner",
        "Newsletter",
    ),
)

MEN = (
    "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Frank", "Peter",
    "Jürgen", "Klaus", "Wolfgang", "Uwe", "Matthias", "Martin", "Alexander", "Jan", "Tobias",
    "Daniel", "Sebastian", "Florian", "Lukas", "Felix", "Jonas", "Maximilian", "Leon", "Paul",
    "Tim", "Niklas", "Philipp", "Dirk", "Ralf", "Holger", "Bernd", "Jörg", "Günter", "Hans",
    "Dieter", "Karl", "Heinz", "Sven", "Kai", "Oliver", "Torsten", "Marco", "Moritz",
    "Benedikt", "Johannes", "Simon", "David", "Fabian", "Björn", "Lars", "Jens", "Volker",
)  # fmt: skip
WOMEN = (
    "Sabine", "Petra", "Monika", "Ursula", "Andrea", "Claudia", "Susanne", "Stefanie",
    "Nicole", "Julia", "Katharina", "Anna", "Lena", "Hannah", "Laura", "Sarah", "Lisa",
    "Christina", "Sandra", "Birgit", "Heike", "Karin", "Gabriele", "Renate", "Ingrid",
    "Anke", "Silke", "Jana", "Melanie", "Tanja", "Miriam", "Franziska", "Johanna", "Marie",
    "Sophie", "Lea", "Charlotte", "Emma", "Mia", "Jutta", "Brigitte", "Elke", "Doris",
    "Annette", "Kerstin", "Nadine", "Vanessa", "Carina", "Svenja", "Jülide", "Bärbel", "Käthe",
)  # fmt: skip
SURNAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
    "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
    "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze",
    "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber", "Kaiser", "Fuchs",
    "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel",
    "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz",
    "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter",
    "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer",
    "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte",
    "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann",
    "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer", "Ernst", "Lindner", "Hübner",
    "Kramer", "Franz", "Jansen", "Götz", "Hansen", "Wirth", "Brinkmann", "Lenz", "Ebert",
    "Kopp", "Kurz", "Fritz", "Haase", "Ritter", "Thiel", "Wendt", "Kolb", "Hesse", "Reuter",
    "Schilling", "Beyer", "Marx", "Zander", "Rösler", "Kirchner", "Ulrich", "Brückner",
    "Voß", "Böttcher", "Böhme", "Ott", "Dreher", "Lutz", "Fiedler", "Gerlach", "Hauser",
    "Nagel", "Wegner", "Förster", "Lindemann", "Auer", "Riedel", "Heller", "Seifert",
)  # fmt: skip


def _person(rng: Random, female: bool) -> Person:
    first = pick(rng, WOMEN if female else MEN)
    last = pick(rng, SURNAMES)
    title = "Dr. " if rng.random() < 0.07 else ""  # a doctorate is part of the name here
    return Person(
        f"{title}{first} {last}",
        ascii_slug(first, germanic=True),
        ascii_slug(last, germanic=True),
        female,
    )


_ROOTS = (
    "Alpen", "Rhein", "Nord", "Süd", "Elb", "Main", "Isar", "Spree", "Hanse", "Eichen",
    "Linden", "Sonnen", "Berg", "Stern", "Adler", "Falken", "Weser", "Ruhr", "Harz", "Taunus",
    "Eifel", "Saar", "Mosel", "Donau", "Neckar", "Havel", "Ostsee", "Nordsee", "Tannen", "Birken",
)  # fmt: skip
_COMPOUNDS = (
    "technik", "bau", "handel", "logistik", "druck", "medien", "plan", "service", "metall",
    "holz", "energie", "data", "tec", "form", "werk",
)  # fmt: skip
_TRADES = (
    "Haustechnik", "Elektrotechnik", "Bau", "Handel", "Logistik", "Druck", "Metallbau",
    "Holzbau", "Gebäudereinigung", "Sanitär", "Maschinenbau", "Medien", "Software",
    "Beratung", "Steuerberatung", "Immobilien", "Spedition", "Verpackung", "Kfz-Technik",
    "Gartenbau", "Zahntechnik", "Optik", "Feinkost", "Getränkehandel", "Möbel", "Büroservice",
    "Messebau", "Solartechnik", "Automation", "Werkzeugbau",
)  # fmt: skip
_SHOPS = ("Bäckerei", "Metzgerei", "Schreinerei", "Autohaus", "Blumen", "Optik", "Praxis")


def company(rng: Random, city: City) -> tuple[str, str]:
    """Müller Haustechnik GmbH, Rheinlogistik GmbH, Bäckerei Krüger, Weber & Koch GmbH & Co. KG."""
    style = rng.random()
    if style < 0.35:
        last, trade = pick(rng, SURNAMES), pick(rng, _TRADES)
        form = pick(rng, ("GmbH", "GmbH", "GmbH", "KG", "e.K."))
        return f"{last} {trade} {form}", ascii_slug(last, germanic=True) + ascii_slug(
            trade, germanic=True
        )
    if style < 0.65:
        root, compound = pick(rng, _ROOTS), pick(rng, _COMPOUNDS)
        form = pick(rng, ("GmbH", "GmbH", "AG", "GmbH & Co. KG"))
        return f"{root}{compound} {form}", ascii_slug(root, germanic=True) + ascii_slug(
            compound, germanic=True
        )
    if style < 0.8:
        shop, last = pick(rng, _SHOPS), pick(rng, SURNAMES)
        return f"{shop} {last}", ascii_slug(shop, germanic=True) + ascii_slug(last, germanic=True)
    one, two = pick(rng, SURNAMES), pick(rng, SURNAMES)
    if one == two:
        return f"{one} & Söhne GmbH", ascii_slug(one, germanic=True) + ascii_slug(
            "soehne", germanic=True
        )
    return f"{one} & {two} GmbH & Co. KG", ascii_slug(one, germanic=True) + ascii_slug(
        two, germanic=True
    )


_STREETS = (
    "Hauptstraße", "Bahnhofstraße", "Gartenstraße", "Schulstraße", "Bergstraße",
    "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Friedrichstraße",
    "Industriestraße", "Goethestraße", "Schillerstraße", "Mozartstraße", "Am Markt",
    "Rosenweg", "Birkenweg", "Mühlenweg", "Kaiserstraße", "Am Hafen", "Gewerbestraße",
    "Robert-Bosch-Straße", "Carl-Zeiss-Straße", "Max-Planck-Straße", "Poststraße",
    "Wiesenstraße", "Feldstraße", "Parkstraße", "Uhlandstraße", "Hafenstraße",
)  # fmt: skip


def address(rng: Random, city: City, company_: bool) -> str:
    """Friedrichstraße 123, Robert-Bosch-Straße 7a."""
    house = f"{int(rng.random() * 180) + 1}{'a' if rng.random() < 0.08 else ''}"
    return f"{pick(rng, _STREETS)} {house}"


def _email_local(rng: Random, person: Person, domain: str) -> str:
    style = rng.random()
    if style < 0.5:
        return f"{person.given}.{person.family}"
    if style < 0.75:
        return f"{person.given[0]}.{person.family}"
    return f"{person.family}{int(rng.random() * 90) + 10}"


GERMANY = Country(
    region="DE",
    name="Deutschland",
    weight=9,
    language=GERMAN,
    calling_code="49",
    cities=(
        City("Berlin", ("30",), 8, "2345678"),
        City("München", ("89",), 8, "2345678"),
        City("Hamburg", ("40",), 8, "2345678"),
        City("Köln", ("221",), 7, "2345678"),
        City("Frankfurt am Main", ("69",), 8, "2345678"),
        City("Düsseldorf", ("211",), 7, "2345678"),
        City("Stuttgart", ("711",), 7, "2345678"),
        City("Leipzig", ("341",), 7, "2345678"),
        City("Dresden", ("351",), 7, "2345678"),
        City("Hannover", ("511",), 7, "2345678"),
        City("Nürnberg", ("911",), 7, "2345678"),
        City("Bremen", ("421",), 7, "2345678"),
    ),
    mobile=Mobile(("151", "152", "157", "159", "176"), 11),
    person=_person,
    contact=_person,
    company=company,
    address=address,
    web_suffixes=("de", "de", "de", "com"),
    free_mail=("gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de", "outlook.de"),
    email_local=_email_local,
)

COUNTRIES = (GERMANY,)
