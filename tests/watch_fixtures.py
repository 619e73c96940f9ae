"""Invented news articles for the watch tests, sentences the coder is known to code (checked by the tests)."""

from __future__ import annotations

from watch_server import FixtureServer, Route, article_html, rss

FILLER = ("Officials gave no further details. The report was filed by our correspondent, "
          "and more information is expected later in the week.")

FIVE = [
    ("Troops shell Kharkiv", "2026-02-02", "Russian troops shelled Ukrainian positions near Kharkiv."),
    ("Trade pact signed", "2026-02-03", "Japan signed a trade deal with Vietnam."),
    ("Aid sent", "2026-02-04", "Germany sent economic aid to France."),
    ("Praise in Paris", "2026-02-05", "Germany praised France for its support."),
    ("Missiles fired", "2026-02-06", "Russia fired missiles at Ukrainian power stations."),
]

# A planted shift: Russia and Ukraine cooperate in January and fight in March; Germany and France
# cooperate in both months (a steady dyad).
RUS_UKR_COOP = [
    "Russia signed a trade agreement with Ukraine.",
    "The Russian government praised Ukraine for its cooperation on grain exports.",
    "Russia sent humanitarian aid to Ukraine.",
    "Russian diplomats met Ukrainian officials in Geneva to discuss a gas transit deal.",
    "Russia offered economic assistance to Ukraine.",
    "Russia signed a fishing agreement with Ukraine.",
]
RUS_UKR_CONFLICT = [
    "Russian troops shelled Ukrainian positions near Kharkiv.",
    "Russia attacked Ukrainian forces near Donetsk.",
    "Russian aircraft bombed the Ukrainian city of Sumy.",
    "Russian forces seized a Ukrainian village near Kupiansk.",
    "Russia fired missiles at Ukrainian power stations.",
    "Russian soldiers killed Ukrainian civilians in Bucha.",
]
DEU_FRA_COOP = [
    "Germany praised France for its support.",
    "Germany sent economic aid to France.",
    "France thanked Germany for its help.",
    "French ministers met German officials in Berlin.",
    "Germany praised France for its leadership.",
    "France thanked Germany for its generosity.",
]


def article(n: int, title: str, date: str, *sentences: str) -> tuple[str, str, bytes]:
    return f"/news/{n}.html", date, article_html(title, date, [*sentences, FILLER])


def serve_articles(server: FixtureServer, articles: list[tuple[str, str, bytes]], feed: str = "/feed.xml",
                   etag: str = '"feed-v1"') -> list[str]:
    """Serve the articles and an RSS feed listing them; their URLs, in order."""
    items = []
    for path, date, page in articles:
        server.routes[path] = Route(page)
        items.append((server.url(path), path.rsplit("/", 1)[-1], date))
    server.routes[feed] = Route(rss(items), content_type="application/rss+xml", etag=etag,
                                last_modified="Mon, 02 Feb 2026 08:00:00 GMT")
    return [u for u, _, _ in items]


def five_articles() -> list[tuple[str, str, bytes]]:
    return [article(i, t, d, s) for i, (t, d, s) in enumerate(FIVE)]


def shift_articles() -> list[tuple[str, str, bytes]]:
    jan = [article(i, f"January {i}", f"2026-01-{2 + 4 * i:02d}", RUS_UKR_COOP[i], DEU_FRA_COOP[i])
           for i in range(6)]
    mar = [article(10 + i, f"March {i}", f"2026-03-{2 + 4 * i:02d}", RUS_UKR_CONFLICT[i], DEU_FRA_COOP[i])
           for i in range(6)]
    return jan + mar
