"""Whether a record's link points at a public web site: the rule the validator and the weekly link
check share, so that no record can make the checker (or a reader's browser) call a private host,
nor a reader mistake one site for another (a look-alike host name, or link text that names a site
the link does not lead to)."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult, urlsplit

import idna
from confusable_homoglyphs import categories, confusables

# Names that never reach a public site (RFC 6761, RFC 8375 and common private suffixes).
_PRIVATE_SUFFIXES = ("localhost", "local", "internal", "lan", "home.arpa", "invalid", "test")
# A public top-level domain is letters, or an internationalized one in its xn-- form. This also
# refuses hosts a browser reads as an IP address: 2130706433, 0x7f.1, 127.1.
_TOP_LEVEL = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def why_not_public(parts: SplitResult) -> str | None:
    """What keeps the split URL `parts` from being a link to a public host, or None."""
    host = (parts.hostname or "").rstrip(".")
    try:
        ipaddress.ip_address(host)
        return "a link names its site by host name, not by IP address"
    except ValueError:
        pass
    labels = host.split(".")
    if len(labels) < 2 or not _TOP_LEVEL.fullmatch(labels[-1]):
        return f"'{host}' is not a public host name (e.g. www.iom.int)"
    if any(host == suffix or host.endswith("." + suffix) for suffix in _PRIVATE_SUFFIXES):
        return f"'{host}' is a local or private host name, not a public site"
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(parts.scheme):
        return "a link may not name a port; use the site's ordinary address"
    return why_deceptive(host)


def why_deceptive(host: str) -> str | None:
    """Why the host name could pass for another one (UTS #39), or is no valid IDNA name, or None."""
    try:
        # IDNA 2008 with UTS #46 mapping, as browsers read a name; refuses '\', '_' and the like.
        labels = idna.decode(idna.encode(host, uts46=True)).split(".")
    except (idna.IDNAError, UnicodeError) as error:
        return f"'{host}' is not a valid host name ({error})"
    for label in labels:
        if label.isascii():
            continue
        if confusables.is_mixed_script(label):
            return (f"'{host}' mixes the letters of several scripts in '{label}', as look-alike "
                    "addresses do; write the address as the site itself gives it")
        letters = [ch for ch in label if ch.isalpha()]
        # Under a top-level domain of its own script (.рф), a word of that script is what one expects.
        if labels[-1].isascii() and letters and all(categories.alias(ch) != "LATIN" and confusables.is_confusable(ch, preferred_aliases=["latin"])
                           for ch in letters):
            return (f"'{host}' is written in letters that look like Latin ones ('{label}'), as "
                    "look-alike addresses are; write the address as the site itself gives it")
    return None


# Link text that reads as a web address: "www.un.org", "https://un.org/en/", "un.org".
_ADDRESS_TEXT = re.compile(r"(?:https?://)?((?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,})(?:[/:?#].*)?", re.IGNORECASE)


def display_host(url: str) -> str:
    """The host a reader sees beside a link: the site it leads to, without 'www.'."""
    host = (urlsplit(url).hostname or "").rstrip(".")
    return host[4:] if host.startswith("www.") else host


def why_text_misleads(text: str, url: str) -> str | None:
    """Why a link's text names a site other than the one it leads to, or None."""
    match = _ADDRESS_TEXT.fullmatch(text.strip())
    if match is None:
        return None
    named = match[1].lower()
    named = named[4:] if named.startswith("www.") else named
    target = display_host(url)
    if named != target and not target.endswith("." + named):
        return f"the link's text names '{named}' but it leads to '{target}'; make the text say where it goes"
    return None
