"""What the commentary workflow tells the apps above it (scorecard imports none of them)."""

from django.dispatch import Signal

commentary_submitted = Signal()
"""Sent once a submission for approval is committed, with `comment` and `event` (the submitted
CommentEvent): the boards app e-mails the reviewers (boards.notices.notify_reviewers)."""
