"""Whether a record's link points at a public web site: the rule the validator and the weekly link
check share, so that no record can make the checker (or a reader's browser) call a private host."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import SplitResult

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
    return None
