"""Harnesses that run real OpenStack services (Debian packages) on 127.0.0.1 for tests."""
