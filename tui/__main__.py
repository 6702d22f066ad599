"""Entry point: ``rebound`` and ``python -m tui``. Textual is imported only to open the app.

`rebound prompt` runs before every shell prompt: it is routed here, before the CLI's imports."""

import sys


def main(argv: list[str] | None = None) -> int:  # no typing imports: see tui/prompt.py
    args = list(sys.argv[1:] if argv is None else argv)
    from . import prompt  # standard library only

    if prompt.is_prompt(args):
        return prompt.main(args)
    if args[:1] == ["merge-driver"]:  # git runs it once per file: no CLI imports
        from .sync.driver import main as merge_driver

        return merge_driver(args[1:])
    from .cli.main import main as cli_main

    return cli_main(args)


if __name__ == "__main__":
    sys.exit(main())
