"""Validation against the official HSDS 3.0 JSON Schemas vendored in hsds_schema/ (see its
SOURCE.txt): JSON Schema Draft 2020-12, "$ref"s between files resolved through a
referencing.Registry (nothing is fetched), strict about unknown fields."""

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SCHEMA_DIR = Path(__file__).resolve().parent / "hsds_schema"
# A base URI that resolves nowhere: the schemas' relative "$ref"s ("phone.json") resolve
# against it to the files registered below.
BASE_URI = "https://hsds.invalid/3.0/"


def _strict(schema: dict) -> dict:
    """A copy in which every object schema forbids properties it does not declare."""
    schema = json.loads(json.dumps(schema))
    if schema.get("type") == "object" and "properties" in schema:
        schema["additionalProperties"] = False
    for prop in schema.get("properties", {}).values():
        if isinstance(prop, dict) and prop.get("type") == "object" and "properties" in prop:
            prop.update(_strict(prop))
    return schema


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.json")):
        contents = _strict(json.loads(path.read_text(encoding="utf-8")))
        contents["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        resources.append((BASE_URI + path.name, Resource.from_contents(contents, DRAFT202012)))
    return Registry().with_resources(resources)


@cache
def validator(object_name: str) -> Draft202012Validator:
    """A validator for one HSDS object ("service", "organization", "location", ...)."""
    schema = {"$ref": BASE_URI + f"{object_name}.json"}
    return Draft202012Validator(
        schema, registry=_registry(), format_checker=Draft202012Validator.FORMAT_CHECKER
    )


def hsds_errors(*, object_name: str, instance: object, path: str = "") -> list[str]:
    """Every schema error of `instance`, each naming the field: "locations[0].phones[1].number:
    'x' is not of type 'number'"."""
    errors = []
    for error in sorted(validator(object_name).iter_errors(instance), key=lambda e: e.path):
        where = path
        for part in error.absolute_path:
            where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else part)
        errors.append(f"{where or object_name}: {error.message}")
    return errors
