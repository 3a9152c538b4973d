from django.urls import path

from rumbo.learning import views

app_name = "learning"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("register/", views.register, name="register"),
    path("register/username/", views.register_username, name="register_username"),
    path("recover/", views.recover, name="recover"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("verify/<str:token>/", views.verify, name="verify"),
    path("verify-again/", views.verify_again, name="verify_again"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("trainings/", views.staff_trainings, name="staff_trainings"),
    path("manage/", views.manage, name="manage"),
    path("manage/<slug:slug>/", views.manage_course, name="manage_course"),
    path("manage/<slug:slug>/enrolments.csv", views.manage_csv, name="manage_csv"),
    path("manage/<slug:slug>/xapi.json", views.manage_statements, name="manage_statements"),
    path("manage/<slug:slug>/package.zip", views.manage_package, name="manage_package"),
    path("attempt/<int:attempt>/", views.attempt, name="attempt"),
    path("attempt/<int:attempt>/answer/<int:question>/", views.answer, name="answer"),
    path("attempt/<int:attempt>/submit/", views.submit, name="submit"),
    path("attempt/<int:attempt>/result/", views.result, name="result"),
    path("<slug:slug>/", views.course, name="course"),
    path("<slug:slug>/<str:language>/", views.version, name="version"),
    path("<slug:slug>/<str:language>/enrol/", views.enrol, name="enrol"),
    path("<slug:slug>/<str:language>/final/", views.quiz, name="final"),
    path("<slug:slug>/<str:language>/m<int:module>/quiz/", views.quiz, name="quiz"),
    path("<slug:slug>/<str:language>/m<int:module>/<slug:lesson>/", views.lesson, name="lesson"),
]
