"""`{{ symbol|status_tag }}`: a status shown as its one tag (scorecard.presenters.status_tag)."""

from django import template

from boardpack.scorecard.presenters import status_tag

register = template.Library()
register.filter("status_tag", status_tag)
