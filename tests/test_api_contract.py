"""The HTTP contract beyond the search results: every response validated against the OpenAPI
schema the server publishes (Draft 2020-12, with its $refs), 405 answers carrying ``Allow``, an
empty date parameter treated as a missing one everywhere, and the result-window rule in the
schema."""

from __future__ import annotations

import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from starlette.testclient import TestClient

from search_api.params import MAX_RESULT_WINDOW

SPEC_URI = "urn:warta:openapi"
_TOOK_RE = re.compile(r"[0-9.]+ ?ms")


def validator(spec: dict[str, Any], component: str) -> Draft202012Validator:
    resource = Resource.from_contents(spec, default_specification=DRAFT202012)
    registry: Registry = Registry().with_resource(SPEC_URI, resource)
    schema = {"$ref": f"{SPEC_URI}#/components/schemas/{component}"}
    return Draft202012Validator(schema, registry=registry)


def response_schema(spec: dict[str, Any], path: str, status: str = "200") -> str:
    ref: str = spec["paths"][path]["get"]["responses"][status]["content"]["application/json"][
        "schema"]["$ref"]
    return ref.rsplit("/", 1)[1]


@pytest.fixture(scope="module")
def spec(client: TestClient) -> dict[str, Any]:
    res = client.get("/openapi.json")
    assert res.status_code == 200
    body: dict[str, Any] = res.json()
    return body


def valid(spec: dict[str, Any], component: str, body: Any) -> None:
    errors = [e.message for e in validator(spec, component).iter_errors(body)]
    assert errors == [], (component, errors[:3])


@pytest.mark.parametrize(("path", "url"), [
    ("/search", "/search?q=banjir&facet_size=5"),
    ("/search", "/search?sort=oldest&person=Joko%20Widodo"),
    ("/articles/{id}", "/articles/synthetic-xss"),
    ("/entities", "/entities?type=person&prefix=jo"),
    ("/health", "/health"),
])
def test_real_responses_match_their_published_schema(client: TestClient, spec: dict[str, Any],
                                                     path: str, url: str) -> None:
    res = client.get(url)
    assert res.status_code == 200, res.text
    valid(spec, response_schema(spec, path), res.json())


def test_schemas_are_closed_so_validation_can_fail(spec: dict[str, Any]) -> None:
    health = {"status": "ok", "documents": 1, "generation": "gen-1", "last_commit": None}
    valid(spec, "Health", health)
    assert list(validator(spec, "Health").iter_errors({**health, "extra": 1}))
    assert list(validator(spec, "Health").iter_errors({"status": "ok"}))
    assert list(validator(spec, "Article").iter_errors({"id": "x"}))


def test_errors_match_the_error_schema(client: TestClient, spec: dict[str, Any]) -> None:
    for url in ("/search?size=0", "/articles/no-such-id", "/entities"):
        res = client.get(url)
        assert res.status_code in (400, 404)
        valid(spec, "Error", res.json())


@pytest.mark.parametrize("path", ["/search", "/articles/x", "/entities", "/health",
                                  "/openapi.json", "/"])
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_405_says_which_methods_are_allowed(client: TestClient, path: str, method: str) -> None:
    res = client.request(method, path)
    assert res.status_code == 405
    assert sorted(m.strip() for m in res.headers["allow"].split(",")) == ["GET", "HEAD"]
    assert res.json()["error"] == "method_not_allowed"


@pytest.mark.parametrize("name", ["from", "to"])
def test_an_empty_date_is_a_missing_one(client: TestClient, spec: dict[str, Any],
                                        name: str) -> None:
    base = client.get("/search?q=banjir").json()
    for query in (f"{name}=", f"{name}=%20", f"{name}=2019-09-01&{name}="):
        body = client.get(f"/search?q=banjir&{query}").json()
        assert body["total"] == base["total"], query
    html = {url: _TOOK_RE.sub("", client.get(url, headers={"accept": "text/html"}).text)
            for url in ("/?q=banjir", f"/?q=banjir&{name}=", f"/?q=banjir&{name}=%20")}
    assert len(set(html.values())) == 1
    params = {p["name"]: p for p in spec["paths"]["/search"]["get"]["parameters"]}
    schema = Draft202012Validator(params[name]["schema"],
                                  format_checker=Draft202012Validator.FORMAT_CHECKER)
    assert schema.is_valid("") and schema.is_valid("2019-09-01")
    assert not schema.is_valid("2019-13-01") and not schema.is_valid("yesterday")


def test_the_result_window_is_in_the_schema(client: TestClient, spec: dict[str, Any]) -> None:
    params = {p["name"]: p for p in spec["paths"]["/search"]["get"]["parameters"]}
    assert params["page"]["schema"]["maximum"] == MAX_RESULT_WINDOW
    assert f"page*size at most {MAX_RESULT_WINDOW}" in params["page"]["description"]
    assert f"page*size at most {MAX_RESULT_WINDOW}" in params["size"]["description"]
    assert client.get(f"/search?page={MAX_RESULT_WINDOW}&size=1").status_code == 200
    res = client.get(f"/search?page={MAX_RESULT_WINDOW + 1}&size=1")
    assert res.status_code == 400 and res.json()["error"] == "result_window_too_large"
