"""Editor accounts: staff users in the "Editors" group, which the first migration creates."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

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
