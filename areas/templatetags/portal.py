"""Display filters shared by every app: thin wrappers over tested functions."""

from django import template

register = template.Library()
