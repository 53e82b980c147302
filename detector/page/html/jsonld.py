"""JSON-LD items read as plain data: their types and the names they give."""

from __future__ import annotations


def flatten(data: object) -> list[dict]:
    """Every item of a JSON-LD document: lists unrolled, @graph members after their holder."""
    if isinstance(data, list):
        return [x for d in data for x in flatten(d)]
    if isinstance(data, dict):
        out = [data]
        if isinstance(data.get("@graph"), list):
            out.extend(x for d in data["@graph"] for x in flatten(d))
        return out
    return []


def types_of(item: dict) -> set[str]:
    """An item's @type values, lower-cased ("NewsArticle" or ["Organization", "Thing"])."""
    t = item.get("@type")
    types = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in types if x}


def names_of(value: object) -> list[str]:
    """The names a publisher/author value gives: a string, {"name": ...}, or a list of those."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        name = value.get("name")
        return [name] if isinstance(name, str) else []
    if isinstance(value, list):
        return [n for v in value for n in names_of(v)]
    return []


def list_item_name(el: object) -> object:
    """A BreadcrumbList element's name: its own, else its item's when the item is an object."""
    if not isinstance(el, dict):
        return None
    item = el.get("item")
    if isinstance(item, dict):
        return el.get("name") or item.get("name")
    return el.get("name")
