"""Context processor: the urgent notices visible now, for the site-wide banner (base.html).

A lazy queryset: the query runs only on pages that render the banner slot.
"""

from django.http import HttpRequest
from django.utils import timezone

from .models import Notice


def urgent_notices(request: HttpRequest) -> dict:
    return {"urgent_notices": Notice.objects.visible_at(timezone.now()).filter(is_urgent=True)}
