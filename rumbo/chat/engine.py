"""The conversation engine: one turn at a time, the same for every channel.

`conversation_turn` reads one incoming message, moves the conversation's step and returns the
messages to send. It runs the questionnaire of rumbo.plans (the same data and validation as
the web pages, through plans' services), the guides' search, the nearest information points
and casework's appointment request; hand-offs and erasure go through rumbo.chat.services.

The conversation keeps only what its current step needs (`state`), plus three things that
outlive a step: the plan's code (so "erase my data" can delete the plan), the information
point last found (for an appointment or a hand-off) and the appointments requested.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import override

from rumbo.casework.models import AppointmentRequest, Topic
from rumbo.chat.messages import Inbound, InboundKind, Option, Outbound
from rumbo.chat.models import Channel, Conversation, DailyCount
from rumbo.chat.texts import INTENT_WORDS, LANGUAGE_NAMES, LANGUAGES, text
from rumbo.core.models import Place
from rumbo.core.places import municipality_resolve
from rumbo.core.text import fold
from rumbo.infopoints.models import InfoPoint
from rumbo.plans.engine import AnswerError, Flow, country_choices, flow_load
from rumbo.plans.models import Plan, Question

# A message longer than this is not read: nobody answers a menu with a letter.
MAX_TEXT = 1000
# Consecutive turns not understood before the engine offers a person.
MISSES_BEFORE_PERSON = 3
# Options shown as a list; a longer list (countries) is typed instead.
MAX_OPTIONS = 10
NEAREST_COUNT = 3
SEARCH_COUNT = 3
# Keys of `state` that outlive a step.
KEPT = ("plan", "point", "appointments")
INTENTS = ("plan", "search", "nearest", "appointment", "person", "language", "erase")
SKIP_WORDS = {"0", "ninguno", "ninguna", "nada", "none", "no", "aucun", "aucune", "rien", "لا"}
NUMBER_LIST = re.compile(r"^\s*\d+(\s*[,;y&/ ]\s*\d+)*\s*$")
PUNCTUATION = re.compile(r"[¿?¡!.,;:«»“”\"'()*_~\[\]-]+")


@dataclass
class Turn:
    conversation: Conversation
    inbound: Inbound
    out: list[Outbound] = field(default_factory=list)

    @property
    def state(self) -> dict:
        return self.conversation.state

    def say(self, key: str, *, options: list[Option] | None = None, **params: object) -> None:
        message = text(key)
        self.out.append(Outbound(message % params if params else message, options=options or []))

    def go(self, step: str, **local: object) -> None:
        kept = {key: self.state[key] for key in KEPT if key in self.state}
        self.conversation.step = step
        self.conversation.state = kept | local


# Matching what people type ------------------------------------------------------------------


def normalise(raw: str) -> str:
    return " ".join(PUNCTUATION.sub(" ", fold(raw)).split())


def _close(word: str, candidates: list[str], cutoff: float = 0.8) -> str | None:
    found = difflib.get_close_matches(word, candidates, n=1, cutoff=cutoff)
    return found[0] if found else None


def option_match(raw: str, options: list[Option]) -> Option | None:
    """The option a typed answer names: its number, its title, or a title misspelt a little."""
    said = normalise(raw)
    if not said or not options:
        return None
    if said.isdigit():
        index = int(said) - 1
        return options[index] if 0 <= index < len(options) else None
    titles = {normalise(option.title): option for option in options}
    if said in titles:
        return titles[said]
    close = _close(said, list(titles))
    if close:
        return titles[close]
    words = set(said.split())
    holding = [option for title, option in titles.items() if words <= set(title.split())]
    if len(holding) == 1:
        return holding[0]
    # Each word typed close to a word of one title only ("trabajr" for "Para trabajar").
    scored = []
    for title, option in titles.items():
        title_words = title.split()
        score = min(
            max(difflib.SequenceMatcher(None, word, other).ratio() for other in title_words)
            for word in words
        )
        scored.append((score, option))
    scored.sort(key=lambda item: -item[0])
    if scored[0][0] >= 0.8 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
        return scored[0][1]
    return None


def _intent_vocabulary() -> dict[str, str]:
    vocabulary = {word: intent for intent, words in INTENT_WORDS.items() for word in words}
    for intent in INTENTS:
        for language in LANGUAGES:
            vocabulary[normalise(text(f"menu_{intent}", language))] = intent
    vocabulary.update({normalise(text("menu_button", lang)): "menu" for lang in LANGUAGES})
    return vocabulary


def intent_match(raw: str) -> str | None:
    """A menu entry typed in the person's own words, accents, case and small typos forgiven."""
    said = normalise(raw)
    if not said:
        return None
    vocabulary = _intent_vocabulary()
    if said in vocabulary:
        return vocabulary[said]
    close = _close(said, list(vocabulary))
    if close:
        return vocabulary[close]
    words = said.split()
    if len(words) <= 5:
        single = [word for word in vocabulary if " " not in word and len(word) >= 4]
        for word in words:
            if len(word) >= 4 and (close := _close(word, single, cutoff=0.85)):
                return vocabulary[close]
    return None


def is_menu(raw: str) -> bool:
    return intent_match(raw) == "menu" if len(raw) < 30 else False


# The turn -----------------------------------------------------------------------------------


def conversation_turn(*, conversation: Conversation, inbound: Inbound) -> list[Outbound]:
    """The answer to one incoming message, in the person's language."""
    with override(conversation.language):
        turn = Turn(conversation, inbound)
        _dispatch(turn)
        return turn.out


def _dispatch(turn: Turn) -> None:
    inbound, step = turn.inbound, turn.conversation.step
    if step == "start":
        turn.say("welcome")
        intent = intent_match(inbound.text) if inbound.kind == InboundKind.TEXT else None
        _intent_start(turn, intent if intent in INTENTS else "menu")
        return
    if step == "handoff" and inbound.kind == InboundKind.TEXT and not is_menu(inbound.text):
        _handoff_message(turn)
        return
    if inbound.kind == InboundKind.TEXT and len(inbound.text) > MAX_TEXT:
        turn.say("too_long")
        return
    if inbound.kind in (InboundKind.MEDIA, InboundKind.UNSUPPORTED):
        turn.say("media")
        _repeat(turn)
        return
    if inbound.kind == InboundKind.CHOICE and inbound.choice.startswith("m:"):
        _intent_start(turn, inbound.choice[2:])
        return
    if inbound.kind == InboundKind.TEXT and is_menu(inbound.text):
        _menu(turn)
        return
    handler = STEPS.get(step)
    if handler is None:
        _menu(turn)
        return
    handler(turn)


def _menu(turn: Turn, *, misses: int = 0) -> None:
    options = [Option(f"m:{intent}", text(f"menu_{intent}")) for intent in INTENTS]
    turn.go("menu", options=[option.id for option in options], misses=misses)
    turn.say("menu", options=options)


def _options_of(turn: Turn) -> list[Option]:
    """The options last offered, rebuilt from their ids (titles in the current language)."""
    return [Option(id_, _title_of(turn, id_)) for id_ in turn.state.get("options", [])]


def _title_of(turn: Turn, option_id: str) -> str:
    titles = turn.state.get("titles", {})
    if option_id in titles:
        return titles[option_id]
    prefix, _sep, rest = option_id.partition(":")
    if prefix == "m":
        return text(f"menu_{rest}")
    if prefix == "l":
        return LANGUAGE_NAMES.get(rest, rest)
    if option_id in ("y", "n"):
        return text("yes" if option_id == "y" else "no")
    return rest


def _chosen(turn: Turn) -> str | None:
    """The id of the option the person picked, by button or by typing; None otherwise."""
    inbound = turn.inbound
    offered = turn.state.get("options", [])
    if inbound.kind == InboundKind.CHOICE:
        return inbound.choice if inbound.choice in offered else None
    if inbound.kind == InboundKind.TEXT:
        found = option_match(inbound.text, _options_of(turn))
        if found is None and offered == ["y", "n"]:
            said = normalise(inbound.text)
            yes = {normalise(text("yes", lang)) for lang in LANGUAGES} | {"si", "ok", "vale"}
            no = {normalise(text("no", lang)) for lang in LANGUAGES}
            return "y" if said in yes else "n" if said in no else None
        return found.id if found else None
    return None


def _not_understood(turn: Turn) -> None:
    misses = turn.state.get("misses", 0) + 1
    if misses >= MISSES_BEFORE_PERSON:
        turn.go("gave_up", options=["y", "n"])
        turn.say("gave_up", options=_yes_no())
        return
    turn.state["misses"] = misses
    turn.say("not_understood")
    _repeat(turn, misses=misses)


def _stale_choice(turn: Turn) -> bool:
    """A button of an earlier question: say so, and ask the current one again."""
    if turn.inbound.kind == InboundKind.CHOICE and turn.inbound.choice not in turn.state.get(
        "options", []
    ):
        turn.say("old_answer")
        _repeat(turn)
        return True
    return False


def _repeat(turn: Turn, misses: int = 0) -> None:
    step = turn.conversation.step
    if step == "plan":
        _ask_question(turn)
    elif step in ("start", "menu"):
        _menu(turn, misses=misses)
    elif step == "handoff":
        return
    elif turn.state.get("prompt"):
        turn.out.append(
            Outbound(
                text(turn.state["prompt"]),
                options=_options_of(turn),
                ask_location=bool(turn.state.get("ask_location")),
            )
        )
    else:
        _menu(turn)


def _yes_no() -> list[Option]:
    return [Option("y", text("yes")), Option("n", text("no"))]


def _ask(turn: Turn, step: str, key: str, options: list[Option], **extra: object) -> None:
    """Moves to `step` and asks `key` with `options`, remembering both for a repeat."""
    turn.go(
        step,
        options=[option.id for option in options],
        titles={option.id: option.title for option in options if option.id[:2] not in ("m:",)},
        prompt=key,
        **extra,
    )
    turn.out.append(
        Outbound(text(key), options=options, ask_location=bool(extra.get("ask_location")))
    )


def _menu_step(turn: Turn) -> None:
    chosen = _chosen(turn)
    if chosen and chosen.startswith("m:"):
        _intent_start(turn, chosen[2:])
        return
    if turn.inbound.kind == InboundKind.TEXT and (intent := intent_match(turn.inbound.text)):
        _intent_start(turn, intent)
        return
    if turn.inbound.kind == InboundKind.LOCATION:
        _nearest_from_location(turn)
        return
    _not_understood(turn)


def _intent_start(turn: Turn, intent: str) -> None:
    starts: dict[str, Callable[[Turn], None]] = {
        "menu": _menu,
        "plan": _plan_start,
        "search": lambda t: _ask(t, "search", "search_ask", []),
        "nearest": lambda t: _ask(t, "nearest", "nearest_ask", [], ask_location=True),
        "appointment": lambda t: _ask(t, "consent", "consent_ask", _yes_no()),
        "person": _person_start,
        "language": _language_start,
        "erase": lambda t: _ask(t, "erase", "erase_confirm", _yes_no()),
    }
    starts.get(intent, _menu)(turn)


# The plan -----------------------------------------------------------------------------------


def public_url(path: str) -> str:
    return settings.RUMBO_PUBLIC_URL + path


def _flow_and_plan(turn: Turn) -> tuple[Flow, Plan] | None:
    flow = flow_load()
    code = turn.state.get("plan")
    plan = Plan.objects.filter(code=code).first() if code else None
    if flow is None or plan is None or plan.questionnaire_id != flow.questionnaire.pk:
        return None
    return flow, plan


def _plan_start(turn: Turn) -> None:
    from rumbo.plans.services import plan_start

    flow = flow_load()
    if flow is None or not flow.questions:
        turn.say("not_understood")
        _menu(turn)
        return
    old = turn.state.get("plan")
    if old:
        Plan.objects.filter(code=old, completed_at__isnull=True).delete()
    plan = plan_start(flow=flow)
    turn.state["plan"] = plan.code
    turn.say("plan_intro")
    turn.go("plan", question=flow.questions[0].pk)
    _ask_question(turn)


def _current_question(turn: Turn, flow: Flow) -> Question | None:
    pk = turn.state.get("question")
    return next((question for question in flow.questions if question.pk == pk), None)


def question_options(*, flow: Flow, question: Question, answers: dict) -> list[Option]:
    """The options of a choice question (ids `q<question pk>.<n>`, short enough for every
    channel), or of a country question with few countries; [] when the answer is typed."""
    if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
        labels = [choice.label for choice in flow.choices_of(question)]
    elif question.kind == Question.Kind.COUNTRY:
        countries = country_choices(question=question, answers=answers, flow=flow)
        if len(countries) > MAX_OPTIONS:
            return []
        labels = [country.name for country in countries]
    else:
        return []
    return [Option(f"q{question.pk}.{n}", label) for n, label in enumerate(labels, start=1)]


def question_message(*, flow: Flow, question: Question, answers: dict) -> Outbound:
    """One question as one message: the question, its help, a hint and its options."""
    options = question_options(flow=flow, question=question, answers=answers)
    notes = [question.help_text] if question.help_text else []
    hints: dict[str, str] = {
        Question.Kind.MULTIPLE: "hint_multiple",
        Question.Kind.NUMBER: "hint_number",
        Question.Kind.PLACE: "hint_place",
    }
    if question.kind in hints:
        notes.append(text(hints[question.kind]))
    elif question.kind == Question.Kind.COUNTRY and not options:
        notes.append(text("hint_country"))
    if options and not question.required:
        notes.append(text("hint_skip"))
    return Outbound(question.text, options=options, note="\n".join(notes))


def _ask_question(turn: Turn) -> None:
    found = _flow_and_plan(turn)
    question = _current_question(turn, found[0]) if found else None
    if found is None or question is None:
        _menu(turn)
        return
    flow, plan = found
    message = question_message(flow=flow, question=question, answers=plan.answers)
    turn.state["options"] = [option.id for option in message.options]
    turn.out.append(message)


def _plan_step(turn: Turn) -> None:
    found = _flow_and_plan(turn)
    question = _current_question(turn, found[0]) if found else None
    if found is None or question is None:
        _menu(turn)
        return
    flow, plan = found
    inbound = turn.inbound
    if inbound.kind == InboundKind.CHOICE and inbound.choice.startswith("p:"):
        if inbound.choice in turn.state.get("options", []):
            _plan_answer(turn, flow, plan, question, [inbound.choice[2:]])
        else:
            _stale_choice(turn)
        return
    if _stale_choice(turn):
        return
    values = _answer_values(turn, flow, plan, question)
    if values is None:
        return
    _plan_answer(turn, flow, plan, question, values)


def _answer_values(turn: Turn, flow: Flow, plan: Plan, question: Question) -> list[str] | None:
    """What the person answered, as the values the web form would submit (None: handled)."""
    inbound = turn.inbound
    options = question_options(flow=flow, question=question, answers=plan.answers)
    values_by_id = _option_values(flow=flow, question=question, answers=plan.answers)
    if inbound.kind == InboundKind.CHOICE:
        return [values_by_id[inbound.choice]] if inbound.choice in values_by_id else []
    if inbound.kind == InboundKind.LOCATION:
        turn.say("not_understood")
        _ask_question(turn)
        return None
    said = inbound.text
    kind = question.kind
    if not question.required and normalise(said) in SKIP_WORDS:
        return []
    if kind == Question.Kind.MULTIPLE and NUMBER_LIST.match(said):
        picked = [
            options[int(n) - 1] for n in re.findall(r"\d+", said) if 0 < int(n) <= len(options)
        ]
        return [values_by_id[option.id] for option in picked] or ["?"]
    if options:
        found = option_match(said, options)
        return [values_by_id[found.id]] if found else ["?"]
    if kind == Question.Kind.COUNTRY:
        return [_country_typed(flow, question, plan.answers, said)]
    if kind == Question.Kind.PLACE:
        return _place_typed(turn, flow, plan, said)
    return [said]


def _option_values(*, flow: Flow, question: Question, answers: dict) -> dict[str, str]:
    if question.kind == Question.Kind.COUNTRY:
        values = [c.code for c in country_choices(question=question, answers=answers, flow=flow)]
    else:
        values = [choice.value for choice in flow.choices_of(question)]
    return {f"q{question.pk}.{n}": value for n, value in enumerate(values, start=1)}


def _country_typed(flow: Flow, question: Question, answers: dict, said: str) -> str:
    countries = country_choices(question=question, answers=answers, flow=flow)
    names = {normalise(country.name): country.code for country in countries}
    names.update({country.code.lower(): country.code for country in countries})
    wanted = normalise(said)
    close = wanted if wanted in names else _close(wanted, list(names))
    return names[close] if close else "?"


def _place_typed(turn: Turn, flow: Flow, plan: Plan, said: str) -> list[str] | None:
    from rumbo.plans.engine import facts_from_answers
    from rumbo.plans.models import Fact

    country = facts_from_answers(flow=flow, answers=plan.answers).get(Fact.COUNTRY)
    found = municipality_resolve(place=None, query=said[:100])
    candidates = [found.place] if found.place else found.choices
    in_country = [place for place in candidates if place.country.code == country]
    if len(in_country) == 1:
        return [str(in_country[0].pk)]
    if not in_country:
        turn.say("place_not_found")
        _ask_question(turn)
        return None
    options = [Option(f"p:{place.pk}", str(place)[:60]) for place in in_country[:MAX_OPTIONS]]
    turn.state["options"] = [option.id for option in options]
    turn.state["titles"] = {option.id: option.title for option in options}
    turn.say("place_pick", options=options)
    return None


def _plan_answer(turn: Turn, flow: Flow, plan: Plan, question: Question, values: list) -> None:
    from rumbo.plans.services import plan_answer

    try:
        following = plan_answer(flow=flow, plan=plan, question=question, values=values)
    except AnswerError as error:
        turn.out.append(Outbound(error.message))
        turn.state.pop("titles", None)
        _ask_question(turn)
        return
    if following is not None:
        turn.go("plan", question=following.pk)
        _ask_question(turn)
        return
    _plan_finish(turn, flow, plan)


def plan_summary_text(*, flow: Flow, plan: Plan) -> str:
    from rumbo.plans.selectors import plan_summary

    summary = plan_summary(flow=flow, plan=plan)
    lines = [text("plan_done")]
    fitting = [pathway.title for pathway, _check in summary.fitting or summary.other_fitting]
    fitting += [pathway.title for pathway in summary.abroad]
    if fitting:
        lines += ["", text("plan_fits")] + [f"• {title}" for title in fitting[:3]]
    if summary.checklist:
        lines += ["", text("plan_documents")]
        lines += [f"• {item.document.name}" for item in summary.checklist[:3]]
    if summary.opportunities:
        lines += ["", text("plan_opportunities", count=len(summary.opportunities))]
    if summary.info_points:
        point, km = summary.info_points[0]
        lines += ["", text("plan_point"), f"{point.name} ({km:.1f} km)"]
    return "\n".join(lines)


def _plan_finish(turn: Turn, flow: Flow, plan: Plan) -> None:
    from rumbo.chat.services import count_add

    turn.out.append(Outbound(plan_summary_text(flow=flow, plan=plan)))
    link = public_url(plan.get_absolute_url())
    turn.say("plan_link", link=link)
    turn.out.append(
        Outbound(
            text("plan_pdf"),
            document_url=public_url(reverse("plans:pdf", kwargs={"code": plan.code})),
            document_name="plan.pdf",
        )
    )
    count_add(conversation=turn.conversation, metric=DailyCount.Metric.PLANS)
    _menu(turn)


# Guides search ------------------------------------------------------------------------------


def _search_step(turn: Turn) -> None:
    from rumbo.guides.selectors import guide_search

    if turn.inbound.kind != InboundKind.TEXT:
        turn.say("search_ask")
        return
    hits = guide_search(query=turn.inbound.text[:200], limit=SEARCH_COUNT)
    if not hits:
        turn.say("search_none")
        return
    for hit in hits:
        item = hit.item
        title = getattr(item, "title", None) or getattr(item, "name", "")
        answer = getattr(item, "summary", "") or getattr(item, "description", "")
        short = answer if len(answer) <= 300 else answer[:297].rsplit(" ", 1)[0] + "…"
        parts = [f"*{title}*", short, public_url(item.get_absolute_url())]
        turn.out.append(Outbound("\n".join(part for part in parts if part)))
    turn.say("search_more")


# Nearest information point ------------------------------------------------------------------


def _nearest_step(turn: Turn) -> None:
    if turn.inbound.kind == InboundKind.LOCATION:
        _nearest_from_location(turn)
        return
    if turn.inbound.kind == InboundKind.CHOICE and turn.inbound.choice.startswith("p:"):
        place = Place.objects.filter(pk=turn.inbound.choice[2:]).first()
        if place and turn.inbound.choice in turn.state.get("options", []):
            _nearest_answer(turn, place.latitude, place.longitude)
            return
    if _stale_choice(turn):
        return
    place = _place_from_text(turn, step=turn.conversation.step)
    if place is not None:
        _nearest_answer(turn, place.latitude, place.longitude)


def _place_from_text(turn: Turn, *, step: str) -> Place | None:
    found = municipality_resolve(place=None, query=turn.inbound.text[:100])
    if found.place is not None:
        return found.place
    if not found.choices:
        turn.say("place_not_found")
        return None
    options = [Option(f"p:{place.pk}", str(place)[:60]) for place in found.choices[:MAX_OPTIONS]]
    _ask(turn, step, "place_pick", options, ask_location=True)
    return None


def _nearest_from_location(turn: Turn) -> None:
    latitude, longitude = turn.inbound.latitude, turn.inbound.longitude
    if (
        latitude is None
        or longitude is None
        or not (-90 <= latitude <= 90)
        or not (-180 <= longitude <= 180)
    ):
        turn.say("not_understood")
        return
    _nearest_answer(turn, latitude, longitude)


def nearest_points(latitude: float, longitude: float) -> list[tuple[InfoPoint, float, bool]]:
    from rumbo.infopoints.selectors import (
        info_point_list_nearest,
        info_point_open_state,
        info_point_prefetch,
    )

    now = timezone.now()
    nearest = info_point_list_nearest(latitude=latitude, longitude=longitude, limit=NEAREST_COUNT)
    info_point_prefetch([point for point, _km in nearest])
    return [
        (point, km, info_point_open_state(point=point, at=now).is_open) for point, km in nearest
    ]


def _nearest_answer(turn: Turn, latitude: float, longitude: float) -> None:
    found = nearest_points(latitude, longitude)
    after = turn.state.get("then")
    if not found:
        turn.say("nearest_none")
        _menu(turn)
        return
    turn.state["point"] = found[0][0].pk
    if after == "person":
        _handoff_open(turn, found[0][0])
        return
    if after == "appointment":
        _appointment_topic(turn)
        return
    lines = []
    for n, (point, km, is_open) in enumerate(found, start=1):
        status = text("open_now" if is_open else "closed_now")
        lines.append(f"{n}. *{point.name}* ({km:.1f} km) · {status}\n{point.address}")
        lines.append(public_url(point.get_absolute_url()))
    turn.out.append(Outbound("\n".join(lines)))
    options = [
        Option("m:person", text("menu_person")),
        Option("m:appointment", text("menu_appointment")),
        Option("m:menu", text("menu_button")),
    ]
    turn.go("menu", options=[option.id for option in options], misses=0)
    turn.out.append(Outbound(text("menu"), options=options))


# Appointment (consent first) ----------------------------------------------------------------


def _consent_step(turn: Turn) -> None:
    if _stale_choice(turn):
        return
    chosen = _chosen(turn)
    if chosen == "n":
        turn.say("consent_refused")
        turn.go("menu", options=[])
        return
    if chosen != "y":
        _not_understood(turn)
        return
    turn.state["consent"] = timezone.now().isoformat()
    if turn.state.get("point"):
        _appointment_topic(turn)
        return
    consent = turn.state["consent"]
    _ask(turn, "where", "nearest_ask", [], ask_location=True, then="appointment", consent=consent)


def _where_step(turn: Turn) -> None:
    """The place from which the point of an appointment or a hand-off is the nearest."""
    _nearest_step(turn)


def _appointment_topic(turn: Turn) -> None:
    consent = turn.state.get("consent")
    options = [Option(f"t:{value}", str(label)[:20]) for value, label in Topic.choices]
    if not consent:
        _ask(turn, "consent", "consent_ask", _yes_no())
        return
    _ask(turn, "appt_topic", "appointment_topic", options, consent=consent)


def _appointment_days() -> list[Option]:
    day = timezone.localdate()
    options: list[Option] = []
    while len(options) < 3:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            options.append(Option(f"d:{day.isoformat()}", formats.date_format(day, "D j M")[:20]))
    return options


def _appointment_step(turn: Turn) -> None:
    """Topic, day, time, name (and phone where the channel has none), one turn each."""
    if _stale_choice(turn):
        return
    step = turn.conversation.step
    keep = {
        key: turn.state[key] for key in ("consent", "topic", "day", "slot") if key in turn.state
    }
    if step in ("appt_topic", "appt_day", "appt_slot"):
        chosen = _chosen(turn)
        if chosen is None:
            _not_understood(turn)
            return
        keep[step[5:]] = chosen[2:]
    elif step == "appt_name":
        if turn.inbound.kind != InboundKind.TEXT or not turn.inbound.text.strip():
            _not_understood(turn)
            return
        keep["name"] = turn.inbound.text.strip()[:200]
        if turn.conversation.channel.kind not in (Channel.Kind.WHATSAPP, Channel.Kind.SMS):
            _ask(turn, "appt_phone", "appointment_phone", [], **keep)
            return
    if step == "appt_topic":
        _ask(turn, "appt_day", "appointment_day", _appointment_days(), **keep)
    elif step == "appt_day":
        slots = [
            Option(f"s:{value}", str(label)[:20])
            for value, label in AppointmentRequest.Slot.choices
        ]
        _ask(turn, "appt_slot", "appointment_slot", slots, **keep)
    elif step == "appt_slot":
        _ask(turn, "appt_name", "appointment_name", [], **keep)
    else:
        phone = turn.inbound.text.strip()[:40] if step == "appt_phone" else ""
        name = keep.pop("name", "") or turn.state.get("name", "")
        _appointment_create(turn, name=name, phone=phone, **keep)


def _appointment_create(turn: Turn, *, name: str, phone: str, **chosen: str) -> None:
    from django.core.exceptions import ValidationError

    from rumbo.casework.services import appointment_request_create

    point = InfoPoint.objects.filter(pk=turn.state.get("point") or 0).first()
    if point is None:
        _menu(turn)
        return
    conversation = turn.conversation
    whatsapp = conversation.channel.kind == Channel.Kind.WHATSAPP
    contact = phone or conversation.address
    try:
        appointment = appointment_request_create(
            info_point=point,
            alias=name or "-",
            contact_channel=(
                AppointmentRequest.Contact.WHATSAPP
                if whatsapp
                else AppointmentRequest.Contact.PHONE
            ),
            contact=contact,
            preferred_date=datetime.date.fromisoformat(chosen["day"]),
            preferred_slot=chosen["slot"],
            topic=chosen["topic"],
        )
    except (ValidationError, KeyError, ValueError):
        turn.say("not_understood")
        _menu(turn)
        return
    turn.state["appointments"] = [*turn.state.get("appointments", []), appointment.pk]
    turn.say("appointment_done", point=point.name, reference=appointment.reference)
    _menu(turn)


# Talk to a person ---------------------------------------------------------------------------


def _person_start(turn: Turn) -> None:
    point = InfoPoint.objects.filter(pk=turn.state.get("point") or 0).first()
    if point is not None:
        _handoff_open(turn, point)
        return
    reason = "gave_up" if turn.conversation.step == "gave_up" else "asked"
    _ask(turn, "where", "nearest_ask", [], ask_location=True, then="person", reason=reason)


def _handoff_open(turn: Turn, point: InfoPoint) -> None:
    from rumbo.chat.services import handoff_open

    reason = turn.state.get("reason") or (
        "gave_up" if turn.conversation.step == "gave_up" else "asked"
    )
    handoff_open(conversation=turn.conversation, info_point=point, reason=reason)
    turn.go("handoff", handoff_point=point.name)
    turn.say("handoff_started", point=point.name)


def _handoff_message(turn: Turn) -> None:
    from rumbo.chat.services import handoff_message_in

    if not handoff_message_in(conversation=turn.conversation, body=turn.inbound.text[:4096]):
        # The staff closed it meanwhile.
        turn.say("handoff_closed", point=turn.state.get("handoff_point", ""))
        _menu(turn)


def _gave_up_step(turn: Turn) -> None:
    chosen = _chosen(turn)
    if chosen == "y":
        _person_start(turn)
    else:
        _menu(turn)


# Language and erasure -----------------------------------------------------------------------


def _language_start(turn: Turn) -> None:
    options = [Option(f"l:{code}", name) for code, name in LANGUAGE_NAMES.items()]
    _ask(turn, "language", "language_ask", options)


def _language_step(turn: Turn) -> None:
    chosen = _chosen(turn)
    if chosen is None and turn.inbound.kind == InboundKind.TEXT:
        said = normalise(turn.inbound.text)
        codes = {
            "espanol": "es",
            "spanish": "es",
            "ingles": "en",
            "english": "en",
            "francais": "fr",
            "frances": "fr",
            "french": "fr",
            "arabe": "ar",
            "arabic": "ar",
        }
        close = _close(said, list(codes))
        chosen = f"l:{codes[close]}" if close else None
    if chosen is None or not chosen.startswith("l:") or chosen[2:] not in LANGUAGES:
        _not_understood(turn)
        return
    turn.conversation.language = chosen[2:]
    with override(chosen[2:]):
        turn.say("language_set")
        _menu(turn)


def _erase_step(turn: Turn) -> None:
    from rumbo.chat.services import conversation_erase

    chosen = _chosen(turn)
    if chosen == "y":
        conversation_erase(conversation=turn.conversation, farewell=text("erase_done"))
        turn.conversation.pk = None  # erased: the caller saves nothing more
        return
    turn.say("erase_kept")
    turn.go("menu", options=[])


STEPS: dict[str, Callable[[Turn], None]] = {
    "start": _menu,
    "menu": _menu_step,
    "plan": _plan_step,
    "search": _search_step,
    "nearest": _nearest_step,
    "where": _where_step,
    "consent": _consent_step,
    "appt_topic": _appointment_step,
    "appt_day": _appointment_step,
    "appt_slot": _appointment_step,
    "appt_name": _appointment_step,
    "appt_phone": _appointment_step,
    "gave_up": _gave_up_step,
    "language": _language_step,
    "erase": _erase_step,
    # Buttons and locations sent during a hand-off are not forwarded: staff read text only.
    "handoff": lambda turn: None,
}
