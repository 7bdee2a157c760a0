"""French customers: SARL and SAS, « rue » addresses, job titles in his and her form."""

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

FRENCH = Language(
    code="fr",
    positions=(
        ("Directeur général", "Directrice générale"),
        ("Gérant", "Gérante"),
        ("Président", "Présidente"),
        ("Responsable des achats", "Responsable des achats"),
        ("Directeur commercial", "Directrice commerciale"),
        ("Comptable", "Comptable"),
        ("Directeur administratif et financier", "Directrice administrative et financière"),
        ("Assistant de direction", "Assistante de direction"),
        ("Responsable informatique", "Responsable informatique"),
        ("Responsable des services généraux", "Responsable des services généraux"),
        ("Acheteur", "Acheteuse"),
        ("Chef d'entrepôt", "Cheffe d'entrepôt"),
        ("Responsable RH", "Responsable RH"),
    ),
    leading_positions=3,
    task_titles=(
        "Envoyer le devis",
        "Rappeler au sujet de la commande",
        "Préparer le contrat",
        "Envoyer des échantillons",
        "Envoyer la facture",
        "Vérifier le paiement",
        "Planifier une démonstration",
        "Relancer après le rendez-vous",
        "Confirmer la date de livraison",
        "Renouveler le contrat de maintenance",
        "Demander un retour",
        "Envoyer le nouveau tarif",
        "Organiser l'installation",
        "Préparer une proposition",
    ),
    interaction_subjects={
        "call": (
            "Appel de suivi",
            "Question sur les délais de livraison",
            "Demande de prix",
            "Renouvellement évoqué",
            "Relance pour une facture impayée",
            "Commande confirmée par téléphone",
        ),
        "meeting": (
            "Point trimestriel",
            "Démonstration produit",
            "Rendez-vous chez le client",
            "Négociation du contrat",
            "Préparation du déménagement",
        ),
        "email": (
            "Devis envoyé",
            "Facture envoyée",
            "Réponse aux questions sur la garantie",
            "Nouveau tarif envoyé",
            "Confirmation de commande",
        ),
        "note": (
            "Préfère être appelé le matin",
            "Budget validé pour le prochain trimestre",
            "Le gérant est en congé jusqu'à la fin du mois",
            "Demande une remise sur volume",
        ),
        "visit": (
            "Visite de l'entrepôt",
            "Échantillons déposés",
            "Métré des bureaux",
            "Contrôle après installation",
        ),
    },
    deal_titles=(
        ("Fauteuils pour les nouveaux bureaux", "chairs"),
        ("Bureaux assis-debout pour l'équipe", "desks"),
        ("Armoires pour les archives", "storage"),
        ("Postes de travail pour les nouveaux arrivants", "tech"),
        ("Renouvellement du parc d'imprimantes", "printers"),
        ("Contrat annuel papier et toner", "supplies"),
        ("Machine à café pour le bureau", "coffee"),
        ("Passage à l'éclairage LED", "lighting"),
        ("Rayonnages pour l'entrepôt", "warehouse"),
        ("Contrat de maintenance", "services"),
    ),
    lost_reasons=(
        "Prix trop élevé",
        "A choisi un concurrent",
        "Budget réduit",
        "Pas de réponse",
        "Projet reporté",
        "Délai de livraison trop long",
    ),
    case_subjects=(
        ("Le vérin du fauteuil s'affaisse", "repair", "chairs"),
        ("Le moteur du bureau est bruyant", "repair", "desks"),
        ("Livraison en retard", "complaint", None),
        ("Mauvaise couleur livrée", "return", "chairs"),
        ("La cartouche de toner fuit", "warranty", "printers"),
        ("La machine à café demande un détartrage", "repair", "coffee"),
        ("Comment régler la hauteur du bureau ?", "question", "desks"),
        ("Retour d'articles non utilisés", "return", "supplies"),
        ("Le bras d'écran ne tient pas", "warranty", "tech"),
        ("La dalle LED clignote", "warranty", "lighting"),
        ("Mauvaise adresse sur la facture", "question", None),
    ),
    resolutions=(
        "Remplacé sous garantie.",
        "Réparé sur place.",
        "Avoir émis.",
        "Expliqué par téléphone.",
        "Pièce de remplacement envoyée.",
        "Repris et remboursé.",
    ),
    customer_notes=(
        "Paie à l'heure.",
        "Préfère les e-mails.",
        "Numéro de bon de commande obligatoire sur les factures.",
        "Livraison le matin uniquement.",
        "-10 % sur les fauteuils, accordé par le gérant.",
        "Fermé en août.",
    ),
    mailboxes=("contact", "contact", "info", "commercial", "compta"),
    sources=(
        "Site web",
        "Site web",
        "Recommandation",
        "Recommandation",
        "Salon",
        "Prospection téléphonique",
        "Google Ads",
        "LinkedIn",
        "Client existant",
        "Partenaire",
        "Lettre d'information",
    ),
)

MEN = (
    "Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Laurent",
    "Stéphane", "Frédéric", "Julien", "Sébastien", "Thomas", "Antoine", "Mathieu", "Olivier",
    "François", "Jérôme", "Émile", "Hugo", "Louis", "Lucas", "Gabriel", "Arthur", "Raphaël",
    "Paul", "Théo", "Maxime", "Vincent", "Benoît", "Guillaume", "Romain", "Cédric", "Yann",
    "Gaël", "Damien", "Thierry", "Patrick", "Éric", "Bruno", "Jean-Marc", "Jean-Luc",
)  # fmt: skip
WOMEN = (
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Sophie", "Valérie",
    "Christine", "Céline", "Sandrine", "Aurélie", "Julie", "Camille", "Léa", "Chloé", "Manon",
    "Emma", "Inès", "Louise", "Hélène", "Amélie", "Claire", "Élodie", "Émilie", "Margaux",
    "Pauline", "Anne", "Agnès", "Brigitte", "Mathilde", "Juliette", "Charlotte", "Lucie",
    "Sarah", "Laure", "Caroline", "Virginie", "Véronique", "Delphine", "Anne-Sophie",
)  # fmt: skip
SURNAMES = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
    "Duval", "Denis", "Dumont", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier", "Brun",
    "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
    "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas",
    "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc",
    "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Dupuis", "Guillot",
    "Hubert", "Berger", "Carpentier", "Moulin", "Deschamps", "Huet", "Vasseur", "Boucher",
    "Fleury", "Royer", "Klein", "Jacquet", "Adam", "Poirier", "Marty", "Aubry", "Guyot",
    "Carré", "Charles", "Renault", "Charpentier", "Ménard", "Maillard", "Baron", "Bertin",
    "Bailly", "Hervé", "Le Gall", "Collet", "Léger", "Bouvier", "Prévost", "Millet",
    "Perrot", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois", "Rémy",
    "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun", "Marchal",
    "Mallet", "Hamon", "Boulanger", "Monnier", "Michaud", "Guichard", "Gillet", "Étienne",
    "Tessier", "Chauvin", "Bouchet", "Lemaître", "Maréchal", "Humbert", "Reynaud", "Perret",
    "Barthélemy", "Cordier", "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier",
)  # fmt: skip


def _person(rng: Random, female: bool) -> Person:
    first = pick(rng, WOMEN if female else MEN)
    last = pick(rng, SURNAMES)
    return Person(f"{first} {last}", ascii_slug(first), ascii_slug(last), female)


_WORDS = (
    "Lumière", "Horizon", "Alpes", "Riviera", "Bretagne", "Atlantique", "Méditerranée",
    "Azur", "Étoile", "Soleil", "Océan", "Saint-Michel", "Montmartre", "Bastille", "Opéra",
    "Vendôme", "Confluence", "Garonne", "Loire", "Rhône", "Seine", "Mistral", "Lavande",
    "Cèdre", "Érable", "Chêne", "Provence", "Belle Époque", "Rivoli", "Château",
)  # fmt: skip
_TRADES = (
    "Conseil", "Transports", "Immobilier", "Menuiserie", "Plomberie", "Électricité",
    "Imprimerie", "Informatique", "Bâtiment", "Distribution", "Logistique", "Services",
    "Nettoyage", "Architecture", "Paysages", "Communication", "Optique", "Traiteur",
    "Ameublement", "Emballages", "Événements", "Voyages", "Boulangerie", "Garage",
)  # fmt: skip


def company(rng: Random, city: City) -> tuple[str, str]:
    """Transports Moreau SAS, Lumière Conseil SARL, Établissements Garnier, Dubois et Fils."""
    style = rng.random()
    if style < 0.4:
        trade, last = pick(rng, _TRADES), pick(rng, SURNAMES)
        form = pick(rng, ("SARL", "SARL", "SAS", "EURL"))
        return f"{trade} {last} {form}", ascii_slug(trade) + ascii_slug(last)
    if style < 0.7:
        word, trade = pick(rng, _WORDS), pick(rng, _TRADES)
        form = pick(rng, ("SAS", "SAS", "SARL", "SA"))
        return f"{word} {trade} {form}", ascii_slug(word) + ascii_slug(trade)
    if style < 0.85:
        last = pick(rng, SURNAMES)
        return f"Établissements {last}", ascii_slug("ets") + ascii_slug(last)
    last = pick(rng, SURNAMES)
    if rng.random() < 0.5:
        return f"{last} et Fils SARL", ascii_slug(last) + ascii_slug("etfils")
    return f"Cabinet {last} & Associés", ascii_slug("cabinet") + ascii_slug(last)


_STREETS = (
    "rue de la République", "rue Victor Hugo", "avenue Jean Jaurès", "rue de Paris",
    "rue du Général de Gaulle", "boulevard Gambetta", "rue Pasteur", "avenue de la Gare",
    "rue Nationale", "place de la Mairie", "rue des Écoles", "rue du Moulin", "avenue Foch",
    "rue Voltaire", "rue de Rivoli", "boulevard Haussmann", "rue Saint-Honoré",
    "quai des Chartrons",
    "rue de la Paix", "rue Émile Zola", "allée des Tilleuls", "chemin des Vignes",
)  # fmt: skip


def address(rng: Random, city: City, company_: bool) -> str:
    """12 rue Victor Hugo, 4 bis avenue Foch."""
    house = f"{int(rng.random() * 120) + 1}{' bis' if rng.random() < 0.06 else ''}"
    return f"{house} {pick(rng, _STREETS)}"


def _email_local(rng: Random, person: Person, domain: str) -> str:
    style = rng.random()
    if style < 0.55:
        return f"{person.given}.{person.family}"
    if style < 0.8:
        return f"{person.given[0]}{person.family}"
    return f"{person.given}{person.family}{int(rng.random() * 90) + 10}"


FRANCE = Country(
    region="FR",
    name="France",
    weight=6,
    language=FRENCH,
    calling_code="33",
    cities=(
        City("Paris", ("1",), 8, "4"),
        City("Lyon", ("472", "478"), 6, "0123456789"),
        City("Marseille", ("491",), 6, "0123456789"),
        City("Toulouse", ("561",), 6, "0123456789"),
        City("Bordeaux", ("556",), 6, "0123456789"),
        City("Nice", ("493",), 6, "0123456789"),
        City("Nantes", ("240",), 6, "0123456789"),
        City("Strasbourg", ("388",), 6, "0123456789"),
        City("Lille", ("320",), 6, "0123456789"),
        City("Montpellier", ("467",), 6, "0123456789"),
    ),
    mobile=Mobile(("60", "61", "62", "64", "65", "66", "67", "68", "75", "76", "77", "78"), 9),
    person=_person,
    contact=_person,
    company=company,
    address=address,
    web_suffixes=("fr", "fr", "fr", "com"),
    free_mail=("orange.fr", "free.fr", "gmail.com", "laposte.net", "sfr.fr", "wanadoo.fr"),
    email_local=_email_local,
)

COUNTRIES = (FRANCE,)
