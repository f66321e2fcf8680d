"""A small client of a Learning Record Store's statements resource (xAPI 1.0.3, HTTP basic auth).

`post` sends a batch and retries with exponential backoff while the LRS is unreachable or
answers 5xx/429; a batch holding a statement the LRS already has in another version (409) is
sent again without it (xAPI statements are immutable: the stored one stays). `statements` reads
with the standard filters and follows the `more` links page by page. Credentials come from
`$QUIZGAME_LRS_AUTH` (`user:password`) or a file holding that line; never from the command line,
where other users of the machine could read them. Only the standard library is used.
"""

from __future__ import annotations

import base64
import json
import os
import random
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quizgame.errors import QuizgameError
from quizgame.safe_text import visible

AUTH_ENV = "QUIZGAME_LRS_AUTH"
CREDENTIALS_ENV = "QUIZGAME_LRS_CREDENTIALS"
XAPI_VERSION_HEADER = "1.0.3"
TIMEOUT_S = 30.0
_RETRIED_STATUS = {408, 429, 500, 502, 503, 504}


class LrsError(QuizgameError):
    """The LRS could not be reached (`transient`: trying later may work), or refused a request
    (the message says which and why)."""

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


@dataclass(frozen=True, slots=True)
class Retry:
    """How long to keep trying: `tries` attempts, waiting `first_s`, then twice as long..."""

    tries: int = 6
    first_s: float = 0.5
    most_s: float = 30.0

    def delays(self) -> Iterator[float]:
        delay = self.first_s
        for _ in range(self.tries - 1):
            yield delay * random.uniform(0.8, 1.2)  # jitter: a room of machines not in step
            delay = min(delay * 2, self.most_s)


def statements_url(url: str) -> str:
    """The statements resource of an xAPI endpoint (`http://host:8100` means Ralph's `/xAPI`)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise LrsError(f"--lrs {visible(url, multiline=False)}: not an http(s) URL of an LRS")
    if parts.username or parts.password:
        raise LrsError(f"--lrs: put no credentials in the URL (anyone on this machine can read "
                       f"a command line); set ${AUTH_ENV} or use --lrs-credentials FILE")
    path = parts.path.rstrip("/") or "/xAPI"
    if not path.endswith("/statements"):
        path += "/statements"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def credentials(file: Path | None, environ: Mapping[str, str] = os.environ) -> str | None:
    """`user:password` from the file (or `$QUIZGAME_LRS_CREDENTIALS`), else `$QUIZGAME_LRS_AUTH`."""
    path = file or (Path(environ[CREDENTIALS_ENV]) if environ.get(CREDENTIALS_ENV) else None)
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            raise LrsError(f"cannot read the LRS credentials file {path}: {error}") from error
        if ":" not in text or "\n" in text:
            raise LrsError(f"{path}: expected one line `user:password`")
        return text
    auth = environ.get(AUTH_ENV)
    if auth is not None and ":" not in auth:
        raise LrsError(f"${AUTH_ENV} must be `user:password`")
    return auth


@dataclass
class Lrs:
    """The statements resource of one LRS."""

    url: str
    auth: str | None = None
    retry: Retry = field(default_factory=Retry)
    sleep: Callable[[float], None] = time.sleep
    timeout_s: float = TIMEOUT_S

    def __post_init__(self) -> None:
        self.url = statements_url(self.url)

    def post(self, statements: Sequence[Mapping[str, Any]]) -> int:
        """Store a batch; returns how many the LRS did not have already."""
        batch = list(statements)
        while batch:
            status, body = self._request("POST", self.url, json.dumps(batch).encode("utf-8"))
            if status == 409:
                held = {s["id"] for s in batch if self._exists(str(s["id"]))}
                if not held:
                    raise LrsError(f"the LRS at {self.url} refused the batch: {_detail(body)}")
                batch = [s for s in batch if s["id"] not in held]
                continue
            stored = json.loads(body) if status == 200 and body else []
            return len(stored) if isinstance(stored, list) else len(batch)
        return 0

    def statements(self, **filters: str | int | bool) -> Iterator[dict[str, Any]]:
        """Every statement matching the xAPI filters (`verb`, `activity`, `registration`,
        `agent`, `since`, `limit`...), page after page."""
        query = {name: str(value).lower() if isinstance(value, bool) else str(value)
                 for name, value in filters.items()}
        url: str | None = f"{self.url}?{urllib.parse.urlencode(query)}"
        while url:
            _, body = self._request("GET", url)
            page = _json(body, url)
            statements = page.get("statements")
            if not isinstance(statements, list):
                raise LrsError(f"{url}: the LRS answered without a list of statements")
            yield from (s for s in statements if isinstance(s, dict))
            more = page.get("more")
            url = urllib.parse.urljoin(self.url, more) if isinstance(more, str) and more else None

    def _exists(self, statement_id: str) -> bool:
        query = urllib.parse.urlencode({"statementId": statement_id})
        status, body = self._request("GET", f"{self.url}?{query}", allow={404})
        if status == 404:
            return False
        page = _json(body, self.url)
        # One statement, or (some LRSs) a statement list.
        return "id" in page or bool(page.get("statements"))

    def _request(self, method: str, url: str, data: bytes | None = None,
                 allow: frozenset[int] | set[int] = frozenset()) -> tuple[int, bytes]:
        headers = {"X-Experience-API-Version": XAPI_VERSION_HEADER, "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        if self.auth:
            token = base64.b64encode(self.auth.encode("utf-8")).decode("ascii")
            headers["Authorization"] = f"Basic {token}"
        delays = self.retry.delays()
        while True:
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                    return response.status, response.read()
            except urllib.error.HTTPError as error:
                body = error.read()
                if error.code == 409 or error.code in allow:
                    return error.code, body
                if error.code not in _RETRIED_STATUS:
                    raise LrsError(_refusal(self.url, error.code, body)) from error
                failure = f"HTTP {error.code}"
            except (urllib.error.URLError, OSError) as error:
                reason = getattr(error, "reason", error)
                failure = visible(str(reason), multiline=False)
            delay = next(delays, None)
            if delay is None:
                raise LrsError(f"cannot reach the LRS at {self.url} ({failure}) after "
                               f"{self.retry.tries} tries; nothing is lost: run it again later",
                               transient=True)
            self.sleep(delay)


def _refusal(url: str, status: int, body: bytes) -> str:
    if status == 401:
        return (f"the LRS at {url} refused the credentials (HTTP 401): set ${AUTH_ENV} or use "
                "--lrs-credentials FILE")
    if status == 403:
        return f"the LRS at {url} does not allow this account to do that (HTTP 403)"
    return f"the LRS at {url} refused the request (HTTP {status}): {_detail(body)}"


def _detail(body: bytes) -> str:
    try:
        detail = json.loads(body).get("detail", body.decode("utf-8", "replace"))
    except (ValueError, AttributeError):
        detail = body.decode("utf-8", "replace")
    return visible(str(detail)[:300], multiline=False)


def _json(body: bytes, url: str) -> dict[str, Any]:
    try:
        page = json.loads(body)
    except ValueError as error:
        raise LrsError(f"{url}: the LRS answered something that is not JSON") from error
    if not isinstance(page, dict):
        raise LrsError(f"{url}: the LRS answered something that is not a JSON object")
    return page
