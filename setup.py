"""Package layout for setuptools (the rest of the metadata is in pyproject.toml).

Every package under crm_desktop/ is found automatically; resources/ sits at
the top of the checkout (the brief's layout) and is installed as the
crm_desktop.resources package so that an installed app finds its fonts and icons.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["crm_desktop", "crm_desktop.*"]), "crm_desktop.resources"],
    package_dir={"crm_desktop.resources": "resources"},
)
