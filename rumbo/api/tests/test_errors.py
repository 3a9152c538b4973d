import json

from rumbo.api.api import api


def test_an_unexpected_api_error_answers_json_not_the_html_page(rf):
    # Outside DEBUG ninja's default handler re-raises, so Django would answer with HTML.
    response = api.on_exception(rf.get("/api/guides/"), RuntimeError("unexpected"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["detail"]
