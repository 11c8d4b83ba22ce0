"""The Editors group: may add, change and view the tracker's records and read
the change log, but not manage users or groups."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_MODELS = {
    "dialogues": ["dialogue", "agreement", "participant", "participantalias", "statement", "article", "topic"],
}
READ_ONLY = {"dialogues": ["source", "statuschange"], "admin": ["logentry"]}


def make_editors_group(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the group can hold them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    codenames = [
        (app, f"{action}_{model}")
        for app, models in EDITOR_MODELS.items()
        for model in models
        for action in ("add", "change", "view")
    ]
    codenames += [(app, f"view_{model}") for app, models in READ_ONLY.items() for model in models]
    # Confirming an imported fact in the review list is a change to its Source.
    codenames.append(("dialogues", "change_source"))
    for app, codename in codenames:
        group.permissions.add(Permission.objects.get(content_type__app_label=app, codename=codename))


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Editors").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("dialogues", "0001_initial"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(make_editors_group, remove_editors_group)]
