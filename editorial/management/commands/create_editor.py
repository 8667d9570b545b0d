"""`manage.py create_editor USERNAME`: an account that can use the editors' desk."""

import getpass
import os

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from editorial.accounts import make_editor

PASSWORD_VARIABLE = "DJANGO_EDITOR_PASSWORD"


class Command(BaseCommand):
    help = (
        "Create an editor account (staff, in the Editors group) or make an existing account an "
        f"editor. Asks for the password, or reads it from ${PASSWORD_VARIABLE}."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="")

    def handle(self, *args, username, email, **options):
        password = os.environ.get(PASSWORD_VARIABLE) or self.ask_password()
        try:
            validate_password(password)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        make_editor(username=username, email=email, password=password)
        self.stdout.write(f"{username} is an editor: log in at /admin/.")

    def ask_password(self) -> str:
        try:
            password = getpass.getpass("Password: ")
            again = getpass.getpass("Password (again): ")
        except EOFError as error:
            missing = f"No password given: type one, or set ${PASSWORD_VARIABLE}."
            raise CommandError(missing) from error
        if password != again:
            raise CommandError("The two passwords differ.")
        return password
