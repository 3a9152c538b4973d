app_name = "infopoints"

urlpatterns: list = []
