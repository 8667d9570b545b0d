"""Editor accounts: staff users in the "Editors" group, which the first migration creates."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.shortcuts import render
from django.utils.translation import gettext

EDITORS_GROUP = "Editors"


def make_editor(*, username: str, email: str = "", password: str | None = None):
    """Create the account, or make an existing one an editor; return the user."""
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": email}
    )
    if password:
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: a page in the admin's look that says how long
    the lock lasts and who can lift it, instead of one line of plain text."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "admin/lockout.html",
        {"title": gettext("Too many failed logins"), "minutes": minutes},
        status=429,
    )
