"""One QWizardPage per step; each reads and writes the wizard's ImportPlan.

:data:`PAGE_CLASSES` names the class that shows each page of
:class:`~vmdkimport.core.plan.PageId` (the core's table of pages, steps and order). The classes
are named, not imported: the wizard imports a page's module when it builds the page, and pages
2-7 are built after the first paint (see :mod:`vmdkimport.qt`).
"""

from __future__ import annotations

import importlib
from typing import Final

from vmdkimport.core.plan import PageId
from vmdkimport.qt.pages.base import PlanPage

#: the class of each page, as "module:Class" under this package
PAGE_CLASSES: Final[dict[PageId, str]] = {
    PageId.CONNECTION: "connection:ConnectionPage",
    PageId.DISK: "disk:DiskPage",
    PageId.DESTINATION: "destination:DestinationPage",
    PageId.IMAGE: "image:ImagePage",
    PageId.REVIEW: "review:ReviewPage",
    PageId.SUBMIT: "submit:SubmitPage",
    PageId.STATUS: "status:StatusPage",
}


def page_class(page_id: PageId) -> type[PlanPage]:
    """The class that shows ``page_id``, its module imported now if it was not yet."""
    module, name = PAGE_CLASSES[page_id].split(":")
    cls = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    if not (isinstance(cls, type) and issubclass(cls, PlanPage)):
        raise TypeError(f"{PAGE_CLASSES[page_id]} is not a wizard page")
    return cls
