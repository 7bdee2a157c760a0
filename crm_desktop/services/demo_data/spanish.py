"""Spanish customers: a given name and two surnames, S.L. and S.A., «Calle Mayor, 15»."""

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

SPANISH = Language(
    code="es",
    positions=(
        ("Director general", "Directora general"),
        ("Gerente", "Gerente"),
        ("Socio fundador", "Socia fundadora"),
        ("Responsable de compras", "Responsable de compras"),
        ("Director comercial", "Directora comercial"),
        ("Director financiero", "Directora financiera"),
        ("Contable", "Contable"),
        ("Jefe de administración", "Jefa de administración"),
        ("Secretario de dirección", "Secretaria de dirección"),
        ("Responsable de informática", "Responsable de informática"),
        ("Jefe de almacén", "Jefa de almacén"),
        ("Técnico de compras", "Técnica de compras"),
        ("Responsable de RR. HH.", "Responsable de RR. HH."),
    ),
    leading_positions=3,
    task_titles=(
        "Enviar presupuesto",
        "Devolver la llamada sobre el pedido",
        "Preparar el contrato",
        "Enviar muestras",
        "Emitir la factura",
        "Comprobar el pago",
        "Programar una demostración",
        "Hacer seguimiento tras la reunión",
        "Confirmar la fecha de entrega",
        "Renovar el contrato de mantenimiento",
        "Pedir su valoración",
        "Enviar la nueva tarifa",
        "Coordinar la instalación",
        "Preparar propuesta",
    ),
    interaction_subjects={
        "call": (
            "Llamada de seguimiento",
            "Preguntó por los plazos de entrega",
            "Consulta de precios",
            "Hablamos de la renovación",
            "Llamada por una factura vencida",
            "Pedido confirmado por teléfono",
        ),
        "meeting": (
            "Revisión trimestral",
            "Demostración de producto",
            "Reunión en sus oficinas",
            "Negociación del contrato",
            "Planificación de la mudanza",
        ),
        "email": (
            "Presupuesto enviado",
            "Factura enviada",
            "Respondidas dudas sobre la garantía",
            "Nueva tarifa enviada",
            "Confirmación del pedido",
        ),
        "note": (
            "Prefiere llamadas por la mañana",
            "Presupuesto aprobado para el próximo trimestre",
            "El gerente está de vacaciones hasta fin de mes",
            "Pide descuento por volumen",
        ),
        "visit": (
            "Visita a su almacén",
            "Entregamos muestras",
            "Medición de la oficina",
            "Revisión tras la instalación",
        ),
    },
    deal_titles=(
        ("Sillas para la nueva oficina", "chairs"),
        ("Mesas elevables para el equipo", "desks"),
        ("Armarios para el archivo", "storage"),
        ("Puestos de trabajo para nuevas incorporaciones", "tech"),
        ("Renovación de impresoras", "printers"),
        ("Suministro anual de papel y tóner", "supplies"),
        ("Cafetera para la oficina", "coffee"),
        ("Renovación de la iluminación LED", "lighting"),
        ("Estanterías para el almacén", "warehouse"),
        ("Contrato de mantenimiento", "services"),
    ),
    lost_reasons=(
        "Precio demasiado alto",
        "Eligió a la competencia",
        "Recorte de presupuesto",
        "Sin respuesta",
        "Proyecto aplazado",
        "Plazo de entrega demasiado largo",
    ),
    case_subjects=(
        ("El pistón de la silla se hunde", "repair", "chairs"),
        ("El motor de la mesa hace ruido", "repair", "desks"),
        ("Entrega con retraso", "complaint", None),
        ("Color equivocado", "return", "chairs"),
        ("El tóner pierde polvo", "warranty", "printers"),
        ("La cafetera pide descalcificación", "repair", "coffee"),
        ("¿Cómo se ajusta la altura de la mesa?", "question", "desks"),
        ("Devolución de artículos sin usar", "return", "supplies"),
        ("El brazo del monitor no sujeta la pantalla", "warranty", "tech"),
        ("El panel LED parpadea", "warranty", "lighting"),
        ("Dirección incorrecta en la factura", "question", None),
    ),
    resolutions=(
        "Sustituido en garantía.",
        "Reparado in situ.",
        "Emitida factura rectificativa.",
        "Explicado por teléfono.",
        "Enviada una pieza de repuesto.",
        "Recogido y reembolsado.",
    ),
    customer_notes=(
        "Paga puntualmente.",
        "Prefiere el correo electrónico.",
        "Indicar el número de pedido en cada factura.",
        "Entregas solo por la mañana.",
        "-10 % en todas las sillas, acordado con gerencia.",
        "Cerrado en agosto.",
    ),
    mailboxes=("info", "contacto", "administracion", "ventas", "pedidos"),
    sources=(
        "Sitio web",
        "Sitio web",
        "Recomendación",
        "Recomendación",
        "Feria",
        "Llamada en frío",
        "Google Ads",
        "LinkedIn",
        "Cliente habitual",
        "Socio",
        "Boletín",
    ),
)

MEN = (
    "Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel", "Carlos",
    "Jesús", "Alejandro", "Miguel", "Rafael", "Pedro", "Pablo", "Ángel", "Sergio", "Fernando",
    "Jorge", "Luis", "Alberto", "Álvaro", "Adrián", "Diego", "Raúl", "Iván", "Rubén", "Óscar",
    "Enrique", "Ramón", "Vicente", "Andrés", "Joaquín", "Santiago", "Víctor", "Eduardo",
    "Roberto", "Jaime", "Mario", "Ignacio", "Íñigo", "Martín", "Hugo", "Lucas", "Marcos",
)  # fmt: skip
WOMEN = (
    "María", "Carmen", "Ana", "Laura", "Isabel", "Cristina", "Marta", "Lucía", "Paula",
    "Elena", "Sara", "Raquel", "Pilar", "Rosa", "Beatriz", "Patricia", "Silvia", "Nuria",
    "Mercedes", "Rocío", "Andrea", "Irene", "Alba", "Claudia", "Julia", "Sofía", "Alicia",
    "Montserrat", "Teresa", "Inmaculada", "Eva", "Sonia", "Natalia", "Verónica", "Lorena",
    "Miriam", "Ainhoa", "Noelia", "Nerea", "Begoña", "Marina", "Carla", "Valeria",
)  # fmt: skip
SURNAMES = (
    "García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez",
    "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez",
    "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos",
    "Gil", "Ramírez", "Serrano", "Blanco", "Molina", "Morales", "Suárez", "Ortega",
    "Delgado", "Castro", "Ortiz", "Rubio", "Marín", "Sanz", "Núñez", "Iglesias", "Medina",
    "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero", "Cano", "Prieto",
    "Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña",
    "Flores", "Cabrera", "Campos", "Vega", "Fuentes", "Carrasco", "Díez", "Caballero",
    "Reyes", "Nieto", "Aguilar", "Pascual", "Santana", "Herrero", "Lorenzo", "Montero",
    "Hidalgo", "Giménez", "Ibáñez", "Ferrer", "Durán", "Santiago", "Benítez", "Mora",
    "Vicente", "Vargas", "Arias", "Carmona", "Crespo", "Román", "Pastor", "Soto", "Sáez",
    "Velasco", "Moya", "Soler", "Parra", "Esteban", "Bravo", "Gallardo", "Rojas", "Pardo",
    "Merino", "Franco", "Espinosa", "Izquierdo", "Lara", "Rivas", "Silva", "Rivera",
    "Casado", "Arroyo", "Redondo", "Camacho", "Rey", "Vera", "Otero", "Luque", "Galán",
    "Montes", "Ríos", "Sierra", "Segura", "Carrillo", "Marcos", "Soriano", "Mendoza",
    "Robles", "Bernal", "Vila", "Valero", "Palacios", "Pizarro", "Benito", "Varela",
    "Aguirre", "Echeverría", "Urrutia", "Zubizarreta",
)  # fmt: skip


def _person(rng: Random, female: bool) -> Person:
    """A given name and the father's and the mother's first surnames: Lucía García Pérez."""
    first = pick(rng, WOMEN if female else MEN)
    father, mother = pick(rng, SURNAMES), pick(rng, SURNAMES)
    return Person(f"{first} {father} {mother}", ascii_slug(first), ascii_slug(father), female)


_WORDS = (
    "Sol", "Mar Azul", "Sierra", "Olivar", "Alhambra", "Levante", "Mediterráneo",
    "Atlántico", "Ibérica", "Cantábrica", "Costa Brava", "Giralda", "Pirineos", "Tajo", "Ebro",
    "Duero", "Guadalquivir", "Montserrat", "Albaicín", "Cibeles", "Retiro", "Azahar",
    "Horizonte", "Aurora", "Estrella", "Brisa", "Olivo", "Encina",
)  # fmt: skip
_TRADES = (
    "Distribuciones", "Construcciones", "Alimentación", "Viajes", "Transportes", "Reformas",
    "Asesoría", "Inmobiliaria", "Gestoría", "Instalaciones Eléctricas", "Fontanería",
    "Carpintería", "Imprenta", "Informática", "Consultoría", "Logística",
    "Suministros Industriales", "Climatización", "Limpiezas", "Ferretería", "Panadería",
    "Decoración", "Seguros", "Talleres",
)  # fmt: skip


def company(rng: Random, city: City) -> tuple[str, str]:
    """Construcciones Martínez S.L., Levante Logística S.A., Hermanos Ruiz S.L."""
    style = rng.random()
    form = "S.A." if rng.random() < 0.15 else "S.L."
    if style < 0.45:
        trade, last = pick(rng, _TRADES), pick(rng, SURNAMES)
        return f"{trade} {last} {form}", ascii_slug(trade.split()[0]) + ascii_slug(last)
    if style < 0.75:
        word, trade = pick(rng, _WORDS), pick(rng, _TRADES)
        return f"{word} {trade} {form}", ascii_slug(word) + ascii_slug(trade.split()[0])
    last = pick(rng, SURNAMES)
    if style < 0.88:
        return f"Hermanos {last} {form}", ascii_slug("hermanos") + ascii_slug(last)
    return f"{last} e Hijos {form}", ascii_slug(last) + ascii_slug("ehijos")


_STREETS = (
    "Calle Mayor", "Calle Real", "Calle de Alcalá", "Gran Vía", "Avenida de la Constitución",
    "Calle Nueva", "Plaza Mayor", "Calle del Carmen", "Calle San Juan", "Avenida de Andalucía",
    "Calle de Toledo", "Paseo de la Castellana", "Calle Serrano", "Paseo de Gracia",
    "Calle Colón", "Calle de la Paz", "Avenida del Puerto", "Calle Sierpes", "Calle Larios",
    "Avenida de América", "Calle del Sol", "Rambla de Catalunya", "Calle Princesa",
)  # fmt: skip


def address(rng: Random, city: City, company_: bool) -> str:
    """Calle Mayor, 15; Avenida de América, 42, 3.º B."""
    street = f"{pick(rng, _STREETS)}, {int(rng.random() * 150) + 1}"
    if rng.random() < (0.4 if company_ else 0.8):
        return f"{street}, {int(rng.random() * 8) + 1}.º {pick(rng, 'ABCD')}"
    return street


def _email_local(rng: Random, person: Person, domain: str) -> str:
    style = rng.random()
    if style < 0.5:
        return f"{person.given}.{person.family}"
    if style < 0.8:
        return f"{person.given}{person.family}{int(rng.random() * 90) + 10}"
    return f"{person.given[0]}{person.family}"


SPAIN = Country(
    region="ES",
    name="España",
    weight=5,
    language=SPANISH,
    calling_code="34",
    cities=(
        City("Madrid", ("91",), 7),
        City("Barcelona", ("93",), 7),
        City("Valencia", ("96",), 7),
        City("Sevilla", ("954", "955"), 6),
        City("Bilbao", ("94",), 7),
        City("Zaragoza", ("976",), 6),
        City("Málaga", ("952",), 6),
        City("Alicante", ("965",), 6),
        City("Murcia", ("968",), 6),
        City("Valladolid", ("983",), 6),
    ),
    mobile=Mobile(("6",), 9),
    person=_person,
    contact=_person,
    company=company,
    address=address,
    web_suffixes=("es", "es", "com"),
    free_mail=("gmail.com", "hotmail.com", "yahoo.es", "telefonica.net", "outlook.es"),
    email_local=_email_local,
)

COUNTRIES = (SPAIN,)
