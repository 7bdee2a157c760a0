"""What marks a file as ours and how new its schema is, without importing peewee.

The start reads Today with the standard ``sqlite3`` module before the data layer
has loaded (:mod:`crm_desktop.services.first_screen`); it only does so when the
file carries these two numbers, so that an old file (to be upgraded), a newer
one or another program's goes the usual way. :mod:`crm_desktop.models.migrations`
steps files forward to :data:`SCHEMA_VERSION`.
"""

# The version a file's ``PRAGMA user_version`` says once every migration step has run.
SCHEMA_VERSION = 17
# "CRMD": the application_id that marks a SQLite file as a CRM Desktop database.
APPLICATION_ID = 0x43524D44
