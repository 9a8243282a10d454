"""HTTP to a SPARQL server: retries with bounded backoff, digest authentication, and one-line errors.

Only the requests a user asked for go out (``endpoint`` decides which); what may succeed a
moment later (connection refused or reset, 502/503/504) is tried again, nothing else is, and
every failure becomes an ``EndpointError`` that says what happened and what to try.
"""
from __future__ import annotations

import hashlib
import http.client
import re
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from typing import TypeVar

from .errors import EndpointError

RETRY_STATUSES = frozenset({502, 503, 504})
_BACKOFF_CAP = 4.0
T = TypeVar("T")


def _digest_header(challenge: str, method: str, url: str, user: str, password: str) -> str:
    """An ``Authorization: Digest`` value (RFC 7616, MD5 or SHA-256, qop=auth)."""
    fields = {k.lower(): a or b for k, a, b in re.findall(r'(\w+)=(?:"([^"]*)"|([^\s,]*))', challenge)}
    algorithm = fields.get("algorithm", "MD5").upper()
    hash_name = {"MD5": "md5", "MD5-SESS": "md5", "SHA-256": "sha256", "SHA-256-SESS": "sha256"}.get(algorithm)
    if hash_name is None:
        raise EndpointError(f"{url}: the server asks for digest algorithm {algorithm}, which gpukg does not speak")

    def h(text: str) -> str:
        return hashlib.new(hash_name, text.encode()).hexdigest()

    parts = urllib.parse.urlsplit(url)
    uri = parts.path + (f"?{parts.query}" if parts.query else "")
    realm, nonce = fields.get("realm", ""), fields.get("nonce", "")
    cnonce, nc = uuid.uuid4().hex[:16], "00000001"
    ha1 = h(f"{user}:{realm}:{password}")
    if algorithm.endswith("-SESS"):
        ha1 = h(f"{ha1}:{nonce}:{cnonce}")
    ha2 = h(f"{method}:{uri}")
    qop = "auth" if "auth" in [q.strip() for q in fields.get("qop", "").split(",")] else None
    response = h(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}") if qop else h(f"{ha1}:{nonce}:{ha2}")
    value = (f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
             f'algorithm={fields.get("algorithm", "MD5")}, response="{response}"')
    if qop:
        value += f', qop=auth, nc={nc}, cnonce="{cnonce}"'
    if "opaque" in fields:
        value += f', opaque="{fields["opaque"]}"'
    return value


def authorization(method: str, url: str, user: str | None, password: str | None, timeout: float) -> str | None:
    """Credentials for one request, found before the request is sent.

    A digest challenge comes with a 401 to a first request; sending a large body just to
    be refused makes the server close the connection mid-upload, so the challenge is
    fetched with a body-less GET to the same path first.
    """
    if not user:
        return None
    parts = urllib.parse.urlsplit(url)
    probe = urllib.parse.urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    try:
        urllib.request.urlopen(urllib.request.Request(probe, method="GET"), timeout=timeout).close()
        return None  # no challenge: the server does not ask for credentials there
    except urllib.error.HTTPError as exc:
        challenge = exc.headers.get("WWW-Authenticate", "") if exc.code == 401 else ""
        exc.close()
    if challenge.lower().startswith("digest"):
        return _digest_header(challenge, method, url, user, password or "")
    import base64

    return "Basic " + base64.b64encode(f"{user}:{password or ''}".encode()).decode()


def _is_refused(exc: BaseException) -> bool:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return isinstance(reason, (ConnectionRefusedError, ConnectionResetError, http.client.RemoteDisconnected))


def _is_timeout(exc: BaseException) -> bool:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    return isinstance(reason, (socket.timeout, TimeoutError))


def with_retries(url: str, attempt: Callable[[], T], retries: int, idempotent: bool = True) -> T:
    """Run ``attempt``; again, after 0.5, 1, 2, 4 ... s, when it may succeed later.

    Connection errors (refused, reset) and 502/503/504 are retried; a timeout is not (the
    caller's limit is the limit), nor is a 4xx or a 500. A request that is not idempotent
    is retried only when it was refused before the server saw it.
    """
    for tried in range(retries + 1):
        try:
            return attempt()
        except urllib.error.HTTPError as exc:
            if exc.code not in RETRY_STATUSES or tried == retries:
                raise
        except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
            if _is_timeout(exc) or not _is_refused(exc) or tried == retries:
                raise
            reason = getattr(exc, "reason", exc)
            if not idempotent and not isinstance(reason, ConnectionRefusedError):
                raise
        time.sleep(min(0.5 * 2 ** tried, _BACKOFF_CAP))
    raise AssertionError("unreachable")


_VIRTUOSO_CANCELLED = re.compile(r"\bSR203\b.*killed by SQLCancel|killed by SQLCancel", re.S)
_VIRTUOSO_ESTIMATE = re.compile(r"estimated execution time (-?\d+) \(sec\) exceeds the limit of (\d+) \(sec\)")


def explain(url: str, exc: BaseException, timeout: float, retries: int, user: str | None) -> EndpointError:
    """One line that says what happened and what to try."""
    where = urllib.parse.urlsplit(url).netloc or url
    if isinstance(exc, urllib.error.HTTPError):
        body = ""
        try:
            body = " ".join(exc.read(400).decode("utf-8", "replace").split())
        except Exception:  # the body is only a hint
            pass
        detail = f": {body[:200]}" if body else ""
        if exc.code == 401:
            hint = "check --user and --password" if user else "this endpoint needs --user and --password"
            return EndpointError(f"{url} refused the credentials (HTTP 401); {hint}")
        if exc.code == 403:
            return EndpointError(f"{url} forbids this (HTTP 403){detail}; the account may lack write "
                                 "rights (on Virtuoso, grant SPARQL_UPDATE)")
        if exc.code == 404:
            return EndpointError(f"{url} does not exist (HTTP 404); check the path "
                                 "(Oxigraph: /query, Virtuoso: /sparql)")
        if exc.code in RETRY_STATUSES:
            return EndpointError(f"{url} answered HTTP {exc.code} after {retries + 1} tries; "
                                 "the server or a proxy in front of it is unavailable, try again later")
        estimate = _VIRTUOSO_ESTIMATE.search(body)
        if estimate:
            # Virtuoso refuses before running when its sampled cost estimate passes a limit;
            # the estimate can be off by orders of magnitude, so say where the limit lives.
            # A large enough estimate overflows Virtuoso's 32-bit counter and comes out negative.
            seconds = estimate[1]
            guess = f"more than 2^31 s ({seconds}, overflowed)" if seconds.startswith("-") else f"{seconds} s"
            return EndpointError(f"{url} refused to run the query: Virtuoso estimated {guess}, over its "
                                 f"limit of {estimate[2]} s; raise MaxQueryCostEstimationTime in the [SPARQL] "
                                 "section of virtuoso.ini, or narrow the query with parameters")
        if exc.code >= 500 and _VIRTUOSO_CANCELLED.search(body):
            # past its time limit a busy Virtuoso may cancel the query outright instead of sending
            # the rows it has (the "anytime" answer endpoint.py refuses): the same limit, said so
            return EndpointError(f"{url} stopped the query at its time limit and sent no results "
                                 "(Virtuoso SR203, cancelled); raise MaxQueryExecutionTime in the [SPARQL] "
                                 "section of virtuoso.ini, or narrow the query with parameters")
        if exc.code >= 500:
            return EndpointError(f"{url} failed with HTTP {exc.code}{detail}; see the server's log")
        return EndpointError(f"{url} refused the request (HTTP {exc.code}){detail}")
    if _is_timeout(exc):
        return EndpointError(f"{url} did not answer within {timeout:g} s; raise --timeout, "
                             "or check that the server is not stuck")
    if _is_refused(exc):
        return EndpointError(f"cannot connect to {where} ({_reason(exc)}, {retries + 1} tries); "
                             "is the server running, and is the port right?")
    return EndpointError(f"cannot reach {url}: {_reason(exc)}; check the host name and the network")


def _reason(exc: BaseException) -> str:
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, (ConnectionResetError, http.client.RemoteDisconnected)):
        return "connection closed by the server"
    return str(reason) or type(reason).__name__


def send(method: str, url: str, body: bytes | None, content_type: str | None, *, user: str | None,
          password: str | None, timeout: float, retries: int, idempotent: bool = True) -> int:
    """One HTTP request, retried as ``with_retries`` says; returns the status."""
    def attempt() -> int:
        request = urllib.request.Request(url, data=body, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        auth = authorization(method, url, user, password, timeout)
        if auth:
            request.add_header("Authorization", auth)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status

    try:
        return with_retries(url, attempt, retries, idempotent)
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        raise explain(url, exc, timeout, retries, user) from None
