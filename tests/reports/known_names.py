"""Names of the known data set of the report tests, in every script and hostile."""

HOSTILE_NAMES = (
    "<b>Smith & Sons</b>",
    "a < b",
    "Unclosed <b> Trading",
    '<img src="/etc/passwd"/>',
    "=cmd|' /C calc'!A0",
    "+1 Plus Ltd",
    "-1 Minus Ltd",
    "@x At Ltd",
)
CYRILLIC = "ООО «Ромашка»"
CHINESE = "北京贸易有限公司"
ARABIC = "شركة النور للتجارة"
