"""Content managers edit the questionnaire here: questions, their choices (with the facts
each sets) and the conditions that show them. Plans are not listed: they are anonymous and
their codes open them, so staff have no reason to browse them."""

from django.contrib import admin
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from rumbo.plans.models import Choice, Condition, Question, Questionnaire


class QuestionInline(TranslationTabularInline):
    model = Question
    fields = ["order", "slug", "kind", "text", "required"]
    extra = 0
    show_change_link = True


@admin.register(Questionnaire)
class QuestionnaireAdmin(TranslationAdmin):
    list_display = ["title", "slug", "is_active", "is_demo", "updated_at"]
    list_filter = ["is_active", "is_demo"]
    inlines = [QuestionInline]


class ChoiceInline(TranslationStackedInline):
    model = Choice
    fields = ["order", "value", "label", "sets"]
    extra = 0


class ConditionInline(admin.TabularInline):
    model = Condition
    fk_name = "question"
    fields = ["depends_on", "operator", "values"]
    extra = 0


@admin.register(Question)
class QuestionAdmin(TranslationAdmin):
    list_display = ["text", "questionnaire", "order", "slug", "kind", "required"]
    list_filter = ["questionnaire", "kind"]
    ordering = ["questionnaire", "order"]
    inlines = [ChoiceInline, ConditionInline]
