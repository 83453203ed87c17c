"""The statement page and its correction form: off unless --allow-edits, CSRF-checked, applied."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from serve_fixtures import build_store

from quotegraph.serve import create_app
from quotegraph.serve.edits import CSRF_COOKIE


@pytest.fixture
def editable(tmp_path):
    with TestClient(create_app(build_store(tmp_path / "e.db"), allow_edits=True)) as c:
        yield c


def _sid(c, q="terrorists"):
    return c.get("/api/statements", params={"q": q}).json()["items"][0]["id"]


def _token(html: str) -> str:
    return re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)


def test_statement_page_and_json_twin(client):
    sid = _sid(client)
    html = client.get(f"/statements/{sid}").text
    assert "Igor Konashenkov" in html and "spokesman" in html and 'method="post"' not in html
    assert f"quotegraph correct {sid}" in html  # read-only: how to correct it instead
    body = client.get(f"/api/statements/{sid}").json()
    assert body["id"] == sid and body["corrections"] == [] and body["display"][0]["verbatim"]
    assert client.get("/statements/nope").status_code == 404


def test_edits_refused_without_allow_edits(client):
    sid = _sid(client)
    r = client.post(f"/statements/{sid}/corrections", data={"action": "act", "value": "threat", "csrf": "x"})
    assert r.status_code == 403 and "--allow-edits" in r.text
    assert client.get(f"/api/statements/{sid}").json()["act"] is None


def test_edit_form_needs_its_csrf_token(editable):
    sid = _sid(editable)
    page = editable.get(f"/statements/{sid}")
    assert page.status_code == 200 and "<form" in page.text and CSRF_COOKIE in page.headers["set-cookie"]
    assert "samesite=strict" in page.headers["set-cookie"].lower() and "httponly" in page.headers["set-cookie"].lower()
    token = _token(page.text)
    url = f"/statements/{sid}/corrections"
    for data in ({"action": "act", "value": "threat"}, {"action": "act", "value": "threat", "csrf": "0" * 64},
                 {"action": "act", "value": "threat", "csrf": token[:-1] + ("0" if token[-1] != "0" else "1")}):
        r = editable.post(url, data=data, follow_redirects=False)
        assert r.status_code == 403 and "security token" in r.text
    other = TestClient(editable.app)  # the token without its cookie is refused too
    assert other.post(url, data={"action": "act", "value": "threat", "csrf": token}).status_code == 403
    r = editable.post(url, data={"action": "act", "value": "threat", "csrf": token},
                      headers={"origin": "http://evil.example"}, follow_redirects=False)
    assert r.status_code == 403
    assert editable.get(f"/api/statements/{sid}").json()["act"] is None


def test_corrections_through_the_form(editable):
    sid = _sid(editable)
    token = _token(editable.get(f"/statements/{sid}").text)
    url = f"/statements/{sid}/corrections"
    r = editable.post(url, data={"action": "speaker", "value": "Sergey Ryabkov", "note": "on video", "csrf": token},
                      follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/statements/{sid}"
    st = editable.get(f"/api/statements/{sid}").json()
    assert st["speaker"]["name"] == "Sergey Ryabkov" and st["corrected"] == ["speaker"]
    assert st["corrections"][0]["origin"] == "web" and st["corrections"][0]["note"] == "on video"
    html = editable.get(f"/statements/{sid}").text
    assert "Igor Konashenkov" in html and "on video" in html and "Undo" in html  # was -> now
    card = editable.get("/search", params={"q": "terrorists"}).text
    assert "corrected" in card
    r = editable.post(url, data={"action": "speaker", "value": "", "csrf": token})
    assert r.status_code == 400 and 'role="alert"' in r.text
    r = editable.post(url, data={"action": "undo", "field": "speaker", "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    assert editable.get(f"/api/statements/{sid}").json()["speaker"]["name"] == "Igor Konashenkov"
    r = editable.post(url, data={"action": "not_a_statement", "csrf": token}, follow_redirects=False)
    assert r.status_code == 303
    gone = editable.get(f"/statements/{sid}")
    assert gone.status_code == 200 and "Not a statement" in gone.text and "Undo" in gone.text
    assert editable.get("/api/statements", params={"q": "terrorists"}).json()["total"] == 0
    r = editable.post(url, data={"action": "undo", "csrf": token}, follow_redirects=False)
    assert editable.get("/api/statements", params={"q": "terrorists"}).json()["total"] == 1


def test_unknown_action(editable):
    sid = _sid(editable)
    token = _token(editable.get(f"/statements/{sid}").text)
    r = editable.post(f"/statements/{sid}/corrections", data={"action": "drop_table", "csrf": token})
    assert r.status_code == 400


def test_api_stays_read_only_with_edits(editable):
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert editable.request(method, "/api/statements").status_code == 405
