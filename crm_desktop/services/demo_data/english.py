"""English-speaking customers: the United States, the United Kingdom, Canada and Australia."""

from __future__ import annotations

from random import Random

from crm_desktop.services.demo_data.model import (
    City,
    CompanyMaker,
    Country,
    Language,
    Mobile,
    Person,
    ascii_slug,
    pick,
)

ENGLISH = Language(
    code="en",
    positions=(
        ("CEO", "CEO"),
        ("Owner", "Owner"),
        ("Managing Director", "Managing Director"),
        ("Purchasing Manager", "Purchasing Manager"),
        ("Office Manager", "Office Manager"),
        ("Finance Manager", "Finance Manager"),
        ("Accountant", "Accountant"),
        ("Operations Manager", "Operations Manager"),
        ("Head of Procurement", "Head of Procurement"),
        ("IT Manager", "IT Manager"),
        ("Facilities Manager", "Facilities Manager"),
        ("Sales Director", "Sales Director"),
        ("Executive Assistant", "Executive Assistant"),
        ("HR Manager", "HR Manager"),
        ("Warehouse Manager", "Warehouse Manager"),
    ),
    leading_positions=3,
    task_titles=(
        "Send quote",
        "Call back about the order",
        "Prepare contract",
        "Send samples",
        "Send invoice",
        "Check payment",
        "Schedule a demo",
        "Follow up after the meeting",
        "Confirm delivery date",
        "Renew maintenance plan",
        "Ask for feedback",
        "Send the new price list",
        "Arrange installation",
        "Prepare proposal",
    ),
    interaction_subjects={
        "call": (
            "Follow-up call",
            "Asked about delivery dates",
            "Price inquiry",
            "Discussed the renewal",
            "Called about an overdue invoice",
            "Confirmed the order by phone",
        ),
        "meeting": (
            "Quarterly review",
            "Product demo",
            "Kick-off meeting",
            "Contract negotiation",
            "Planning the office move",
        ),
        "email": (
            "Sent quote",
            "Sent invoice",
            "Answered questions about the warranty",
            "Sent the new price list",
            "Order confirmation",
        ),
        "note": (
            "Prefers calls in the morning",
            "Budget approved for next quarter",
            "Decision maker on holiday until the end of the month",
            "Asked for a volume discount",
        ),
        "visit": (
            "Visited their warehouse",
            "Delivered samples",
            "Measured the office for the new desks",
            "Checked the installation",
        ),
    },
    deal_titles=(
        ("Office chairs for the new office", "chairs"),
        ("Standing desks for the team", "desks"),
        ("Storage for the archive", "storage"),
        ("Workplace setup for new hires", "tech"),
        ("Printer fleet replacement", "printers"),
        ("Annual supply of paper and toner", "supplies"),
        ("Coffee machine for the office", "coffee"),
        ("Lighting upgrade to LED", "lighting"),
        ("Warehouse shelving", "warehouse"),
        ("Maintenance contract", "services"),
    ),
    lost_reasons=(
        "Price too high",
        "Chose a competitor",
        "Budget cut",
        "No response",
        "Project postponed",
        "Delivery time too long",
    ),
    case_subjects=(
        ("The chair's gas lift sinks", "repair", "chairs"),
        ("Desk motor makes a noise", "repair", "desks"),
        ("Late delivery", "complaint", None),
        ("Wrong colour delivered", "return", "chairs"),
        ("Toner cartridge leaks", "warranty", "printers"),
        ("Coffee machine asks for descaling", "repair", "coffee"),
        ("How do I adjust the desk height?", "question", "desks"),
        ("Return of unused items", "return", "supplies"),
        ("Monitor arm does not hold the screen", "warranty", "tech"),
        ("LED panel flickers", "warranty", "lighting"),
        ("Invoice shows the wrong address", "question", None),
    ),
    resolutions=(
        "Replaced under warranty.",
        "Repaired on site.",
        "Credit note issued.",
        "Explained by phone.",
        "Sent a replacement.",
        "Collected and refunded.",
    ),
    customer_notes=(
        "Pays on time.",
        "Prefers email.",
        "PO number required on every invoice.",
        "Deliveries to the back entrance, before 10 am.",
        "-10% on all chairs, agreed with the owner.",
        "Closed between Christmas and New Year.",
    ),
    mailboxes=("info", "sales", "office", "hello", "accounts"),
    sources=(
        "Website",
        "Website",
        "Referral",
        "Referral",
        "Trade show",
        "Cold call",
        "Google Ads",
        "LinkedIn",
        "Existing customer",
        "Partner",
        "Newsletter",
    ),
)

MEN = (
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven",
    "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald",
    "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
    "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory",
    "Alexander", "Patrick", "Frank", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron",
    "Henry", "Adam", "Douglas", "Nathan", "Peter", "Zachary", "Kyle", "Noah", "Ethan",
    "Jeremy", "Christian", "Walter", "Keith", "Austin", "Roger", "Terry", "Sean", "Gavin",
    "Liam", "Oliver", "Harry", "Oscar", "Callum", "Rhys", "Owen", "Lucas", "Mason", "Logan",
)  # fmt: skip
WOMEN = (
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica",
    "Sarah", "Karen", "Lisa", "Nancy", "Betty", "Sandra", "Margaret", "Ashley", "Kimberly",
    "Emily", "Donna", "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie",
    "Rebecca", "Sharon", "Laura", "Cynthia", "Dorothy", "Amy", "Kathleen", "Angela",
    "Shirley", "Emma", "Brenda", "Pamela", "Nicole", "Anna", "Samantha", "Katherine",
    "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Maria", "Olivia", "Heather",
    "Helen", "Catherine", "Diane", "Julie", "Victoria", "Joyce", "Lauren", "Kelly",
    "Christina", "Joan", "Evelyn", "Judith", "Andrea", "Hannah", "Megan", "Cheryl",
    "Jacqueline", "Martha", "Madison", "Teresa", "Gloria", "Sara", "Janice", "Ann",
    "Sophie", "Chloe", "Amelia", "Charlotte", "Grace", "Isla", "Lucy", "Ella", "Zoe",
)  # fmt: skip
SURNAMES: tuple[str, ...] = (
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
    "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
    "Hill", "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner",
    "Phillips", "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris",
    "Murphy", "Cook", "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell",
    "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
    "Gray", "James", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster",
    "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Fisher", "Henderson", "Coleman",
    "Simmons", "Patterson", "Jordan", "Reynolds", "Hamilton", "Graham", "Wallace", "West",
    "Cole", "Hayes", "Bryant", "Gibson", "Ellis", "Stevens", "Marshall", "Owens", "McDonald",
    "Harrison", "Kennedy", "Wells", "Alexander", "Tucker", "Porter", "Hunter", "Hicks",
    "Crawford", "Henry", "Boyd", "Mason", "Warren", "Dixon", "Burns", "Gordon", "Shaw",
    "Holmes", "Rice", "Robertson", "Hunt", "Black", "Daniels", "Palmer", "Mills", "Grant",
    "Knight", "Ferguson", "Stone", "Hawkins", "Dunn", "Perkins", "Hudson", "Spencer",
    "Gardner", "Stephens", "Payne", "Pierce", "Berry", "Matthews", "Arnold", "Wagner",
    "Willis", "Ray", "Watkins", "Olson", "Carroll", "Duncan", "Snyder", "Hart", "Cunningham",
    "Bradley", "Lane", "Andrews", "Harper", "Fox", "Riley", "Armstrong", "Carpenter",
    "Weaver", "Greene", "Lawrence", "Elliott", "Chapman", "Sims", "Austin", "Peters",
    "Kelley", "Franklin", "Lawson", "Fields", "Ryan", "Schmidt", "Carr", "Castillo",
    "Wheeler", "Chavez", "Dean", "Gilbert", "Montgomery", "Richards", "Williamson",
    "Johnston", "Banks", "Meyer", "Bishop", "McCoy", "Howell", "Morrison", "Hansen",
    "Harvey", "Little", "Burton", "Stanley", "George", "Jacobs", "Reid", "Fuller", "Lynch",
    "Dean", "Gilbert", "Garrett", "Welch", "Larson", "Frazier", "Burke", "Hanson", "Day",
    "Moreno", "Bowman", "Medina", "Fowler", "Brewer", "Hoffman", "Carlson", "Silva",
    "Pearson", "Holland", "Douglas", "Fleming", "Jensen", "Vargas", "Byrd", "Davidson",
    "Hopkins", "May", "Terry", "Herrera", "Wade", "Soto", "Walters", "Curtis", "Neal",
    "Caldwell", "Lowe", "Jennings", "Barnett", "Graves", "Jimenez", "Horton", "Shelton",
    "Barrett", "O'Brien", "Castro", "Sutton", "Gregory", "McKinney", "Lucas", "Miles",
    "Craig", "Rodriquez", "Chambers", "Holt", "Lambert", "Fletcher", "Watts", "Bates",
    "Hale", "Rhodes", "Pena", "Beck", "Newman", "Haynes", "McDaniel", "Mendez", "Bush",
    "Vaughn", "Parks", "Dawson", "Santiago", "Norris", "Hardy", "Love", "Steele", "Curry",
    "Powers", "Schultz", "Barker", "Guzman", "Page", "Munoz", "Ball", "Keller", "Chandler",
    "Weber", "Leonard", "Walsh", "Lyons", "Ramsey", "Wolfe", "Schneider", "Mullins",
    "Benson", "Sharp", "Bowen", "Daniel", "Barber", "Cummings", "Hines", "Baldwin",
    "Griffith", "Valdez", "Hubbard", "Salazar", "Reeves", "Warner", "Stevenson", "Burgess",
    "Santos", "Tate", "Cross", "Garner", "Mann", "Mack", "Moss", "Thornton", "Dennis",
    "McGee", "Farmer", "Delgado", "Aguilar", "Vega", "Glover", "Manning", "Cohen",
    "Harmon", "Rodgers", "Robbins", "Newton", "Todd", "Blair", "Higgins", "Ingram",
    "Reese", "Cannon", "Strickland", "Townsend", "Potter", "Goodwin", "Walton", "Rowe",
    "Hampton", "Ortega", "Patton", "Swanson", "Joseph", "Francis", "Goodman", "Maldonado",
    "Yates", "Becker", "Erickson", "Hodges", "Rios", "Conner", "Adkins", "Webster",
    "Norman", "Malone", "Hammond", "Flowers", "Cobb", "Moody", "Quinn", "Blake", "Maxwell",
    "Pope", "Floyd", "Osborne", "Paul", "McCarthy", "Guerrero", "Lindsey", "Estrada",
    "Sandoval", "Gibbs", "Tyler", "Gross", "Fitzgerald", "Stokes", "Doyle", "Sherman",
    "Saunders", "Wise", "Colon", "Gill", "Alvarado", "Greer", "Padilla", "Simon", "Waters",
    "Nunez", "Ballard", "Schwartz", "McBride", "Houston", "Christensen", "Klein", "Pratt",
    "Briggs", "Parsons", "McLaughlin", "Zimmerman", "French", "Buchanan", "Moran",
    "Copeland", "Roy", "Pittman", "Brady", "McCormick", "Holloway", "Brock", "Poole",
    "Frank", "Logan", "Owen", "Bass", "Marsh", "Drake", "Wong", "Jefferson", "Park",
    "Morton", "Abbott", "Sparks", "Patrick", "Norton", "Huff", "Clayton", "Massey", "Lloyd",
    "Figueroa", "Carson", "Bowers", "Roberson", "Barton", "Tran", "Lamb", "Harrington",
    "Casey", "Boone", "Cortez", "Clarke", "Mathis", "Singleton", "Wilkins", "Cain",
    "Bryan", "Underwood", "Hogan", "McKenzie", "Collier", "Luna", "Phelps", "McGuire",
    "Allison", "Bridges", "Wilkerson", "Nash", "Summers", "Atkins", "Wilcox", "Pitts",
    "Conley", "Marquez", "Burnett", "Richard", "Cochran", "Chase", "Davenport", "Hood",
    "Gates", "Clay", "Ayala", "Sawyer", "Roman", "Vazquez", "Dickerson", "Hodge", "Acosta",
    "Flynn", "Espinoza", "Nicholson", "Monroe", "Wolf", "Morrow", "Kirk", "Randall",
    "Anthony", "Whitaker", "O'Connor", "Skinner", "Ware", "Molina", "Kirby", "Huffman",
    "Bradford", "Charles", "Gilmore", "Dominguez", "O'Neal", "Bruce", "Lang", "Combs",
    "Kramer", "Heath", "Hancock", "Gallagher", "Gaines", "Shaffer", "Short", "Wiggins",
    "Mathews", "McClain", "Fischer", "Wall", "Small", "Melton", "Hensley", "Bond", "Dyer",
    "Cameron", "Grimes", "Contreras", "Christian", "Wyatt", "Baxter", "Snow", "Mosley",
    "Shepherd", "Larsen", "Hoover", "Beasley", "Glenn", "Petersen", "Whitehead", "Meyers",
    "Keith", "Garrison", "Vincent", "Shields", "Horn", "Savage", "Olsen", "Schroeder",
    "Hartman", "Woodard", "Mueller", "Kemp", "Deleon", "Booth", "Patel", "Calhoun",
    "Wiley", "Eaton", "Cline", "Navarro", "Harrell", "Lester", "Humphrey", "Parrish",
    "Duran", "Hutchinson", "Hess", "Dorsey", "Bullock", "Robles", "Beard", "Dalton",
    "Avila", "Vance", "Rich", "Blackwell", "York", "Johns", "Blankenship", "Trevino",
    "Salinas", "Campos", "Pruitt", "Moses", "Callahan", "Golden", "Montoya", "Hardin",
    "Guerra", "McDowell", "Carey", "Stafford", "Gallegos", "Henson", "Wilkinson", "Booker",
    "Merritt", "Miranda", "Atkinson", "Orr", "Decker", "Hobbs", "Preston", "Tanner", "Knox",
    "Pacheco", "Stephenson", "Glass", "Rojas", "Serrano", "Marks", "Hickman", "English",
    "Sweeney", "Strong", "Prince", "McClure", "Conway", "Walter", "Roth", "Maynard",
    "Farrell", "Lowery", "Hurst", "Nixon", "Weiss", "Trujillo", "Ellison", "Sloan", "Juarez",
    "Winters", "McLean", "Randolph", "Leon", "Boyer", "Villarreal", "McCall", "Gentry",
    "Carrillo", "Kent", "Ayers", "Lara", "Shannon", "Sexton", "Pace", "Hull", "Leblanc",
    "Browning", "Velasquez", "Leach", "Chang", "House", "Sellers", "Herring", "Noble",
    "Foley", "Bartlett", "Mercado", "Landry", "Durham", "Walls", "Barr", "McKee", "Bauer",
    "Rivers", "Everett", "Bradshaw", "Pugh", "Velez", "Rush", "Estes", "Dodson", "Morse",
    "Sheppard", "Weeks", "Camacho", "Bean", "Barron", "Livingston", "Middleton", "Spears",
    "Branch", "Blevins", "Chen", "Kerr", "McConnell", "Hatfield", "Harding", "Ashley",
    "Solis", "Herman", "Frost", "Giles", "Blackburn", "William", "Pennington", "Woodward",
    "Finley", "McIntosh", "Koch", "Best", "Solomon", "McCullough", "Dudley", "Nolan",
    "Blanchard", "Rivas", "Brennan", "Mejia", "Kane", "Benton", "Joyce", "Buckley",
    "Haley", "Valentine", "Maddox", "Russo", "McKnight", "Buck", "Moon", "McMillan",
    "Crosby", "Berg", "Dotson", "Mays", "Roach", "Church", "Chan", "Richmond", "Meadows",
    "Faulkner", "O'Neill", "Knapp", "Kline", "Barry", "Ochoa", "Jacobson", "Gay", "Avery",
    "Hendricks", "Horne", "Shepard", "Hebert", "Cherry", "Cardenas", "McIntyre", "Whitney",
    "Waller", "Holman", "Donaldson", "Cantu", "Terrell", "Morin", "Gillespie", "Fuentes",
    "Tillman", "Sanford", "Bentley", "Peck", "Key", "Salas", "Rollins", "Gamble",
    "Dickson", "Battle", "Santana", "Cabrera", "Cervantes", "Howe", "Hinton", "Hurley",
    "Spence", "Zamora", "Yang", "McNeil", "Suarez", "Case", "Petty", "Gould", "McFarland",
    "Sampson", "Carver", "Bray", "Rosario", "Macdonald", "Stout", "Hester", "Melendez",
    "Dillon", "Farley", "Hopper", "Galloway", "Potts", "Bernard", "Joyner", "Stein",
    "Aguirre", "Osborn", "Mercer", "Bender", "Franco", "Rowland", "Sykes", "Benjamin",
    "Travis", "Pickett", "Crane", "Sears", "Mayo", "Dunlap", "Hayden", "Wilder", "McKay",
    "Coffey", "McCarty", "Ewing", "Cooley", "Vaughan", "Bonner", "Cotton", "Holder",
    "Stark", "Ferrell", "Cantrell", "Fulton", "Lynn", "Lott", "Calderon", "Rosa", "Pollard",
    "Hooper", "Burch", "Mullen", "Fry", "Riddle", "Levy", "David", "Duke", "O'Donnell",
    "Guy", "Michael", "Britt", "Frederick", "Daugherty", "Berger", "Dillard", "Alston",
    "Jarvis", "Frye", "Riggs", "Chaney", "Odom", "Duffy", "Fitzpatrick", "Valenzuela",
    "Merrill", "Mayer", "Alford", "McPherson", "Acevedo", "Donovan", "Barrera", "Albert",
    "Cote", "Reilly", "Compton", "Raymond", "Mooney", "McGowan", "Craft", "Cleveland",
    "Clemons", "Wynn", "Nielsen", "Baird", "Stanton", "Snider", "Rosales", "Bright",
    "Witt", "Stuart", "Hays", "Holden", "Rutledge", "Kinney", "Clements", "Castaneda",
    "Slater", "Hahn", "Emerson", "Conrad", "Burks", "Delaney", "Pate", "Lancaster", "Sweet",
    "Justice", "Tyson", "Sharpe", "Whitfield", "Talley", "Macias", "Irwin", "Burris",
    "Ratliff", "McCray", "Madden", "Kaufman", "Beach", "Goff", "Cash", "Bolton", "McFadden",
    "Levine", "Good", "Byers", "Kirkland", "Kidd", "Workman", "Carney", "Dale", "McLeod",
    "Holcomb", "England", "Finch", "Head", "Burt", "Hendrix", "Sosa", "Haney", "Franks",
    "Sargent", "Nieves", "Downs", "Rasmussen", "Bird", "Hewitt", "Lindsay", "Le", "Foreman",
    "Valencia", "O'Neil", "Delacruz", "Vinson", "Dejesus", "Hyde", "Forbes", "Gilliam",
    "Guthrie", "Wooten", "Huber", "Barlow", "Boyle", "McMahon", "Buckner", "Rocha",
    "Puckett", "Langley", "Knowles", "Cooke", "Velazquez", "Whitley", "Noel", "Vang",
)  # fmt: skip
SURNAMES = tuple(dict.fromkeys(SURNAMES))  # a name listed twice would weigh double

_WORDS = (
    "Northwind", "Blue Harbor", "Summit", "Evergreen", "Riverside", "Pioneer", "Atlas",
    "Beacon", "Cedar", "Ironwood", "Lighthouse", "Maple", "Oakridge", "Redwood", "Silverline",
    "Sterling", "Westfield", "Brightstar", "Clearwater", "Frontier", "Harbor Point",
    "Keystone", "Liberty", "Meridian", "Pinnacle", "Crescent", "Granite", "Horizon",
    "Canyon", "Prairie", "Bayview", "Blackstone", "Bluebird", "Copperleaf", "Crossroads",
    "Eastgate", "Fairview", "Foxglove", "Glenwood", "Greenfield", "Highland", "Hillcrest",
    "Juniper", "Kingfisher", "Lakeside", "Longview", "Millstone", "Northgate", "Oakwood",
    "Orchard", "Parkside", "Pinewood", "Quarry", "Ridgeline", "Rockwell", "Rosewood",
    "Sandstone", "Seaside", "Silver Birch", "Southgate", "Stonebridge", "Sunrise", "Thistle",
    "Timberline", "Trinity", "Westbrook", "Whitewater", "Willow", "Windmill", "Woodland",
    "Anchor", "Apex", "Arrow", "Cobalt", "Compass", "Crown", "Elm Tree", "Firefly", "Falcon",
    "Harvest", "Heritage", "Ivy", "Lantern", "Magnolia", "Monarch", "Nova", "Osprey",
    "Paragon", "Quest", "Red Oak", "Sapphire", "Skyline", "True North", "Union", "Vantage",
)  # fmt: skip
_TRADES = (
    "Logistics", "Consulting", "Supplies", "Foods", "Engineering", "Design", "Electric",
    "Plumbing", "Bakery", "Motors", "Dental", "Printing", "Hardware", "Landscaping",
    "Marketing", "Software", "Furniture", "Coffee", "Architects", "Accounting",
    "Construction", "Roofing", "Cleaning", "Realty", "Insurance", "Travel", "Media",
    "Analytics", "Labs", "Health", "Pharmacy", "Veterinary", "Auto Repair", "Catering",
    "Brewing", "Apparel", "Textiles", "Packaging", "Security", "Solar", "Heating & Cooling",
    "Interiors", "Studios", "Events", "Staffing", "Freight", "Medical", "Optics", "Fitness",
    "Machining", "Tooling", "Flooring", "Glass", "Signs", "Storage", "Distribution",
)  # fmt: skip
_PARTNERS = ("Accountants", "Architects", "Solicitors", "Associates", "Partners", "Surveyors")


def _person(rng: Random, female: bool, *, initial: float) -> Person:
    first = pick(rng, WOMEN if female else MEN)
    last = pick(rng, SURNAMES)
    middle = f" {chr(65 + int(rng.random() * 26))}." if rng.random() < initial else ""
    return Person(f"{first}{middle} {last}", first.lower(), ascii_slug(last), female)


def _american(rng: Random, female: bool) -> Person:
    # Americans often keep their middle initial in business.
    return _person(rng, female, initial=0.3)


def _british(rng: Random, female: bool) -> Person:
    return _person(rng, female, initial=0.0)


def _company(forms: tuple[str, ...]) -> CompanyMaker:
    def make(rng: Random, city: City) -> tuple[str, str]:
        style = rng.random()
        if style < 0.35:
            word, trade = pick(rng, _WORDS), pick(rng, _TRADES)
            return f"{word} {trade} {pick(rng, forms)}", ascii_slug(word) + ascii_slug(trade)
        if style < 0.75:
            last, trade = pick(rng, SURNAMES), pick(rng, _TRADES)
            return f"{last} {trade} {pick(rng, forms)}", ascii_slug(last) + ascii_slug(trade)
        if style < 0.9:
            one, two = pick(rng, SURNAMES), pick(rng, SURNAMES)
            if one == two:
                return f"{one} & Sons {pick(rng, _TRADES)}", ascii_slug(one) + ascii_slug("andsons")
            return f"{one} & {two} {pick(rng, _PARTNERS)}", ascii_slug(one) + ascii_slug(two)
        trade = pick(rng, _TRADES)
        return f"{city.name} {trade} {pick(rng, forms)}", ascii_slug(city.name) + ascii_slug(trade)

    return make


_US_STREETS = (
    "Main Street", "Oak Street", "Maple Avenue", "Park Avenue", "Elm Street", "Washington Street",
    "Lake Street", "Hill Road", "Cedar Lane", "Pine Street", "Market Street", "2nd Street",
    "Broadway", "Commerce Drive", "Industrial Parkway", "Center Street", "Church Street",
    "River Road", "Madison Avenue", "Lincoln Avenue", "Franklin Street", "Highland Avenue",
    "Spring Street", "Jefferson Street", "Union Street", "Water Street", "Chestnut Street",
    "Walnut Street", "Mill Road", "Sunset Boulevard", "Route 9", "5th Avenue", "Grand Avenue",
)  # fmt: skip
_UK_STREETS = (
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Road", "Mill Lane",
    "London Road", "King Street", "Queen Street", "Market Place", "Manor Road", "York Road",
    "Albert Street", "Chapel Street", "Castle Street", "Bridge Street", "Green Lane",
    "Kingsway", "Princes Street", "Commercial Road",
)  # fmt: skip
_AU_STREETS = (
    "George Street", "Pitt Street", "Collins Street", "Bourke Street", "Queen Street",
    "Elizabeth Street", "King William Street", "Hay Street", "Adelaide Street",
    "Swanston Street", "Flinders Lane", "Murray Street", "Ann Street", "Chapel Street",
)  # fmt: skip
_UK_ESTATES = ("Riverside", "Northgate", "Meadow", "Station", "Oakfield", "Parkway")


def _us_address(rng: Random, city: City, company: bool) -> str:
    street = f"{int(rng.random() * 4900) + 100} {pick(rng, _US_STREETS)}"
    if company and rng.random() < 0.5:
        return f"{street}, Suite {int(rng.random() * 9 + 1)}{int(rng.random() * 90 + 10)}"
    if not company and rng.random() < 0.2:
        return f"{street}, Apt {int(rng.random() * 40) + 1}"
    return street


def _uk_address(rng: Random, city: City, company: bool) -> str:
    if company and rng.random() < 0.3:
        estate = pick(rng, _UK_ESTATES)
        return f"Unit {int(rng.random() * 30) + 1}, {estate} Industrial Estate"
    return f"{int(rng.random() * 240) + 1} {pick(rng, _UK_STREETS)}"


def _au_address(rng: Random, city: City, company: bool) -> str:
    street = f"{int(rng.random() * 400) + 1} {pick(rng, _AU_STREETS)}"
    if company and rng.random() < 0.5:
        return f"Level {int(rng.random() * 30) + 1}, {street}"
    return street


def _email_local(rng: Random, person: Person, domain: str) -> str:
    style = rng.random()
    if style < 0.45:
        return f"{person.given}.{person.family}"
    if style < 0.7:
        return f"{person.given[0]}{person.family}{int(rng.random() * 90) + 10}"
    if style < 0.85:
        return f"{person.given}{person.family[0]}{int(rng.random() * 1000)}"
    return f"{person.given}_{person.family}"


UNITED_STATES = Country(
    region="US",
    name="United States",
    weight=24,
    language=ENGLISH,
    calling_code="1",
    cities=(
        City("New York", ("212", "646", "718", "917"), 7),
        City("Chicago", ("312", "773", "872"), 7),
        City("Boston", ("617", "857"), 7),
        City("Seattle", ("206",), 7),
        City("Austin", ("512", "737"), 7),
        City("Denver", ("303", "720"), 7),
        City("Portland", ("503", "971"), 7),
        City("San Diego", ("619", "858"), 7),
        City("Atlanta", ("404", "470", "678"), 7),
        City("Miami", ("305", "786"), 7),
        City("San Francisco", ("415", "628"), 7),
        City("Philadelphia", ("215", "267"), 7),
        City("Minneapolis", ("612",), 7),
        City("Phoenix", ("602", "480"), 7),
        City("Dallas", ("214", "469", "972"), 7),
        City("Nashville", ("615",), 7),
    ),
    mobile=None,
    person=_american,
    contact=_american,
    company=_company(("Inc.", "LLC", "LLC", "Co.", "Corp.")),
    address=_us_address,
    web_suffixes=("com", "com", "com", "net", "us"),
    free_mail=("gmail.com", "gmail.com", "yahoo.com", "outlook.com", "icloud.com", "aol.com"),
    email_local=_email_local,
)

UNITED_KINGDOM = Country(
    region="GB",
    name="United Kingdom",
    weight=10,
    language=ENGLISH,
    calling_code="44",
    cities=(
        City("London", ("20",), 8, "378"),
        City("Manchester", ("161",), 7),
        City("Birmingham", ("121",), 7, "234567"),
        City("Leeds", ("113",), 7, "23458"),
        City("Bristol", ("117",), 7, "2349"),
        City("Edinburgh", ("131",), 7, "2345678"),
        City("Glasgow", ("141",), 7),
        City("Liverpool", ("151",), 7),
    ),
    mobile=Mobile(
        (
            "740",
            "741",
            "742",
            "743",
            "744",
            "746",
            "747",
            "748",
            "749",
            "751",
            "753",
            "754",
            "755",
            "756",
            "757",
            "758",
            "759",
            "771",
            "772",
            "773",
            "774",
            "775",
            "776",
            "777",
            "780",
            "781",
            "784",
            "785",
            "786",
            "787",
            "788",
            "789",
            "790",
            "792",
            "794",
            "795",
            "796",
            "797",
            "798",
            "799",
        ),
        10,
    ),
    person=_british,
    contact=_british,
    company=_company(("Ltd", "Ltd", "Ltd", "LLP", "PLC")),
    address=_uk_address,
    web_suffixes=("co.uk", "co.uk", "com"),
    free_mail=("gmail.com", "btinternet.com", "outlook.com", "yahoo.co.uk", "hotmail.co.uk"),
    email_local=_email_local,
)

CANADA = Country(
    region="CA",
    name="Canada",
    weight=4,
    language=ENGLISH,
    calling_code="1",
    cities=(
        City("Toronto", ("416", "647", "437"), 7),
        City("Vancouver", ("604", "778"), 7),
        City("Calgary", ("403", "587"), 7),
        City("Ottawa", ("613", "343"), 7),
        City("Edmonton", ("780",), 7),
        City("Winnipeg", ("204", "431"), 7),
        City("Halifax", ("902", "782"), 7),
    ),
    mobile=None,
    person=_british,
    contact=_british,
    company=_company(("Inc.", "Ltd.", "Corp.")),
    address=_us_address,
    web_suffixes=("ca", "ca", "com"),
    free_mail=("gmail.com", "outlook.com", "shaw.ca", "rogers.com", "yahoo.ca"),
    email_local=_email_local,
)

AUSTRALIA = Country(
    region="AU",
    name="Australia",
    weight=4,
    language=ENGLISH,
    calling_code="61",
    cities=(
        City("Sydney", ("2",), 8, "89"),
        City("Melbourne", ("3",), 8, "89"),
        City("Brisbane", ("7",), 8, "3"),
        City("Perth", ("892", "893", "894"), 6, "0123456789"),
        City("Adelaide", ("8",), 8, "8"),
        City("Canberra", ("2",), 8, "6"),
    ),
    mobile=Mobile(("40", "41", "42", "43"), 9),
    person=_british,
    contact=_british,
    company=_company(("Pty Ltd",)),
    address=_au_address,
    web_suffixes=("com.au",),
    free_mail=("gmail.com", "bigpond.com", "outlook.com", "optusnet.com.au", "icloud.com"),
    email_local=_email_local,
)

COUNTRIES = (UNITED_STATES, UNITED_KINGDOM, CANADA, AUSTRALIA)
