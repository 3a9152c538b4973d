"""Learning records as xAPI 1.0.3 statements, for an outside learning record store."""

import hashlib
from typing import Any

from rumbo.learning.models import Course
from rumbo.learning.selectors import course_statements

VERBS = {
    verb: f"http://adlnet.gov/expapi/verbs/{verb}"
    for verb in ("launched", "progressed", "answered", "passed", "failed", "completed")
}
ACTIVITY_TYPES = {
    "course": "http://adlnet.gov/expapi/activities/course",
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "assessment": "http://adlnet.gov/expapi/activities/assessment",
    "question": "http://adlnet.gov/expapi/activities/cmi.interaction",
}


def actor_for(*, email: str | None, user_id: int, base_url: str) -> dict[str, Any]:
    # mbox_sha1sum identifies the learner to the record store without revealing the address.
    # A learner without email is an account of this site, named by its number only.
    if not email:
        return {"objectType": "Agent", "account": {"homePage": base_url, "name": str(user_id)}}
    digest = hashlib.sha1(f"mailto:{email}".encode()).hexdigest()  # noqa: S324 - xAPI's format
    return {"objectType": "Agent", "mbox_sha1sum": digest}


def _result(result: dict[str, Any]) -> dict[str, Any]:
    # xAPI wants an interaction's response as a string: "a[,]b" for choices and
    # "source[.]target[,]..." for matching (cmi.interaction response patterns).
    response = result.get("response")
    if isinstance(response, list):
        return result | {"response": "[,]".join(str(item) for item in response)}
    if isinstance(response, dict):
        pairs = "[,]".join(f"{source}[.]{target}" for source, target in response.items())
        return result | {"response": pairs}
    return result


def statements_export(*, course: Course, base_url: str) -> list[dict[str, Any]]:
    records = []
    for statement in course_statements(course=course):
        record: dict[str, Any] = {
            "id": str(statement.id),
            "actor": actor_for(
                email=statement.user.email, user_id=statement.user_id, base_url=base_url
            ),
            "verb": {
                "id": VERBS[statement.verb],
                "display": {"en-US": statement.verb},
            },
            "object": {
                "objectType": "Activity",
                "id": base_url + statement.activity_path,
                "definition": {
                    "type": ACTIVITY_TYPES[statement.activity_type],
                    "name": {statement.language: statement.activity_name},
                },
            },
            "context": {
                "language": statement.language,
                "contextActivities": {
                    "grouping": [
                        {"id": f"{base_url}/campus/{course.slug}/", "objectType": "Activity"}
                    ]
                },
            },
            "timestamp": statement.timestamp.isoformat(),
            "version": "1.0.3",
        }
        if statement.result is not None:
            record["result"] = _result(statement.result)
        records.append(record)
    return records
