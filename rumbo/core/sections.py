"""The parts of the site an instance offers, as shown on the landing page and in the menu.

An app adds itself by giving its AppConfig a `site_section = Section(...)`; the landing page
and the navigation pick it up without editing core.
"""

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Section:
    url_name: str
    title: str | Promise
    summary: str | Promise
    order: int = 100
