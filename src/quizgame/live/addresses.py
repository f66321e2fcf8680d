"""Which address the hub listens on, and which one students type.

The hub listens on 127.0.0.1 (this machine only) unless the teacher asks for the network:
`--lan` listens on every interface and names this machine's LAN address, `--bind ADDRESS` on one.
"""

from __future__ import annotations

import ipaddress
import socket

LOOPBACK = "127.0.0.1"
EVERYWHERE = "0.0.0.0"


def lan_address() -> str:
    """This machine's address on the local network (the loopback address when there is none)."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # UDP: nothing is sent, the route picks the address
        return str(probe.getsockname()[0])
    except OSError:
        return LOOPBACK
    finally:
        probe.close()


def listen_and_share(*, lan: bool, bind: str | None) -> tuple[str, str]:
    """(address to listen on, address students use)."""
    if bind is not None:
        return bind, lan_address() if bind in (EVERYWHERE, "::", "") else bind
    if lan:
        return EVERYWHERE, lan_address()
    return LOOPBACK, LOOPBACK


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (a name other than localhost is not assumed)."""
    try:
        return host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def join_url(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/"
