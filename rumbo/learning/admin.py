from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from rumbo.core.downloads import download_response
from rumbo.learning.models import (
    Choice,
    Course,
    CourseVersion,
    Facilitator,
    LearnerProfile,
    Lesson,
    LessonResource,
    Module,
    Question,
    Quiz,
)
from rumbo.learning.package import package_export
from rumbo.learning.services import LearningError, version_publish


@admin.register(Facilitator)
class FacilitatorAdmin(TranslationAdmin):
    list_display = ["name", "user", "is_demo"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]


class VersionInline(admin.TabularInline):
    model = CourseVersion
    fields = ["language", "title", "is_published"]
    extra = 0
    show_change_link = True


@admin.register(Course)
class CourseAdmin(TranslationAdmin):
    list_display = ["slug", "topic", "module_count", "is_demo"]
    list_filter = ["topic", "is_demo"]
    filter_horizontal = ["facilitators"]
    inlines = [VersionInline]
    actions = ["export_package"]

    @admin.action(description=_("Export as a course package (zip)"))
    def export_package(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose one course to export."), messages.ERROR)
            return None
        course = queryset.get()
        return download_response(
            package_export(course=course),
            filename=f"{course.slug}.zip",
            content_type="application/zip",
        )


class ModuleInline(admin.TabularInline):
    model = Module
    fields = ["position", "title"]
    extra = 0
    show_change_link = True


@admin.register(CourseVersion)
class CourseVersionAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "language", "is_published"]
    list_filter = ["language", "is_published"]
    inlines = [ModuleInline]
    actions = ["publish"]

    @admin.action(description=_("Publish (checks that the version is complete)"))
    def publish(self, request, queryset):
        for version in queryset:
            try:
                version_publish(version=version)
            except LearningError as error:
                self.message_user(request, f"{version}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("%(version)s published.") % {"version": version})


class LessonInline(admin.StackedInline):
    model = Lesson
    fields = ["position", "slug", "title", "body", "video_url"]
    extra = 0
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "version"]
    list_filter = ["version__language"]
    inlines = [LessonInline]


class ResourceInline(admin.TabularInline):
    model = LessonResource
    extra = 0


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "module"]
    search_fields = ["title"]
    inlines = [ResourceInline]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "version", "pass_mark", "attempt_limit"]
    inlines = [QuestionInline]


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "quiz", "kind"]
    inlines = [ChoiceInline]


@admin.register(LearnerProfile)
class LearnerProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "email_verified_at", "preferred_language"]
    raw_id_fields = ["user"]
