import pytest
from django.utils import translation

from rumbo.plans import engine
from rumbo.plans.engine import (
    AnswerError,
    answer_clean,
    answers_pruned,
    facts_from_answers,
    flow_load,
    question_next,
    question_path,
    question_reachable,
)
from rumbo.plans.models import Choice, Condition, Question
from rumbo.plans.tests.conftest import answers_for

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def slugs(questions):
    return [question.slug for question in questions]


def test_migration_questions_are_hidden_unless_the_person_wants_to_migrate(flow, san_pedro_sula):
    answers = answers_for(san_pedro_sula, goal="study")
    assert slugs(question_path(flow=flow, answers=answers)) == [
        "country",
        "place",
        "age",
        "goal",
        "documents",
    ]


def test_migration_questions_are_shown_when_the_person_wants_to_migrate(flow, san_pedro_sula):
    path = question_path(flow=flow, answers=answers_for(san_pedro_sula))
    assert slugs(path) == [
        "country",
        "place",
        "age",
        "goal",
        "destination",
        "purpose",
        "situation",
        "documents",
    ]


def test_reachable_questions_stop_at_the_first_unanswered(flow):
    assert slugs(question_reachable(flow=flow, answers={"country": "HN"})) == ["country", "place"]


def test_next_question_follows_the_branch_chosen(flow, san_pedro_sula):
    answers = answers_for(san_pedro_sula)
    goal = flow.by_slug["goal"]
    assert question_next(flow=flow, answers=answers, after=goal).slug == "destination"
    answers["goal"] = "work"
    assert question_next(flow=flow, answers=answers, after=goal).slug == "documents"


def test_answers_of_a_branch_left_are_pruned(flow, san_pedro_sula):
    answers = answers_for(san_pedro_sula, goal="business")
    pruned = answers_pruned(flow=flow, answers=answers)
    assert "destination" not in pruned
    assert "purpose" not in pruned
    assert pruned["goal"] == "business"


def test_a_condition_can_test_a_number(flow):
    age = flow.by_slug["age"]
    documents = flow.by_slug["documents"]
    condition = Condition.objects.create(
        question=documents, depends_on=age, operator=Condition.Operator.AT_LEAST, values="18"
    )
    flow = flow_load()  # saving it cleared the kept questionnaire
    assert condition.value_list == ["18"]
    answers = {"country": "HN", "place": 1, "age": 17, "goal": "study"}
    assert "documents" not in slugs(question_path(flow=flow, answers=answers))
    answers["age"] = 18
    assert "documents" in slugs(question_path(flow=flow, answers=answers))


@pytest.mark.parametrize("value", ["9", "100", "-5", "veinte", "24.5"])
def test_impossible_age_is_refused_with_the_range(flow, value):
    with pytest.raises(AnswerError, match="10.*99"):
        answer_clean(flow=flow, question=flow.by_slug["age"], values=[value], answers={})


def test_valid_age_is_stored_as_a_number(flow):
    assert answer_clean(flow=flow, question=flow.by_slug["age"], values=[" 17 "], answers={}) == 17


def test_unknown_choice_is_refused(flow):
    with pytest.raises(AnswerError, match="not one of the options"):
        answer_clean(flow=flow, question=flow.by_slug["goal"], values=["fly"], answers={})


def test_two_answers_to_a_single_choice_are_refused(flow):
    with pytest.raises(AnswerError):
        answer_clean(
            flow=flow, question=flow.by_slug["purpose"], values=["work", "study"], answers={}
        )


def test_the_goal_question_takes_several_answers(flow):
    answer = answer_clean(
        flow=flow, question=flow.by_slug["goal"], values=["business", "work"], answers={}
    )
    assert answer == ["work", "business"]


def test_every_purpose_chosen_is_gathered(flow, san_pedro_sula):
    answers = answers_for(san_pedro_sula, goal=["study", "business"])
    facts = facts_from_answers(flow=flow, answers=answers)
    assert facts[engine.PURPOSES_CHOSEN] == {"study", "business"}


def test_working_here_asks_no_migration_question(flow, san_pedro_sula):
    path = slugs(question_path(flow=flow, answers=answers_for(san_pedro_sula, goal=["work"])))
    assert "destination" not in path


def test_working_abroad_asks_where_but_not_what_for(flow, san_pedro_sula):
    answers = answers_for(san_pedro_sula, goal=["work-abroad"])
    path = slugs(question_path(flow=flow, answers=answers))
    assert "destination" in path
    assert "purpose" not in path
    assert facts_from_answers(flow=flow, answers=answers)["purpose"] == "work"


def test_required_question_needs_an_answer(flow):
    with pytest.raises(AnswerError, match="answer this question"):
        answer_clean(flow=flow, question=flow.by_slug["goal"], values=[""], answers={})


def test_optional_multiple_choice_accepts_none(flow):
    question = flow.by_slug["documents"]
    assert answer_clean(flow=flow, question=question, values=[], answers={}) == []


def test_multiple_choice_keeps_the_questionnaire_order(flow):
    question = flow.by_slug["documents"]
    answer = answer_clean(
        flow=flow, question=question, values=["national-id", "passport", "passport"], answers={}
    )
    assert answer == ["passport", "national-id"]


def test_residence_must_be_an_origin_country(flow):
    with pytest.raises(AnswerError, match="countries offered"):
        answer_clean(flow=flow, question=flow.by_slug["country"], values=["US"], answers={})
    assert (
        answer_clean(flow=flow, question=flow.by_slug["country"], values=["hn"], answers={}) == "HN"
    )


def test_destination_cannot_be_the_country_of_residence(flow):
    with pytest.raises(AnswerError):
        answer_clean(
            flow=flow,
            question=flow.by_slug["destination"],
            values=["HN"],
            answers={"country": "HN"},
        )


def test_municipality_must_be_in_the_country_of_residence(flow, san_pedro_sula):
    question = flow.by_slug["place"]
    assert (
        answer_clean(
            flow=flow, question=question, values=[str(san_pedro_sula.pk)], answers={"country": "HN"}
        )
        == san_pedro_sula.pk
    )
    with pytest.raises(AnswerError, match="not in the country"):
        answer_clean(
            flow=flow, question=question, values=[str(san_pedro_sula.pk)], answers={"country": "GT"}
        )
    with pytest.raises(AnswerError):
        answer_clean(flow=flow, question=question, values=["abc"], answers={"country": "HN"})


def test_a_state_is_not_a_municipality(flow, san_pedro_sula):
    with pytest.raises(AnswerError):
        answer_clean(
            flow=flow,
            question=flow.by_slug["place"],
            values=[str(san_pedro_sula.parent_id)],
            answers={"country": "HN"},
        )


def test_facts_follow_the_choices(flow, san_pedro_sula):
    facts = facts_from_answers(flow=flow, answers=answers_for(san_pedro_sula))
    assert facts["purpose"] == "work"  # the purpose of migrating replaces "migrate"
    assert facts["destination"] == "MX"
    assert facts["nationality"] == "HN"
    assert facts["age"] == 24
    assert facts["place"] == san_pedro_sula.pk
    assert facts["has_job_offer"] is True
    assert facts["has_family_in_destination"] is False  # answered, not ticked
    assert facts["documents_held"] == {"national-id"}


def test_unanswered_yes_no_facts_stay_unknown(flow, san_pedro_sula):
    facts = facts_from_answers(flow=flow, answers=answers_for(san_pedro_sula, goal="study"))
    assert facts["purpose"] == "study"
    assert "has_job_offer" not in facts
    assert "destination" not in facts


def test_choice_facts_are_validated():
    choice = Choice(value="x", label="x", sets={"colour": "red"})
    with pytest.raises(Exception, match="Unknown fact"):
        choice.clean()
    choice.sets = {"has_job_offer": "yes"}
    with pytest.raises(Exception, match="true or false"):
        choice.clean()
    choice.sets = {"purpose": "work"}
    choice.clean()


def test_condition_must_point_to_an_earlier_question(flow):
    condition = Condition(
        question=flow.by_slug["age"],
        depends_on=flow.by_slug["documents"],
        operator=Condition.Operator.IN,
        values="passport",
    )
    with pytest.raises(Exception, match="asked before"):
        condition.clean()


def test_number_question_needs_a_fact():
    question = Question(kind=Question.Kind.NUMBER, slug="n", text="n")
    with pytest.raises(Exception, match="fact"):
        question.clean()


def test_progress_counts_the_longest_path_still_possible(flow, san_pedro_sula):
    answers = {"country": "HN", "place": san_pedro_sula.pk}
    assert len(question_path(flow=flow, answers=answers, optimistic=True)) == 8
    assert (
        len(
            question_path(
                flow=flow, answers=answers | {"age": 20, "goal": "study"}, optimistic=True
            )
        )
        == 5
    )


def test_an_absurd_municipality_number_is_refused_not_sent_to_the_database(flow):
    with pytest.raises(AnswerError):
        answer_clean(
            flow=flow, question=flow.by_slug["place"], values=["9" * 30], answers={"country": "HN"}
        )


def test_a_saved_question_clears_the_kept_questionnaire_again_when_committed(
    flow, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        flow.by_slug["age"].save()
        flow_load()  # loaded before the commit (another thread would read the old rows)
        assert 0 in engine._flows
    assert 0 not in engine._flows
