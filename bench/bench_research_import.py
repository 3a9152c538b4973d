"""Benchmark: importing a KoboToolbox CSV export of 100,000 interviews × 80 columns (issue 15).

The export is written as KoboToolbox writes it (`;`, every field quoted, `group/question`
headers, a select_multiple as its text column plus one 0/1 column per choice, the `_uuid`,
`_submission_time`, `_index` metadata). Each run imports it into a fresh survey project on a
scratch database (parse, check, store in one transaction); the baseline in the same run is
Python's csv module reading the same bytes and nothing else. Target: at most 30 s.

    .venv/bin/python bench/bench_research_import.py [--rows 100000] [--runs 3]
"""

import argparse
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import django_setup_scratch  # noqa: E402

CHOICES = ["family", "social_media", "radio", "tv", "ngo"]
COUNTRIES = ["MX", "GT", "HN", "SV", "NI"]


def form_spec():
    from rumbo.research.importers import ChoiceSpec, FormSpec, QuestionSpec

    questions = [
        QuestionSpec("country", "country", "select_one", "countries"),
        QuestionSpec("stratum", "stratum", "select_one", "strata"),
        QuestionSpec("cluster", "cluster", "text"),
        QuestionSpec("design_weight", "design_weight", "decimal"),
        QuestionSpec("age", "profile/age", "integer"),
        QuestionSpec("sources", "profile/sources", "select_multiple", "sources"),
    ]
    # 60 yes/no questions and 3 numbers in two groups: with the 5 above (+5 choice columns)
    # and the 6 metadata columns, 80 columns.
    for index in range(60):
        group = "knowledge" if index < 30 else "intentions"
        questions.append(QuestionSpec(f"q{index:02d}", f"{group}/q{index:02d}", "select_one", "yn"))
    for index in range(3):
        questions.append(QuestionSpec(f"n{index}", f"household/n{index}", "integer"))
    choices = [ChoiceSpec("yn", "yes"), ChoiceSpec("yn", "no")]
    choices += [ChoiceSpec("countries", code) for code in COUNTRIES]
    choices += [ChoiceSpec("strata", s) for s in ("urban", "rural")]
    choices += [ChoiceSpec("sources", c) for c in CHOICES]
    return FormSpec(form_id="bench", version="1", questions=questions, choices=choices)


def export_csv(rows: int, form) -> bytes:
    rng = random.Random(15)  # noqa: S311 - benchmark data, not security
    header = []
    for question in form.questions:
        header.append(question.path)
        if question.type == "select_multiple":
            header += [f"{question.path}/{choice}" for choice in CHOICES]
    header += ["_id", "_uuid", "_submission_time", "_validation_status", "_tags", "_index"]
    lines = [";".join(f'"{name}"' for name in header)]
    for row in range(rows):
        values = [
            rng.choice(COUNTRIES),
            rng.choice(("urban", "rural")),
            f"c{rng.randrange(200)}",
            f"{rng.uniform(500, 1500):.2f}",
            str(rng.randrange(15, 70)),
        ]
        chosen = [c for c in CHOICES if rng.random() < 0.4]
        values.append(" ".join(chosen))
        values += ["1" if c in chosen else "0" for c in CHOICES]
        values += [rng.choice(("yes", "no")) for _index in range(60)]
        values += [str(rng.randrange(0, 9)) for _index in range(3)]
        values += [
            str(row + 1),
            str(uuid.UUID(int=rng.getrandbits(128))),
            "2025-05-01T10:00:00",
            "",
            "",
            str(row + 1),
        ]
        lines.append(";".join(f'"{value}"' for value in values))
    assert len(header) == 80, len(header)
    return ("\r\n".join(lines) + "\r\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    django_setup_scratch("research_import")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    import csv
    import io

    from rumbo.research import services
    from rumbo.research.models import Response, SurveyProject, Wave

    form = form_spec()
    data = export_csv(options.rows, form)
    print(f"export: {options.rows:,} rows × 80 columns, {len(data) / 1e6:.1f} MB")
    baseline, imports = [], []
    for run in range(options.runs):
        started = time.perf_counter()
        rows = list(csv.reader(io.StringIO(data.decode()), delimiter=";"))
        baseline.append(time.perf_counter() - started)
        assert len(rows) == options.rows + 1
        project = SurveyProject.objects.create(
            slug=f"bench-{run}", name="Bench", weight_field="design_weight"
        )
        services.questionnaire_store(project=project, form=form)
        wave = Wave.objects.create(project=project, name="Baseline")
        started = time.perf_counter()
        result = services.responses_import(project=project, wave=wave, data=data, name="bench.csv")
        imports.append(time.perf_counter() - started)
        assert result.created == options.rows
        assert Response.objects.filter(project=project).count() == options.rows
    median_import = statistics.median(imports)
    median_baseline = statistics.median(baseline)
    print(f"csv module only (baseline): median {median_baseline:.2f} s over {options.runs} runs")
    print(f"import (parse, check, store): median {median_import:.2f} s over {options.runs} runs")
    print(
        f"ratio to the baseline: {median_import / median_baseline:.1f}×; target ≤ 30 s: "
        f"{'met' if median_import <= 30 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
