"""Pure domain: dataclasses and rules. Imports neither textual nor tinydb."""
