"""The questionnaire engine: which questions a person sees, whether an answer is valid, and
which facts the answers establish. Pure functions over a loaded questionnaire; the only
database reads are the country and gazetteer look-ups that validate an answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from rumbo.core.kept import KeptInProcess
from rumbo.core.models import Country, Place
from rumbo.core.numbers import parse_int
from rumbo.core.text import fold
from rumbo.plans.models import BOOLEAN_FACTS, Choice, Condition, Fact, Question, Questionnaire

Answers = Mapping[str, Any]
# Not a Fact a question sets, but gathered from them: every purpose the chosen answers set
# (a goal question may take several answers; Fact.PURPOSE keeps the last one).
PURPOSES_CHOSEN = "purposes"
# A loaded questionnaire is kept this long in each process (rumbo.core.kept); saving one in
# the admin clears the copy of that process at once (see signals in apps.py).
CACHE_SECONDS = 60


class AnswerError(Exception):
    """An answer that cannot be accepted; the message is shown next to the question."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Flow:
    questionnaire: Questionnaire
    questions: list[Question]
    by_slug: dict[str, Question] = field(default_factory=dict)
    # Each question's choices and conditions as plain lists, read once: `.all()` on a
    # prefetched relation builds a manager and a queryset on every call, and a question page
    # walks the conditions of every question several times.
    _choices: dict[int, list[Choice]] = field(default_factory=dict, init=False)
    _conditions: dict[int, list[Condition]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.by_slug = {question.slug: question for question in self.questions}
        for question in self.questions:
            self._choices[question.pk] = list(question.choices.all())
            self._conditions[question.pk] = list(question.conditions.all())

    def choices_of(self, question: Question) -> list[Choice]:
        return self._choices[question.pk]

    def conditions_of(self, question: Question) -> list[Condition]:
        return self._conditions[question.pk]


_flows: KeptInProcess[Flow | None] = KeptInProcess(seconds=CACHE_SECONDS)
_countries: KeptInProcess[list[Country]] = KeptInProcess(seconds=CACHE_SECONDS)


def flow_cache_clear() -> None:
    _flows.clear()
    _countries.clear()


def flow_load(*, questionnaire_id: int | None = None) -> Flow | None:
    """The questionnaire `questionnaire_id`, or the active one, with its questions, choices
    and conditions; kept in this process for CACHE_SECONDS."""
    return _flows.get(questionnaire_id or 0, lambda: _flow_read(questionnaire_id))


def _flow_read(questionnaire_id: int | None) -> Flow | None:
    questionnaires = Questionnaire.objects.all()
    questionnaire = (
        questionnaires.filter(pk=questionnaire_id).first()
        if questionnaire_id
        else questionnaires.filter(is_active=True).order_by("pk").first()
    )
    if questionnaire is None:
        return None
    questions = list(
        questionnaire.questions.order_by("order", "pk").prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")),
            Prefetch("conditions", queryset=Condition.objects.select_related("depends_on")),
        )
    )
    return Flow(questionnaire=questionnaire, questions=questions)


def country_list_cached() -> list[Country]:
    """Every country, kept with the questionnaire: country questions are on most pages."""
    return _countries.get("all", lambda: list(Country.objects.all()))


def condition_holds(*, condition: Condition, answers: Answers) -> bool:
    answer = answers.get(condition.depends_on.slug)
    values = condition.value_list
    if condition.operator in (Condition.Operator.IN, Condition.Operator.NOT_IN):
        given = {str(item) for item in answer} if isinstance(answer, list) else {str(answer)}
        matches = answer is not None and bool(given & set(values))
        return matches if condition.operator == Condition.Operator.IN else not matches
    if not isinstance(answer, int):
        return False
    limit = int(condition.values)
    return answer >= limit if condition.operator == Condition.Operator.AT_LEAST else answer < limit


def question_path(*, flow: Flow, answers: Answers, optimistic: bool = False) -> list[Question]:
    """The questions this person sees, in order, given the answers so far.

    A condition reads only answers to questions that are themselves on the path, so an answer
    left behind by a branch the person has since left changes nothing. With `optimistic`, a
    condition on a question not answered yet counts as met: the longest path still possible,
    for the progress indicator ("question 3 of 8" does not grow as the person answers).
    """
    path: list[Question] = []
    seen: dict[str, Any] = {}
    on_path: set[str] = set()
    for question in flow.questions:
        if all(
            condition_holds(condition=condition, answers=seen)
            or (
                optimistic
                and condition.depends_on.slug in on_path
                and condition.depends_on.slug not in seen
            )
            for condition in flow.conditions_of(question)
        ):
            path.append(question)
            on_path.add(question.slug)
            if question.slug in answers:
                seen[question.slug] = answers[question.slug]
    return path


def question_reachable(*, flow: Flow, answers: Answers) -> list[Question]:
    """The questions on the path up to the first unanswered one: where a person may go."""
    reachable = []
    for question in question_path(flow=flow, answers=answers):
        reachable.append(question)
        if question.slug not in answers:
            break
    return reachable


def question_next(
    *, flow: Flow, answers: Answers, after: Question | None = None
) -> Question | None:
    """The question after `after` on the path (the first one if None); None at the end."""
    path = question_path(flow=flow, answers=answers)
    if after is None:
        return path[0] if path else None
    slugs = [question.slug for question in path]
    if after.slug in slugs:
        index = slugs.index(after.slug) + 1
        return path[index] if index < len(path) else None
    return next((question for question in path if question.slug not in answers), None)


def answers_pruned(*, flow: Flow, answers: Answers) -> dict[str, Any]:
    """Only the answers to questions on the path: nothing is kept that the plan does not use."""
    slugs = {question.slug for question in question_path(flow=flow, answers=answers)}
    return {slug: value for slug, value in answers.items() if slug in slugs}


def country_choices(*, question: Question, answers: Answers, flow: Flow) -> list[Country]:
    countries = country_list_cached()
    if question.country_role == Question.CountryRole.ORIGIN:
        countries = [country for country in countries if country.role == Country.Role.ORIGIN]
    elif question.country_role == Question.CountryRole.OTHER:
        residence = facts_from_answers(flow=flow, answers=answers).get(Fact.COUNTRY)
        countries = [country for country in countries if country.code != residence]
    # Names are read in the active language, so the order follows it.
    return sorted(countries, key=lambda country: fold(country.name))


def answer_clean(*, flow: Flow, question: Question, values: list[str], answers: Answers) -> Any:
    """The stored form of an answer given as a list of submitted strings, or AnswerError."""
    values = [value.strip() for value in values if value and value.strip()]
    if not values:
        if question.required:
            raise AnswerError(_("Please answer this question to continue."))
        return [] if question.kind == Question.Kind.MULTIPLE else None
    kind = question.kind
    if kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        allowed = [choice.value for choice in flow.choices_of(question)]
        unknown = [value for value in values if value not in allowed]
        if unknown or (kind == Question.Kind.SINGLE and len(values) > 1):
            raise AnswerError(_("That is not one of the options. Please choose from the list."))
        if kind == Question.Kind.SINGLE:
            return values[0]
        return [value for value in allowed if value in values]
    if len(values) > 1:
        raise AnswerError(_("Please give one answer."))
    value = values[0]
    if kind == Question.Kind.NUMBER:
        return _number_clean(question=question, value=value)
    if kind == Question.Kind.COUNTRY:
        codes = {c.code for c in country_choices(question=question, answers=answers, flow=flow)}
        if value.upper() not in codes:
            raise AnswerError(_("That is not one of the countries offered. Please choose one."))
        return value.upper()
    # Place: a municipality inside the country of residence.
    country = facts_from_answers(flow=flow, answers=answers).get(Fact.COUNTRY)
    place = None
    place_id = parse_int(value, minimum=1)
    if place_id is not None and country:
        place = Place.objects.filter(
            pk=place_id, kind=Place.Kind.CITY, country__code=country
        ).first()
    if place is None:
        raise AnswerError(
            _("That municipality is not in the country you chose. Please choose it again.")
        )
    return place.pk


def _number_clean(*, question: Question, value: str) -> int:
    low, high = question.min_value, question.max_value
    # Digits of any script count: an age typed as "١٧" is 17.
    number = parse_int(value)
    if number is None or (low is not None and number < low) or (high is not None and number > high):
        if low is not None and high is not None:
            raise AnswerError(
                _("Please enter a whole number from %(min)s to %(max)s.")
                % {"min": low, "max": high}
            )
        raise AnswerError(_("Please enter a whole number."))
    return number


def facts_from_answers(*, flow: Flow, answers: Answers) -> dict[str, Any]:
    """The facts the answers on the path establish, applied in question order.

    A later choice overrides an earlier one (a purpose given for migrating replaces the
    general wish "migrate"); documents held add up, and so do the purposes chosen
    (PURPOSES_CHOSEN: study and work here and abroad, a business...).
    """
    facts: dict[str, Any] = {Fact.DOCUMENTS_HELD: set(), PURPOSES_CHOSEN: set()}
    for question in question_path(flow=flow, answers=answers):
        answer = answers.get(question.slug)
        if answer is None:
            continue
        if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            chosen = set(answer) if isinstance(answer, list) else {answer}
            settled: dict[str, bool] = {}
            for choice in flow.choices_of(question):
                if choice.value in chosen:
                    _facts_apply(facts, choice.sets)
                    settled |= {f: bool(v) for f, v in choice.sets.items() if f in BOOLEAN_FACTS}
            # An answered question settles every yes/no fact its choices name: a job offer
            # not ticked means no job offer, not "unknown".
            for choice in flow.choices_of(question):
                for fact, value in choice.sets.items():
                    if fact in BOOLEAN_FACTS and fact not in settled:
                        facts[fact] = not value
        elif question.fact:
            facts[question.fact] = answer
    facts.setdefault(Fact.NATIONALITY, facts.get(Fact.COUNTRY))
    return facts


def _facts_apply(facts: dict[str, Any], sets: Mapping[str, Any]) -> None:
    for fact, value in sets.items():
        if fact == Fact.DOCUMENTS_HELD:
            facts[Fact.DOCUMENTS_HELD] |= set(value)
        elif fact == Fact.PURPOSE:
            facts[Fact.PURPOSE] = value
            facts[PURPOSES_CHOSEN].add(value)
        elif fact in BOOLEAN_FACTS:
            facts[fact] = bool(value)
        else:
            facts[fact] = value
