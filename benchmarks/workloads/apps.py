"""App templates the workloads share (see :meth:`benchmarks.targets.Target.source`)."""

from __future__ import annotations

#: Asks for input for ever: each answer brings the next form.
INPUT_LOOP = """
    from {pkg}.input import input

    {async_}def main():
        while True:
            {await_}input("Next")
"""
