"""People recorded before a person's region followed from their country or organisation were all
'Other'; governments had no country. Fill both from what the database already holds (an editor's
non-'other' region is kept)."""

from django.db import migrations


def fill(apps, schema_editor):
    Participant = apps.get_model("dialogues", "Participant")
    governments = Participant.objects.filter(kind="government")
    for government in governments.filter(country=""):
        government.country = government.name[:100]
        government.save(update_fields=["country"])
    region_of_country = dict(governments.values_list("name", "region"))
    people = Participant.objects.filter(kind="person", region="other").select_related("affiliation")
    for person in people.iterator(chunk_size=1000):
        region = region_of_country.get(person.country) or (person.affiliation.region if person.affiliation else None)
        if region and region != "other":
            person.region = region
            person.save(update_fields=["region"])


class Migration(migrations.Migration):
    dependencies = [("dialogues", "0005_article_url_is_web")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
