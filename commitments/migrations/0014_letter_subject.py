from django.db import migrations, models

BATCH = 500


def backfill_subjects(apps, schema_editor):
    """Letters from before this migration get the subject their text states, read by the same
    pure function the extractor uses. In batches: there may be 200,000 letters, and only the
    primary key and the text are loaded, a chunk at a time."""
    from commitments.extraction.metadata import parse_subject

    Letter = apps.get_model("commitments", "Letter")
    pending = []
    for letter in Letter.objects.filter(subject="").only("pk", "text").iterator(chunk_size=BATCH):
        subject = parse_subject(letter.text or "")
        if not subject:
            continue
        letter.subject = subject
        pending.append(letter)
        if len(pending) >= BATCH:
            Letter.objects.bulk_update(pending, ["subject"])
            pending = []
    if pending:
        Letter.objects.bulk_update(pending, ["subject"])


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0013_confidence_order_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="letter",
            name="subject",
            field=models.CharField(blank=True, max_length=500, verbose_name="subject"),
        ),
        migrations.RunPython(backfill_subjects, migrations.RunPython.noop, elidable=True),
    ]
