"""The encoding rule: BOMs, UTF-8, Windows-1251 words, Latin-1 as the last resort."""

from crm_desktop.services.importing.encoding import decode


def test_boms_say_it():
    assert decode("\ufeffName".encode("utf-8")).text == "Name"
    assert decode("\ufeffИмя".encode("utf-16-le")).text == "Имя"
    assert decode("\ufeffИмя".encode("utf-16-be")).text == "Имя"


def test_utf16_without_bom():
    assert decode("Name,Email\r\nAnn,a@b.c\r\n".encode("utf-16-le")).encoding == "utf-16-le"


def test_utf8_when_valid():
    assert decode("Müller, Иван, 张伟".encode()).encoding == "utf-8"
    assert decode(b"plain ascii").encoding == "utf-8"


def test_russian_windows_1251_is_told_from_latin_1():
    russian = "Иванов Пётр;Москва;примечание".encode("cp1251")
    assert decode(russian).text == "Иванов Пётр;Москва;примечание"
    german = "Müller;Straße;Café Größe".encode("latin-1")
    result = decode(german)
    assert result.encoding == "cp1252" and result.text == "Müller;Straße;Café Größe"
    french = "Hélène Dupré, 12 rue de l'Église, Besançon".encode("cp1252")
    assert decode(french).text == "Hélène Dupré, 12 rue de l'Église, Besançon"


def test_windows_1252_extras():
    text = "Prix: 5 € “net”, Société Générale – Paris, Zoë Müller\r\n".encode("cp1252")
    assert decode(text).text == "Prix: 5 € “net”, Société Générale – Paris, Zoë Müller\r\n"
