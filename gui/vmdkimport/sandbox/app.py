"""``vmdkimport sandbox``: run the local cloud in the foreground until Ctrl+C or SIGTERM.

Other programs (tests, the wizard's --demo mode, scripts) start it as a subprocess and read the
one line of JSON it prints on stdout to learn the URLs and credentials; everything meant for a
human goes to stderr.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

from vmdkimport.core.units import size_argument
from vmdkimport.sandbox.config import SandboxConfig
from vmdkimport.sandbox.server import Sandbox


def _number(minimum: float, *, integer: bool = False) -> Any:
    def parse(text: str) -> float | int:
        try:
            value: float | int = int(text) if integer else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}")
        return value
    return parse


def add_sandbox_arguments(parser: argparse.ArgumentParser) -> None:
    """The sandbox's options, for ``vmdkimport sandbox`` and anything else that starts one."""
    defaults = SandboxConfig()
    parser.add_argument(
        "--port", type=_number(0, integer=True), default=0,
        help="first of three ports: identity P, object storage P+1, import P+2 "
             "(default: 0, three free ports)")
    parser.add_argument(
        "--data-dir", type=Path, default=None,
        help="keep objects and imports here across runs (default: a temporary directory "
             "removed on exit)")
    parser.add_argument(
        "--max-file-size", type=size_argument, default=defaults.max_file_size,
        help="largest single object PUT, bytes or with K/M/G/T (default: 5G, as Swift)")
    parser.add_argument(
        "--max-image-size", type=size_argument, default=None,
        help="larger images are refused with 40037 (default: no limit)")
    parser.add_argument(
        "--conversion-seconds", type=_number(0), default=defaults.conversion_seconds,
        help="simulated conversion time of each import (default: %(default)s; 0 = at once)")
    parser.add_argument(
        "--token-lifetime", type=_number(1), default=defaults.token_lifetime,
        help="token lifetime in seconds (default: %(default)s, 3 hours as on the provider)")
    parser.add_argument(
        "--max-active-imports", type=_number(1, integer=True),
        default=defaults.max_active_imports,
        help="503/50301 when this many imports are queued or processing (default: "
             "%(default)s)")


def config_from_args(args: argparse.Namespace) -> SandboxConfig:
    return SandboxConfig(
        port=args.port, data_dir=args.data_dir, max_file_size=args.max_file_size,
        max_image_size=args.max_image_size, conversion_seconds=args.conversion_seconds,
        token_lifetime=args.token_lifetime, max_active_imports=args.max_active_imports,
    )


def run_sandbox(args: argparse.Namespace) -> int:
    """Start, print the connection info as one JSON line, serve until a signal, stop; 0."""
    sandbox = Sandbox(config_from_args(args)).start()
    stop_requested = False

    def request_stop(signum: int, frame: FrameType | None) -> None:
        nonlocal stop_requested
        stop_requested = True

    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, request_stop)
    try:
        info = sandbox.info()
        print(json.dumps(info), flush=True)  # noqa: T201 - the one machine-readable line
        print(  # noqa: T201 - the hint for a human
            f"Sandbox cloud running on loopback. Identity {info['identity_url']}, user "
            f"{info['user']!r} in domain {info['domain']!r}, project {info['project_name']!r}.\n"
            f"Data in {sandbox.data_dir}. Press Ctrl+C to stop.",
            file=sys.stderr, flush=True)
        while not stop_requested:
            time.sleep(0.2)
    except KeyboardInterrupt:
        pass
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        sandbox.stop()
    print("Sandbox stopped.", file=sys.stderr, flush=True)  # noqa: T201
    return 0
