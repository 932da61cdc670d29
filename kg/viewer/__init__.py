"""The interactive HTML viewer: one self-contained file that works offline, drawn from the KnowledgeGraph records.

The page opens on the actors (people, organisations, countries, groups) with the events between them
as typed, counted links; the full graph and one actor's neighbourhood are a click away, with a
timeline of events, tables of claims and events, and the evidence sentence behind every fact.

vis-network (shipped inside the pyvis package) is inlined and draws shapes and links; the page's own
script places labels itself, most important first, and leaves out any that would cover another
node, so labels never pile up and more appear as you zoom in.  Each view's communities are laid out
here with igraph (:mod:`kg.viewer.layout`) and packed side by side by the page, again after every
filter.  The Content-Security-Policy forbids every request, and all article-derived text travels
as JSON data that reaches the page through ``textContent`` or vis-network's plain-text tooltips, so
a headline containing ``<script>`` is shown, never run.

>>> from kg.model import Entity, KnowledgeGraph
>>> kg = KnowledgeGraph((), (Entity("person/a", "<b>A</b>", "Person", mention_count=3),), (), (), ())
>>> "<b>A</b>" in render_html(kg)
False
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources
from pathlib import Path

from kg.atomic import write_text
from kg.model import KnowledgeGraph
from kg.viewer.data import page_records
from kg.viewer.views import layouts

__all__ = ["render_html", "write_html", "STYLE", "EVENT_COLOURS", "page_data", "AGGREGATE_ABOVE"]

#: colour and vis-network shape per legend group; every shape has its label outside, drawn by the page
STYLE = {
    "Person": ("#d1495b", "dot"),
    "Country": ("#2e6f9e", "diamond"),
    "Organization": ("#7b5ea7", "square"),
    "Group": ("#b5651d", "star"),
    "Place": ("#4f8a2f", "triangle"),
    "Event": ("#e59a1f", "hexagon"),
    "Claim": ("#138a80", "dot"),
    "Denied claim": ("#b00020", "dot"),
    "Quantity": ("#6c7a7d", "triangleDown"),
}
#: link colour per PLOVER event type: greens and blues cooperate, oranges and purples speak against, reds and browns act
#: against; a type not listed gets a grey
EVENT_COLOURS = {
    "AGREE": "#3c8d2f", "CONSULT": "#2b7bba", "SUPPORT": "#6f9a2a", "COOPERATE": "#1f9e89", "AID": "#1592b0",
    "CONCEDE": "#5b7fb8", "RETREAT": "#7f93a8", "REQUEST": "#d98200", "ACCUSE": "#c2571a", "REJECT": "#8e44ad",
    "THREATEN": "#d4367a", "PROTEST": "#9a7d0a", "SANCTION": "#8b5a2b", "MOBILIZE": "#a63d40", "COERCE": "#7b1f5a",
    "ASSAULT": "#c0182b",
}
#: past this many nodes a view opens on its communities as super-nodes, each expanding on click: the full graph
#: draws up to 5,000 in under 2 s; the actors view groups earlier, where a first sight would be a hairball
AGGREGATE_ABOVE = {"actors": 2000, "full": 5000, "ego": 5000}


def page_data(kg: KnowledgeGraph, *, title: str = "kg knowledge graph", note: str = "") -> dict:
    """Everything the page's script starts from: the records, each view's layout, the styles."""
    records = page_records(kg)
    return records | {"layouts": layouts(records), "title": title, "note": note, "aggregateAbove": AGGREGATE_ABOVE,
                      "style": {k: {"color": c, "shape": s} for k, (c, s) in STYLE.items()}, "groups": list(STYLE),
                      "eventColours": EVENT_COLOURS}


def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2"
    return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")


def _json_for_script(data) -> str:
    """JSON safe to place inside <script>: no '</', no HTML comment or line separators."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _fill(template: str, values: dict[str, str]) -> str:
    """Replace ``/*KG_NAME*/`` placeholders in one pass, so text put in is never searched for placeholders again."""
    return re.sub(r"/\*KG_([A-Z_]+)\*/", lambda m: values[m.group(1)], template)


def _script_hashes(template: str, values: dict[str, str]) -> str:
    """CSP sources allowing exactly the page's own scripts: an injected script or ``onerror=`` would be refused."""
    scripts = (_fill(body, values) for body in re.findall(r"<script>(.*?)</script>", template, flags=re.S))
    return " ".join(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)


def render_html(kg: KnowledgeGraph, *, title: str = "kg knowledge graph", note: str = "") -> str:
    """The viewer page for the records of a knowledge graph; ``note`` is a line shown under the title."""
    data = page_data(kg, title=title, note=note)
    js, css = _vis_assets()
    template = (resources.files("kg.viewer") / "template.html").read_text(encoding="utf-8")
    values = {"CSS": css, "DATA": _json_for_script(data), "VIS_JS": js.replace("</script", "<\\/script")}
    values["SCRIPT_HASHES"] = _script_hashes(template, values)
    return _fill(template, values)


def write_html(kg: KnowledgeGraph, path: Path, **kwargs) -> Path:
    """Write :func:`render_html` to ``path`` atomically."""
    write_text(Path(path), render_html(kg, **kwargs))
    return Path(path)
